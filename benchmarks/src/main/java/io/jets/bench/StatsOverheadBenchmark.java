package io.jets.bench;

import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
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
 * What {@code recordStats()} costs a lookup: the same keys read from a table without stats (the
 * default: one branch on a final field) and from one with stats (a striped {@code LongAdder}
 * increment per lookup). Run with 1 and 2 threads: with stats, lookups on different threads
 * increment different cells once the adder has expanded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatsOverheadBenchmark {

  private Integer[] slots;
  private SetTable<Integer, Integer> plain;
  private SetTable<Integer, Integer> recording;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    plain =
        Tables.set("stats-off").access(Access.PUBLIC).writeConcurrency(WriteConcurrency.ON).build();
    recording =
        Tables.set("stats-on")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .recordStats()
            .build();
    for (Integer key : items) {
      plain.insert(key, key);
      recording.insert(key, key);
    }
  }

  @TearDown
  public void drop() {
    plain.delete();
    recording.delete();
  }

  @Benchmark
  public Integer getWithoutStats(ThreadCursor cursor) {
    return plain.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer getWithStats(ThreadCursor cursor) {
    return recording.get(slots[cursor.next()]);
  }
}
