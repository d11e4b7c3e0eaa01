package io.jets.table;

/**
 * How writers share a table, as ETS's {@code write_concurrency}. The mode tunes speed and memory
 * only: every atomicity and isolation guarantee is the same in all three.
 */
public enum WriteConcurrency {
  /** All writers share one lock: the least memory, no write parallelism. The default. */
  OFF,
  /** Writers lock one of a fixed set of stripes (64 for hash tables, as in ETS). */
  ON,
  /**
   * Like {@link #ON}, with a number of stripes that follows the contention actually seen: one lock
   * while writers do not collide, up to 256 when they do. {@link TableInfo#lockStripes()} reports
   * the current count.
   */
  AUTO
}
