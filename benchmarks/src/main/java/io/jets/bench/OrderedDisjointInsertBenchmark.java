package io.jets.bench;

import io.jets.table.OrderedTable;
import io.jets.table.WriteConcurrency;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Ordered inserts on disjoint key ranges: each thread inserts into (and deletes from) its own range
 * of 2^20 keys, so writers never touch the same keys. A contention-adapting tree splits its base
 * nodes between the ranges and lets the writers run in parallel; a locked TreeMap cannot. Run with
 * {@code -t 1} and {@code -t 2}: targets are 2-thread throughput at least 1.8x the 1-thread
 * throughput, and at least 1.8x the locked TreeMap's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderedDisjointInsertBenchmark {

  static final int RANGE_BITS = 20;
  static final int KEYS_PER_THREAD = 4096;

  private OrderedTable<Integer, Integer> table;
  private TreeMap<Integer, Integer> treeMap;
  private final ReentrantLock treeLock = new ReentrantLock();

  @Setup
  public void create() {
    table = OrderedBenchmark.ordered("disjoint", WriteConcurrency.ON);
    treeMap = new TreeMap<>();
  }

  @TearDown
  public void drop() {
    table.delete();
  }

  /** A thread's own range, walked in a scrambled order so inserts spread over it. */
  @State(Scope.Thread)
  public static class Range {
    int base;
    int step;

    @Setup
    public void place(ThreadParams thread) {
      base = thread.getThreadIndex() << RANGE_BITS;
    }

    int nextKey() {
      step = (step + 1) & (KEYS_PER_THREAD - 1);
      return base + (Integer.reverse(step) >>> (32 - 12)) * 256;
    }
  }

  @Benchmark
  public void jetsOn(Range range) {
    int key = range.nextKey();
    if (!table.insertNew(key, key)) {
      table.delete(key);
    }
  }

  @Benchmark
  public void lockedTreeMap(Range range) {
    int key = range.nextKey();
    treeLock.lock();
    try {
      if (treeMap.putIfAbsent(key, key) != null) {
        treeMap.remove(key);
      }
    } finally {
      treeLock.unlock();
    }
  }
}
