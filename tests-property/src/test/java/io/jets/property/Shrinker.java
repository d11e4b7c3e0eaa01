package io.jets.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin, chunk removal only): drops ever smaller chunks of a failing
 * operation sequence while it still fails, so a report shows a handful of operations rather than
 * thousands.
 */
final class Shrinker {

  /**
   * Gives up refining after this many re-runs: each one rebuilds a table and replays the sequence.
   */
  private static final int MAX_RUNS = 2_000;

  private Shrinker() {}

  /** A shortest-found subsequence of {@code failing} for which {@code fails} still holds. */
  static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
    List<T> current = new ArrayList<>(failing);
    int chunks = 2;
    int runs = 0;
    while (current.size() >= 2 && runs < MAX_RUNS) {
      int chunk = Math.max(1, current.size() / chunks);
      boolean removed = false;
      for (int start = 0; start < current.size() && runs < MAX_RUNS; start += chunk) {
        List<T> candidate = new ArrayList<>(current.subList(0, start));
        candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
        runs++;
        if (!candidate.isEmpty() && fails.test(candidate)) {
          current = candidate;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
          break;
        }
      }
      if (!removed) {
        if (chunk == 1) {
          break;
        }
        chunks = Math.min(chunks * 2, current.size());
      }
    }
    return current;
  }
}
