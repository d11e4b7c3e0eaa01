package io.jets.cluster;

import io.jets.table.SetTable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** What the cluster tests share: waiting for a condition, and a table's content. */
final class Eventually {

  private Eventually() {}

  /**
   * Polls {@code condition} until it holds; fails after 60 s. Never sleeps: a member applies
   * another's writes asynchronously, and the condition is the outcome the test asserts.
   */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /** The table's objects, sorted by key. */
  static <V> Map<String, V> content(SetTable<String, V> table) {
    Map<String, V> all = new TreeMap<>();
    table.toList().forEach(o -> all.put(o.getKey(), o.getValue()));
    return all;
  }
}
