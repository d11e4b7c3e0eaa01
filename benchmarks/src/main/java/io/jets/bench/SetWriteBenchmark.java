package io.jets.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Set writes against {@code ConcurrentHashMap} on the same pre-populated keys: inserts that replace
 * (target: ON and AUTO at most 1.20x {@code put}), insert/delete churn (target: per-operation time
 * at 2 threads at most 1.2x at 1 thread), and counter updates (target: at most 1.2x {@code
 * compute(+1)}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SetWriteBenchmark {

  private Integer[] slots;
  private SetTable<Integer, Integer> off;
  private SetTable<Integer, Integer> on;
  private SetTable<Integer, Integer> auto;
  private SetTable<Integer, Integer> owned;
  private SetTable<Integer, Long> counters;
  private ConcurrentHashMap<Integer, Integer> concurrentHashMap;
  private ConcurrentHashMap<Integer, Long> concurrentCounters;
  private Cache<Integer, Integer> caffeine;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    off = SetLookupBenchmark.table("write-off", WriteConcurrency.OFF, false);
    on = SetLookupBenchmark.table("write-on", WriteConcurrency.ON, false);
    auto = SetLookupBenchmark.table("write-auto", WriteConcurrency.AUTO, false);
    owned = Tables.set("write-protected").writeConcurrency(WriteConcurrency.ON).build();
    counters =
        Tables.set("counters")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.AUTO)
            .build();
    concurrentHashMap = new ConcurrentHashMap<>();
    concurrentCounters = new ConcurrentHashMap<>();
    caffeine = Caffeine.newBuilder().maximumSize(2L * items.length).build();
    for (Integer key : items) {
      off.insert(key, key);
      on.insert(key, key);
      auto.insert(key, key);
      owned.insert(key, key);
      counters.insert(key, 0L);
      concurrentHashMap.put(key, key);
      concurrentCounters.put(key, 0L);
      caffeine.put(key, key);
    }
  }

  @TearDown
  public void drop() {
    off.delete();
    on.delete();
    auto.delete();
    owned.delete();
    counters.delete();
  }

  // ---- inserts that replace an existing object ----

  @Benchmark
  public void insertOff(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    off.insert(key, key);
  }

  @Benchmark
  public void insertOn(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    on.insert(key, key);
  }

  @Benchmark
  public void insertAuto(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    auto.insert(key, key);
  }

  /**
   * The ETS default: a PROTECTED table written by its owner (the application owner, which the
   * unbound benchmark threads act for).
   */
  @Benchmark
  public void insertProtectedByOwner(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    owned.insert(key, key);
  }

  @Benchmark
  public Integer concurrentHashMapPut(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    return concurrentHashMap.put(key, key);
  }

  @Benchmark
  public void caffeinePut(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    caffeine.put(key, key);
  }

  // ---- churn: delete an object and insert it back (two operations per invocation) ----

  @Benchmark
  public void churnOn(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    on.delete(key);
    on.insert(key, key);
  }

  @Benchmark
  public void churnAuto(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    auto.delete(key);
    auto.insert(key, key);
  }

  @Benchmark
  public void churnConcurrentHashMap(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    concurrentHashMap.remove(key);
    concurrentHashMap.put(key, key);
  }

  // ---- counters ----

  @Benchmark
  public long updateCounter(ThreadCursor cursor) {
    return counters.updateCounter(slots[cursor.next()], 1);
  }

  @Benchmark
  public Long concurrentHashMapCompute(ThreadCursor cursor) {
    return concurrentCounters.compute(slots[cursor.next()], (k, v) -> v + 1);
  }
}
