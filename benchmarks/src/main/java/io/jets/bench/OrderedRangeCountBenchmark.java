package io.jets.bench;

import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.WriteConcurrency;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
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

/**
 * Counting the objects of a 64-key range: jets' {@code selectCount} of a bare key range (counted
 * from subtree sizes), the same count with a guard that passes everything (the scan every
 * selectCount took before), the size of {@code ConcurrentSkipListMap.subMap} (an iteration), and a
 * locked {@code TreeMap}'s {@code subMap} size (also an iteration). Target: the count at most 0.5x
 * the skip list's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderedRangeCountBenchmark {

  static final int RANGE = OrderedBenchmark.RANGE;

  private Integer[] slots;
  private OrderedTable<Integer, Integer> on;
  private ConcurrentSkipListMap<Integer, Integer> skipList;
  private TreeMap<Integer, Integer> treeMap;
  private final ReentrantLock treeLock = new ReentrantLock();

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.denseItems();
    slots = KeyLayout.slots(items);
    on = OrderedBenchmark.ordered("ordered-count-on", WriteConcurrency.ON);
    skipList = new ConcurrentSkipListMap<>();
    treeMap = new TreeMap<>();
    for (Integer key : items) {
      on.insert(key, key);
      skipList.put(key, key);
      treeMap.put(key, key);
    }
  }

  @TearDown
  public void drop() {
    on.delete();
  }

  @Benchmark
  public long countOn(ThreadCursor cursor) {
    int from = slots[cursor.next()];
    return on.selectCount(
        MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + RANGE, false))
            .returnTrue());
  }

  @Benchmark
  public long countScannedOn(ThreadCursor cursor) {
    int from = slots[cursor.next()];
    return on.selectCount(
        MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + RANGE, false))
            .guard((k, v) -> true)
            .returnTrue());
  }

  @Benchmark
  public int countSkipListSubMap(ThreadCursor cursor) {
    int from = slots[cursor.next()];
    return skipList.subMap(from, true, from + RANGE, false).size();
  }

  @Benchmark
  public int countLockedTreeMapSubMap(ThreadCursor cursor) {
    int from = slots[cursor.next()];
    treeLock.lock();
    try {
      return treeMap.subMap(from, true, from + RANGE, false).size();
    } finally {
      treeLock.unlock();
    }
  }
}
