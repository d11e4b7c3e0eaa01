package io.jets.bench;

import io.jets.term.PersistentTerm;
import io.jets.term.Term;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A {@link Term} handle in a {@code static final} field against a {@code static final} field read:
 * the target is "within measurement noise". Each benchmark multiplies the value by a
 * non-constant field, so that a folded constant shows as the cheaper multiply-by-constant code, as
 * it would in a caller; {@code termGet} is the un-folded lookup, for reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandleReadBenchmark {

  private static final String KEY = "bench.handle-read";

  static {
    PersistentTerm.put(KEY, 1_000_003);
  }

  private static final Term<Integer> HANDLE = PersistentTerm.handle(KEY);

  private static final Integer STATIC_FINAL = 1_000_003;

  private int x = 7;

  @Benchmark
  public int staticFinalRead() {
    return STATIC_FINAL * x + 1;
  }

  @Benchmark
  public int handleRead() {
    return HANDLE.get() * x + 1;
  }

  @Benchmark
  public int termGet() {
    return PersistentTerm.<Integer>get(KEY) * x + 1;
  }
}
