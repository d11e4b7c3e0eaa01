package io.jets.bench;

import io.jets.term.PersistentTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code PersistentTerm.get(key)} against {@code ConcurrentHashMap.get} holding the same keys and
 * values, looked up in the same shuffled order with key objects equal to but not identical with the
 * stored ones (so both compare strings, as real callers do). Target: ratio at most 1.0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetBenchmark {

  @Param({"1000", "100000"})
  public int size;

  private final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
  private String[] lookups;
  private int next;

  @Setup
  public void fill() {
    List<String> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String key = "term-" + i;
      PersistentTerm.put(key, i);
      map.put(key, i);
      String lookup = new String(key);
      lookup.hashCode(); // cache the hash, as a long-lived key object would have it
      order.add(lookup);
    }
    Collections.shuffle(order, new Random(1));
    lookups = order.toArray(String[]::new);
  }

  private String nextKey() {
    String key = lookups[next];
    if (++next == lookups.length) {
      next = 0;
    }
    return key;
  }

  @Benchmark
  public Object termGet() {
    return PersistentTerm.get(nextKey());
  }

  @Benchmark
  public Object concurrentHashMapGet() {
    return map.get(nextKey());
  }
}
