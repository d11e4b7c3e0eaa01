package io.jets.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Set lookups against the JDK's concurrent maps, on the same pre-populated keys. Targets: jets
 * lookup (any mode) at most 1.10x {@code ConcurrentHashMap.get}; OFF-mode lookup at most 0.5x
 * {@code Collections.synchronizedMap.get}; two threads at least 1.9x the throughput of one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SetLookupBenchmark {

  private Integer[] slots;
  private SetTable<Integer, Integer> off;
  private SetTable<Integer, Integer> on;
  private SetTable<Integer, Integer> auto;
  private SetTable<Integer, Integer> readConcurrent;
  private ConcurrentHashMap<Integer, Integer> concurrentHashMap;
  private Map<Integer, Integer> synchronizedMap;
  private Map<Integer, Integer> lockedHashMap;
  private ReentrantReadWriteLock.ReadLock readLock;
  private Cache<Integer, Integer> caffeine;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    off = table("lookup-off", WriteConcurrency.OFF, false);
    on = table("lookup-on", WriteConcurrency.ON, false);
    auto = table("lookup-auto", WriteConcurrency.AUTO, false);
    readConcurrent = table("lookup-rc", WriteConcurrency.ON, true);
    concurrentHashMap = new ConcurrentHashMap<>();
    lockedHashMap = new HashMap<>();
    synchronizedMap = Collections.synchronizedMap(new HashMap<>());
    readLock = new ReentrantReadWriteLock().readLock();
    caffeine = Caffeine.newBuilder().maximumSize(2L * items.length).build();
    for (Integer key : items) {
      off.insert(key, key);
      on.insert(key, key);
      auto.insert(key, key);
      readConcurrent.insert(key, key);
      concurrentHashMap.put(key, key);
      lockedHashMap.put(key, key);
      synchronizedMap.put(key, key);
      caffeine.put(key, key);
    }
  }

  static SetTable<Integer, Integer> table(
      String name, WriteConcurrency mode, boolean readConcurrency) {
    return Tables.set(name)
        .access(Access.PUBLIC)
        .writeConcurrency(mode)
        .readConcurrency(readConcurrency)
        .build();
  }

  @TearDown
  public void drop() {
    off.delete();
    on.delete();
    auto.delete();
    readConcurrent.delete();
  }

  @Benchmark
  public Integer jetsOff(ThreadCursor cursor) {
    return off.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer jetsOn(ThreadCursor cursor) {
    return on.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer jetsAuto(ThreadCursor cursor) {
    return auto.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer jetsReadConcurrency(ThreadCursor cursor) {
    return readConcurrent.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer concurrentHashMap(ThreadCursor cursor) {
    return concurrentHashMap.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer readWriteLockHashMap(ThreadCursor cursor) {
    readLock.lock();
    try {
      return lockedHashMap.get(slots[cursor.next()]);
    } finally {
      readLock.unlock();
    }
  }

  @Benchmark
  public Integer synchronizedMap(ThreadCursor cursor) {
    return synchronizedMap.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer caffeine(ThreadCursor cursor) {
    return caffeine.getIfPresent(slots[cursor.next()]);
  }
}
