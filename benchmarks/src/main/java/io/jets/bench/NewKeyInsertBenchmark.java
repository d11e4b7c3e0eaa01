package io.jets.bench;

import io.jets.table.SetTable;
import io.jets.table.WriteConcurrency;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

/**
 * Inserts of new keys: each invocation inserts {@value #KEYS} distinct keys, in random order, into
 * an empty set table and into an empty {@code ConcurrentHashMap}, both starting at their initial
 * capacity and growing as they fill (so resizing is part of the cost, for both). Per key. Each
 * thread has its own table and map. Target: ON and AUTO at most 1.20x {@code put}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(NewKeyInsertBenchmark.KEYS)
public class NewKeyInsertBenchmark {

  static final int KEYS = 4096;

  private Integer[] keys;
  private SetTable<Integer, Integer> on;
  private SetTable<Integer, Integer> auto;
  private ConcurrentHashMap<Integer, Integer> map;

  @Setup(Level.Trial)
  public void keys() {
    SplittableRandom random = new SplittableRandom(Thread.currentThread().threadId());
    keys = random.ints().distinct().limit(KEYS).boxed().toArray(Integer[]::new);
    String name = "new-keys-" + Thread.currentThread().threadId();
    on = SetLookupBenchmark.table(name + "-on", WriteConcurrency.ON, false);
    auto = SetLookupBenchmark.table(name + "-auto", WriteConcurrency.AUTO, false);
  }

  /** Empty structures for each invocation (JMH does not time invocation-level setup). */
  @Setup(Level.Invocation)
  public void empty() {
    on.deleteAllObjects();
    auto.deleteAllObjects();
    map = new ConcurrentHashMap<>();
  }

  @TearDown(Level.Trial)
  public void drop() {
    on.delete();
    auto.delete();
  }

  @Benchmark
  public SetTable<Integer, Integer> insertOn() {
    for (Integer key : keys) {
      on.insert(key, key);
    }
    return on;
  }

  @Benchmark
  public SetTable<Integer, Integer> insertAuto() {
    for (Integer key : keys) {
      auto.insert(key, key);
    }
    return auto;
  }

  @Benchmark
  public ConcurrentHashMap<Integer, Integer> concurrentHashMapPut() {
    for (Integer key : keys) {
      map.put(key, key);
    }
    return map;
  }
}
