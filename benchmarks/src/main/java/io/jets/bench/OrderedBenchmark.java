package io.jets.bench;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ordered sets against {@code ConcurrentSkipListMap} and a {@code ReentrantLock}-guarded {@code
 * TreeMap}, on the same pre-populated keys. Targets: lookup at most 0.6x the skip list's get;
 * delete+insert at most 0.8x its remove+put; a 64-key range select at most 1.0x iterating the skip
 * list's {@code subMap} (both per element).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderedBenchmark {

  static final int RANGE = 64;

  private Integer[] slots;
  private OrderedTable<Integer, Integer> off;
  private OrderedTable<Integer, Integer> on;
  private ConcurrentSkipListMap<Integer, Integer> skipList;
  private TreeMap<Integer, Integer> treeMap;
  private final ReentrantLock treeLock = new ReentrantLock();

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.denseItems();
    slots = KeyLayout.slots(items);
    off = ordered("ordered-off", WriteConcurrency.OFF);
    on = ordered("ordered-on", WriteConcurrency.ON);
    skipList = new ConcurrentSkipListMap<>();
    treeMap = new TreeMap<>();
    for (Integer key : items) {
      off.insert(key, key);
      on.insert(key, key);
      skipList.put(key, key);
      treeMap.put(key, key);
    }
  }

  static OrderedTable<Integer, Integer> ordered(String name, WriteConcurrency mode) {
    return Tables.orderedSet(name).access(Access.PUBLIC).writeConcurrency(mode).build();
  }

  @TearDown
  public void drop() {
    off.delete();
    on.delete();
  }

  // ---- lookups ----

  @Benchmark
  public Integer lookupOff(ThreadCursor cursor) {
    return off.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer lookupOn(ThreadCursor cursor) {
    return on.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer lookupSkipList(ThreadCursor cursor) {
    return skipList.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer lookupLockedTreeMap(ThreadCursor cursor) {
    treeLock.lock();
    try {
      return treeMap.get(slots[cursor.next()]);
    } finally {
      treeLock.unlock();
    }
  }

  // ---- delete then insert the same key (two operations per invocation) ----

  @Benchmark
  public void deleteInsertOff(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    off.delete(key);
    off.insert(key, key);
  }

  /**
   * An insert over a present key, the key object the table holds: the value is written in place (a
   * {@code put} over a present key in the skip list).
   */
  @Benchmark
  public void overwriteOn(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    on.insert(key, key);
  }

  @Benchmark
  public Integer overwriteSkipList(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    return skipList.put(key, key);
  }

  @Benchmark
  public void deleteInsertOn(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    on.delete(key);
    on.insert(key, key);
  }

  @Benchmark
  public void deleteInsertSkipList(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    skipList.remove(key);
    skipList.put(key, key);
  }

  @Benchmark
  public void deleteInsertLockedTreeMap(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    treeLock.lock();
    try {
      treeMap.remove(key);
      treeMap.put(key, key);
    } finally {
      treeLock.unlock();
    }
  }

  // ---- a range of RANGE consecutive keys ----

  @Benchmark
  public void rangeSelectOn(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    List<Integer> values =
        on.select(
            MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + RANGE, false))
                .returnValue());
    for (Integer value : values) {
      sink.consume(value);
    }
  }

  @Benchmark
  public void rangeSkipListSubMap(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    for (Integer value : skipList.subMap(from, true, from + RANGE, false).values()) {
      sink.consume(value);
    }
  }
}
