package io.jets.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.table.Access;
import io.jets.table.WriteConcurrency;
import java.time.Duration;
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
 * A jets cache table against Caffeine, both with expire-after-write (one hour, so nothing expires
 * while measuring) and a size bound (twice the keys, as Caffeine's GetPutBenchmark, so puts replace
 * and nothing is evicted), on Caffeine's key layout. Run with {@code -t 1} and {@code -t 2}.
 * Target: jets get at most 1.3x Caffeine's get.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBenchmark {

  private Integer[] slots;
  private CacheTable<Integer, Integer> jets;
  private Cache<Integer, Integer> caffeine;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    jets =
        Caches.cache("bench-cache")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(2L * items.length)
            .build();
    caffeine =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(2L * items.length)
            .build();
    for (Integer key : items) {
      jets.insert(key, key);
      caffeine.put(key, key);
    }
  }

  @TearDown
  public void drop() {
    jets.delete();
  }

  @Benchmark
  public Integer jetsGet(ThreadCursor cursor) {
    return jets.get(slots[cursor.next()]);
  }

  @Benchmark
  public Integer caffeineGet(ThreadCursor cursor) {
    return caffeine.getIfPresent(slots[cursor.next()]);
  }

  /** Every key is present: the read-through hit path, with a loader that never runs. */
  @Benchmark
  public Integer jetsGetOrLoadHit(ThreadCursor cursor) {
    return jets.getOrLoad(slots[cursor.next()], LOADER);
  }

  @Benchmark
  public Integer caffeineGetWithFunctionHit(ThreadCursor cursor) {
    return caffeine.get(slots[cursor.next()], LOADER);
  }

  private static final java.util.function.Function<Integer, Integer> LOADER = key -> key;

  @Benchmark
  public void jetsPut(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    jets.insert(key, key);
  }

  @Benchmark
  public void caffeinePut(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    caffeine.put(key, key);
  }
}
