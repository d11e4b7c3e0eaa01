package io.jets.bench;

import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code n} distinct keys that share one hash code and have no order (not {@link Comparable}),
 * inserted one by one into an empty set table and into an empty {@code ConcurrentHashMap}. Neither
 * can sort such keys, so both pay O(n) per insert (the map searches both sides of its tree bin).
 * Target: jets no slower than the map. Reported per whole fill.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CollidingPlainKeysBenchmark {

  /** One hash code for all, and no order. */
  record Plain(int id) {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  @Param({"2000", "16000"})
  public int n;

  private Plain[] keys;
  private SetTable<Plain, Integer> table;
  private ConcurrentHashMap<Plain, Integer> map;

  @Setup(Level.Trial)
  public void keys() {
    keys = new Plain[n];
    for (int i = 0; i < n; i++) {
      keys[i] = new Plain(i);
    }
  }

  @Setup(Level.Iteration)
  public void empty() {
    table =
        Tables.set("colliding-plain")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    map = new ConcurrentHashMap<>();
  }

  @TearDown(Level.Iteration)
  public void drop() {
    table.delete();
  }

  @Benchmark
  public SetTable<Plain, Integer> jetsInsert() {
    for (int i = 0; i < keys.length; i++) {
      table.insert(keys[i], i);
    }
    return table;
  }

  @Benchmark
  public ConcurrentHashMap<Plain, Integer> concurrentHashMapPut() {
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], i);
    }
    return map;
  }
}
