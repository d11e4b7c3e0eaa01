package io.jets.bench;

import io.jets.term.PersistentTerm;
import io.jets.term.Term;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Writer latency of a put that re-binds a hot handle: one thread reads a {@code static final}
 * handle in a loop (so compiled code folds it) while another puts a new value under its key, back
 * to back. Each put re-targets the call site and deoptimizes the reader's compiled code.
 * Back-to-back puts leave the reader little time to re-compile, so this is the writer's cost under
 * constant invalidation; {@link HandleRebindProbe} measures the reader's recovery after a single
 * put.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandleRebindBenchmark {

  private static final String KEY = "bench.rebind";

  static {
    PersistentTerm.put(KEY, 0L);
  }

  private static final Term<Long> HOT = PersistentTerm.handle(KEY);

  private final Long[] values = {Long.valueOf(1L << 40), Long.valueOf(2L << 40)};
  private int parity;

  @Benchmark
  @Group("rebind")
  @GroupThreads(1)
  public void writer() {
    parity ^= 1;
    PersistentTerm.put(KEY, values[parity]);
  }

  @Benchmark
  @Group("rebind")
  @GroupThreads(1)
  public long reader() {
    long sum = 0;
    for (int i = 0; i < 1024; i++) {
      sum += HOT.get() ^ i;
    }
    return sum;
  }
}
