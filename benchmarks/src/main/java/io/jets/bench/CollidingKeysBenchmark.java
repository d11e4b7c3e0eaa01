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
 * {@code n} distinct {@code String} keys that share one {@code hashCode} (every string of "Aa" and
 * "BB" blocks of one length), inserted one by one into an empty set table and into an empty {@code
 * ConcurrentHashMap}; both turn a long bucket of Comparable keys into a tree. Target: at most 2x
 * the map, with a per-key cost that grows no faster than log n. Reported per whole fill: divide by
 * n.
 *
 * <p>{@link CollidingPlainKeysBenchmark} does the same with keys that have no order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CollidingKeysBenchmark {

  @Param({"2000", "16000", "128000"})
  public int n;

  private String[] keys;
  private SetTable<String, Integer> table;
  private ConcurrentHashMap<String, Integer> map;

  /** The first {@code n} strings of {@code blocks} "Aa"/"BB" blocks: all share one hashCode. */
  static String[] colliding(int n) {
    int blocks = 32 - Integer.numberOfLeadingZeros(n - 1);
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder key = new StringBuilder(2 * blocks);
      for (int b = 0; b < blocks; b++) {
        key.append(((i >>> b) & 1) == 0 ? "Aa" : "BB");
      }
      keys[i] = key.toString();
    }
    return keys;
  }

  @Setup(Level.Trial)
  public void keys() {
    keys = colliding(n);
    for (String key : keys) {
      if (key.hashCode() != keys[0].hashCode()) {
        throw new IllegalStateException("keys do not collide: " + key);
      }
    }
  }

  @Setup(Level.Iteration)
  public void empty() {
    table =
        Tables.set("colliding").access(Access.PUBLIC).writeConcurrency(WriteConcurrency.ON).build();
    map = new ConcurrentHashMap<>();
  }

  @TearDown(Level.Iteration)
  public void drop() {
    table.delete();
  }

  @Benchmark
  public SetTable<String, Integer> jetsInsert() {
    for (int i = 0; i < keys.length; i++) {
      table.insert(keys[i], i);
    }
    return table;
  }

  @Benchmark
  public ConcurrentHashMap<String, Integer> concurrentHashMapPut() {
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], i);
    }
    return map;
  }
}
