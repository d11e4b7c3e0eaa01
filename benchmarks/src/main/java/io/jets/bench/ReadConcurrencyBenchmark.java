package io.jets.bench;

import io.jets.table.SetTable;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What readConcurrency buys and costs: one thread reads while another runs multi-object inserts (16
 * objects each) on the same table. Without readConcurrency a read that overlaps an insertAll waits
 * for it and retries; with it, reads never wait, and the writer pays for a copy of the bucket array
 * per insertAll. Compare the "reader" and "writer" rows between the two settings.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadConcurrencyBenchmark {

  private static final int BATCH = 16;

  @Param({"false", "true"})
  public boolean readConcurrency;

  private Integer[] slots;
  private SetTable<Integer, Integer> table;
  private List<List<Map.Entry<Integer, Integer>>> batches;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    table = SetLookupBenchmark.table("rc-" + readConcurrency, WriteConcurrency.ON, readConcurrency);
    for (Integer key : items) {
      table.insert(key, key);
    }
    batches = new ArrayList<>();
    for (int b = 0; b < KeyLayout.SLOTS / BATCH; b++) {
      List<Map.Entry<Integer, Integer>> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        Integer key = slots[b * BATCH + i];
        batch.add(Map.entry(key, key));
      }
      batches.add(List.copyOf(batch));
    }
  }

  @TearDown
  public void drop() {
    table.delete();
  }

  @Benchmark
  @Group("mixed")
  @GroupThreads(1)
  public Integer reader(ThreadCursor cursor) {
    return table.get(slots[cursor.next()]);
  }

  @Benchmark
  @Group("mixed")
  @GroupThreads(1)
  public void writer(ThreadCursor cursor) {
    table.insertAll(batches.get(cursor.next() % batches.size()));
  }
}
