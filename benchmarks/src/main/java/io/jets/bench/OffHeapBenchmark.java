package io.jets.bench;

import io.jets.offheap.Codec;
import io.jets.offheap.OffHeapTables;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A large SET table on the heap against the same table off-heap (Chronicle Map), under a read/write
 * load: one thread looks up random keys while another replaces random keys' values. Keys and values
 * are longs. The setup prints the heap the loaded table keeps live and the time of one full GC over
 * it; run with {@code -prof gc} for allocation and GC time during the load.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms8g",
      "-Xmx8g",
      // Chronicle Map on JDK 17+ (see the README's "Off-heap tables"), analytics off.
      "-Dchronicle.analytics.disable=true",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED"
    })
public class OffHeapBenchmark {

  /** Where the objects live. */
  @Param({"HEAP", "OFF_HEAP"})
  public String where;

  /** Objects in the table. */
  @Param({"10000000"})
  public long size;

  private SetTable<Long, Long> table;

  @Setup(Level.Trial)
  public void load() {
    table =
        "HEAP".equals(where)
            ? Tables.set("bench-heap")
                .access(Access.PUBLIC)
                .writeConcurrency(WriteConcurrency.ON)
                .build()
            : OffHeapTables.set("bench-offheap")
                .keyCodec(Codec.longs())
                .valueCodec(Codec.longs())
                .entries(size)
                .averageKeySize(8)
                .averageValueSize(8)
                .access(Access.PUBLIC)
                .writeConcurrency(WriteConcurrency.ON)
                .build();
    List<Map.Entry<Long, Long>> batch = new ArrayList<>(10_000);
    for (long k = 0; k < size; k++) {
      batch.add(Map.entry(k, k));
      if (batch.size() == 10_000) {
        table.insertAll(batch);
        batch.clear();
      }
    }
    table.insertAll(batch);
    long used = usedHeapAfterGc();
    long start = System.nanoTime();
    System.gc();
    long fullGcMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%n[%s] %d objects: heap used after full GC %d MB, one full GC %d ms, table memory estimate %d MB%n",
        where, table.size(), used >> 20, fullGcMillis, table.info().memoryBytes() >> 20);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @TearDown(Level.Trial)
  public void drop() {
    table.delete();
  }

  /** A lookup of a random present key. */
  @Benchmark
  @Group("readWrite")
  @GroupThreads(1)
  public Long lookup() {
    return table.get(ThreadLocalRandom.current().nextLong(size));
  }

  /** A replacement of a random key's value. */
  @Benchmark
  @Group("readWrite")
  @GroupThreads(1)
  public void insert() {
    long k = ThreadLocalRandom.current().nextLong(size);
    table.insert(k, k + 1);
  }
}
