package io.jets.bench;

import io.jets.table.OrderedTable;
import io.jets.table.WriteConcurrency;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Inserts of new keys and deletes of present keys, each alone, against {@code
 * ConcurrentSkipListMap} and a {@code ReentrantLock}-guarded {@code TreeMap}: an invocation fills
 * an empty structure with {@link KeyLayout#ITEMS} keys in a shuffled order ({@code fill*}), or
 * empties a full one in another shuffled order ({@code drain*}); the score is per key. A fill is
 * what {@link OrderedBenchmark}'s delete+insert is not: every insert adds a key, so leaves grow,
 * split and share, and {@code -prof gc} gives the bytes one insert allocates (nothing else
 * allocates in the measured method; the structure an invocation starts from is made by the
 * invocation's setup, whose bytes {@code -prof gc} also counts: for a drain, the fill before it).
 *
 * <p>Each thread has its own structures (state per thread), so this benchmark measures one thread's
 * writes; {@link OrderedBenchmark} and {@link OrderedDisjointInsertBenchmark} measure writes to a
 * shared structure at two threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderedFillDrainBenchmark {

  private static final int KEYS = KeyLayout.ITEMS;

  private Integer[] fillOrder;
  private Integer[] drainOrder;
  private OrderedTable<Integer, Integer> on;
  private ConcurrentSkipListMap<Integer, Integer> skipList;
  private TreeMap<Integer, Integer> treeMap;
  private final ReentrantLock treeLock = new ReentrantLock();
  private int tables;

  @Setup(Level.Trial)
  public void orders() {
    fillOrder = KeyLayout.denseItems();
    Collections.shuffle(Arrays.asList(fillOrder), new Random(11));
    drainOrder = fillOrder.clone();
    Collections.shuffle(Arrays.asList(drainOrder), new Random(13));
  }

  /** Empty structures for a fill; full ones (filled in the fill's order) for a drain. */
  @Setup(Level.Invocation)
  public void fresh(BenchmarkParams params) {
    on =
        OrderedBenchmark.ordered(
            "fill-drain-" + Thread.currentThread().threadId() + "-" + tables++,
            WriteConcurrency.ON);
    skipList = new ConcurrentSkipListMap<>();
    treeMap = new TreeMap<>();
    if (params.getBenchmark().contains(".drain")) {
      for (Integer key : fillOrder) {
        on.insert(key, key);
        skipList.put(key, key);
        treeMap.put(key, key);
      }
    }
  }

  @TearDown(Level.Invocation)
  public void drop() {
    on.delete();
  }

  // ---- inserts of new keys into a growing structure ----

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void fillOn() {
    for (Integer key : fillOrder) {
      on.insert(key, key);
    }
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void fillSkipList() {
    for (Integer key : fillOrder) {
      skipList.put(key, key);
    }
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void fillLockedTreeMap() {
    for (Integer key : fillOrder) {
      treeLock.lock();
      try {
        treeMap.put(key, key);
      } finally {
        treeLock.unlock();
      }
    }
  }

  // ---- deletes of present keys from a shrinking structure ----

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void drainOn() {
    for (Integer key : drainOrder) {
      on.delete(key);
    }
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void drainSkipList() {
    for (Integer key : drainOrder) {
      skipList.remove(key);
    }
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void drainLockedTreeMap() {
    for (Integer key : drainOrder) {
      treeLock.lock();
      try {
        treeMap.remove(key);
      } finally {
        treeLock.unlock();
      }
    }
  }
}
