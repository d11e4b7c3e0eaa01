package io.jets.property;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * How hard the properties work. The default fits the module's budget on a shared 2-core machine;
 * {@code -Djets.property.depth=N} (the {@code deep} Maven profile sets 10) multiplies scenarios,
 * invocations and random-sequence lengths by N. {@code -Djets.property.seed=S} replays one seed of
 * the random-sequence properties.
 */
final class Budget {

  private Budget() {}

  /** The multiplier; 1 by default. */
  static int depth() {
    String value = System.getProperty("jets.property.depth", "");
    return value.isBlank() ? 1 : Math.max(1, Integer.parseInt(value.trim()));
  }

  /** The seed to replay, if one was given. */
  static Long replaySeed() {
    String value = System.getProperty("jets.property.seed", "");
    return value.isBlank() ? null : Long.parseLong(value.trim());
  }

  /** Stress-mode Lincheck options for one table configuration. */
  static StressOptions stress() {
    return new StressOptions()
        .iterations(6 * depth())
        .invocationsPerIteration(400 * depth())
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(1);
  }

  /**
   * Model-checking Lincheck options for one table configuration or the term store. The loop bound
   * is raised from Lincheck's 50 to {@value #LOOP_BOUND}: a multi-object write or a size walks
   * every stripe's cell (up to 256 with AUTO), a finite loop that Lincheck would otherwise report
   * as a livelock ("The execution has hung"); and a reader spinning in the sequence's readBegin
   * while such a write runs spins for as many of its own iterations as the scheduler lets the
   * writer's loops run.
   */
  static ModelCheckingOptions modelChecking() {
    return new ModelCheckingOptions()
        .iterations(3 * depth())
        .invocationsPerIteration(80 * depth())
        .threads(2)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .loopBound(LOOP_BOUND);
  }

  /**
   * Above the longest finite loop a model-checked thread can run: a reader's spin while an AUTO
   * table's deleteAllObjects forwards 256 buckets and then clears 256 cells (a deep run reported
   * that as a hang with a bound of 600), plus slack.
   */
  private static final int LOOP_BOUND = 2_000;
}
