package io.jets.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import java.util.Random;

/**
 * Hit rate of a jets cache table against Caffeine on the same traces with the same size bound: each
 * request is a get, and a miss inserts the key (the classic cache simulation). The traces: Zipf
 * with exponents 0.8 and 0.99, and a scan-polluted one (Zipf 0.99 in blocks of 10,000 requests,
 * each followed by one pass of a sequential loop over 20,000 keys outside the Zipf universe). Both
 * run their maintenance on the calling thread ({@code executor(Runnable::run)}) so that both are
 * deterministic. Target (issue 18): jets within 2 percentage points of Caffeine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.jets.bench.CacheHitRate}.
 */
public final class CacheHitRate {

  // A universe of a million keys and ten million requests: the scale of the usual Zipf traces.
  private static final int KEYS = 1_000_000;
  private static final int REQUESTS = 10_000_000;
  private static final long SEED = 7;

  private CacheHitRate() {}

  // The scan-polluted trace: Zipf blocks, each followed by one pass of the same sequential loop.
  private static final int ZIPF_BLOCK = 10_000;
  private static final int LOOP_KEYS = 20_000;

  public static void main(String[] args) {
    for (double skew : new double[] {0.8, 0.99}) {
      report(String.format("zipf s=%.2f", skew), zipfTrace(skew));
    }
    report("zipf s=0.99 + loops of " + LOOP_KEYS, scanPolluted(zipfTrace(0.99)));
  }

  private static void report(String name, int[] trace) {
    for (int maximum : new int[] {1_000, 10_000, 100_000}) {
      double jets = jetsHitRate(trace, maximum);
      double caffeine = caffeineHitRate(trace, maximum);
      System.out.printf(
          "%s keys=%d requests=%d maximumSize=%d: jets %.2f%%, caffeine %.2f%%, difference %+.2f points%n",
          name, KEYS, trace.length, maximum, 100 * jets, 100 * caffeine, 100 * (jets - caffeine));
    }
  }

  /**
   * The Zipf trace cut into blocks of {@link #ZIPF_BLOCK} requests, each followed by one pass over
   * keys {@code KEYS .. KEYS + LOOP_KEYS - 1} in order; as long as {@code zipf} in total.
   */
  static int[] scanPolluted(int[] zipf) {
    int[] trace = new int[zipf.length];
    int from = 0;
    int loop = 0;
    for (int i = 0; i < trace.length; i++) {
      int inCycle = i % (ZIPF_BLOCK + LOOP_KEYS);
      if (inCycle < ZIPF_BLOCK) {
        trace[i] = zipf[from++];
      } else {
        trace[i] = KEYS + loop;
        loop = (loop + 1) % LOOP_KEYS;
      }
    }
    return trace;
  }

  /**
   * Ranks drawn from a Zipf distribution with exponent {@code skew}, by inverse transform sampling.
   */
  static int[] zipfTrace(double skew) {
    double[] cumulative = new double[KEYS];
    double sum = 0;
    for (int rank = 1; rank <= KEYS; rank++) {
      sum += 1 / Math.pow(rank, skew);
      cumulative[rank - 1] = sum;
    }
    Random random = new Random(SEED);
    int[] trace = new int[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      double u = random.nextDouble() * sum;
      int lo = 0;
      int hi = KEYS - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      trace[i] = lo;
    }
    return trace;
  }

  static double jetsHitRate(int[] trace, int maximum) {
    CacheTable<Integer, Integer> cache =
        Caches.cache("hit-rate").maximumSize(maximum).executor(Runnable::run).build();
    long hits = 0;
    for (int key : trace) {
      Integer boxed = key;
      if (cache.get(boxed) != null) {
        hits++;
      } else {
        cache.insert(boxed, boxed);
      }
    }
    cache.delete();
    return (double) hits / trace.length;
  }

  static double caffeineHitRate(int[] trace, int maximum) {
    Cache<Integer, Integer> cache =
        Caffeine.newBuilder().maximumSize(maximum).executor(Runnable::run).build();
    long hits = 0;
    for (int key : trace) {
      Integer boxed = key;
      if (cache.getIfPresent(boxed) != null) {
        hits++;
      } else {
        cache.put(boxed, boxed);
      }
    }
    return (double) hits / trace.length;
  }
}
