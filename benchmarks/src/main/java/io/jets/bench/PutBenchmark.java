package io.jets.bench;

import io.jets.term.PersistentTerm;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A put that changes an existing term's value, with {@code terms} terms stored, against the
 * simplest copy-on-write alternative: copy a {@code HashMap}, put, publish through a volatile
 * field. Target: ratio at most 1.0 at 100, 1,000 and 10,000 terms. {@code termPutEqual} is a put of
 * the value already stored (the no-op path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PutBenchmark {

  @Param({"100", "1000", "10000"})
  public int terms;

  // Two distinct boxed values outside the Integer cache: every put changes the stored value.
  private final Integer[] values = {Integer.valueOf(2_000_001), Integer.valueOf(2_000_002)};
  private final Integer equalValue = Integer.valueOf(3_000_001);
  private String[] keys;
  private int next;
  private int parity;
  private volatile HashMap<String, Integer> published;

  @Setup
  public void fill() {
    keys = new String[terms];
    HashMap<String, Integer> initial = new HashMap<>();
    for (int i = 0; i < terms - 1; i++) {
      keys[i] = "put-" + i;
      PersistentTerm.put(keys[i], values[1]);
      initial.put(keys[i], values[1]);
    }
    keys[terms - 1] = "put-equal";
    PersistentTerm.put(keys[terms - 1], equalValue);
    initial.put(keys[terms - 1], equalValue);
    published = initial;
  }

  /** Cycles over every key but the last; each full cycle flips the value, so no put is a no-op. */
  private String nextKey() {
    String key = keys[next];
    if (++next == terms - 1) {
      next = 0;
      parity ^= 1;
    }
    return key;
  }

  @Benchmark
  public void termPut() {
    PersistentTerm.put(nextKey(), values[parity]);
  }

  @Benchmark
  public HashMap<String, Integer> hashMapCopyAndPublish() {
    String key = nextKey();
    HashMap<String, Integer> copy = new HashMap<>(published);
    copy.put(key, values[parity]);
    published = copy;
    return copy;
  }

  @Benchmark
  public void termPutEqual() {
    PersistentTerm.put("put-equal", equalValue);
  }
}
