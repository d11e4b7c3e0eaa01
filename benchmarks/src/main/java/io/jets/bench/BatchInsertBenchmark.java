package io.jets.bench;

import io.jets.table.SetTable;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One {@code insertAll} of {@code n} new keys into an empty table against {@code n} single inserts
 * of the same keys into another empty table. Target: the batch at most 2x the single inserts (it
 * used to write into the buckets the empty table began with, and grew superlinearly).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchInsertBenchmark {

  @Param({"100000"})
  public int n;

  @Param({"OFF", "ON"})
  public WriteConcurrency mode;

  private List<Map.Entry<Integer, Integer>> objects;
  private SetTable<Integer, Integer> table;

  @Setup(Level.Trial)
  public void keys() {
    objects = new ArrayList<>(n);
    java.util.Random random = new java.util.Random(11);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    while (objects.size() < n) {
      int key = random.nextInt();
      if (seen.add(key)) {
        objects.add(Map.entry(key, key));
      }
    }
  }

  @Setup(Level.Iteration)
  public void emptyTable() {
    table = SetLookupBenchmark.table("batch-" + mode, mode, false);
  }

  @TearDown(Level.Iteration)
  public void drop() {
    table.delete();
  }

  @Benchmark
  public SetTable<Integer, Integer> insertAll() {
    table.insertAll(objects);
    return table;
  }

  @Benchmark
  public SetTable<Integer, Integer> singleInserts() {
    for (Map.Entry<Integer, Integer> object : objects) {
      table.insert(object.getKey(), object.getValue());
    }
    return table;
  }
}
