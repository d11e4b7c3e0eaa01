package io.jets.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Puts a benchmark's structures in one memory order in every fork. Where a structure's objects lie
 * decides how fast a walk of it runs: a collection that copies young objects lays each one out as
 * it reaches them from the roots (a skip list's nodes one after another, in key order), and a full
 * collection slides objects and keeps their order. Whether a young collection happened to fall in
 * the middle of a benchmark's setup decided which layout a fork measured (BENCHMARKS.md, Run Z), so
 * a setup that calls {@link #copyOnce} right after it builds its structures measures the same
 * layout every fork: the one data built at startup and then read has once it survives its first
 * young collection.
 */
final class HeapLayout {
  private static volatile Object sink;

  private HeapLayout() {}

  /**
   * Allocates garbage until a collection has run, so that the objects allocated since the last one
   * are copied from the roots, then runs a full collection (which keeps that order).
   *
   * @throws IllegalStateException if no collection ran after 16 GB of garbage
   */
  static void copyOnce() {
    long before = collections();
    for (long bytes = 0; collections() == before; bytes += 64L << 20) {
      if (bytes > 16L << 30) {
        throw new IllegalStateException("no collection ran after 16 GB of garbage");
      }
      for (int i = 0; i < 16 * 1024; i++) { // 16,384 arrays of 4 KB: 64 MB between checks
        sink = new byte[4096];
      }
    }
    sink = null;
    System.gc();
  }

  private static long collections() {
    long count = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
    }
    return count;
  }
}
