package io.jets.bench;

import io.jets.term.PersistentTerm;
import io.jets.term.Term;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures what JMH cannot: how fast readers of a folded handle get back to speed after a put
 * re-binds it. Not a JMH benchmark (JMH reports throughput per iteration, not a rate over the
 * milliseconds after one event); run it from the benchmarks jar:
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.jets.bench.HandleRebindProbe [rounds]}
 * </pre>
 *
 * <p>One reader thread reads a {@code static final} handle in batches of {@value #BATCH} and
 * records when each batch ends. Each round the main thread waits {@value #SETTLE_MILLIS} ms (the
 * reader's code is compiled and folded again), then puts a new value and records the put's
 * duration. Afterwards it compares the reader's rate in 1 ms windows with its steady rate (the mean
 * over the {@value #STEADY_MILLIS} ms before the put): the recovery time is from the start of the
 * put to the end of the first 1 ms window, starting at or after the put returned, at 90% of the
 * steady rate or more. Prints the median and the worst of both figures.
 */
public final class HandleRebindProbe {

  private static final String KEY = "bench.rebind-probe";

  static {
    PersistentTerm.put(KEY, 0L);
  }

  private static final Term<Long> HOT = PersistentTerm.handle(KEY);

  /** Reads per recorded batch: about a microsecond when folded, so 1 ms windows hold ~1000. */
  private static final int BATCH = 4096;

  private static final int SETTLE_MILLIS = 300;
  private static final int STEADY_MILLIS = 50;
  private static final int WATCH_MILLIS = 100;
  private static final long WINDOW_NANOS = 1_000_000;
  private static final long STEP_NANOS = 50_000;

  /** Ring of batch end times: 2^23 entries, several seconds of history at the folded rate. */
  private static final int RING = 1 << 23;

  private final long[] batchEnds = new long[RING];
  private volatile long batches;
  private volatile boolean running = true;
  private volatile long sink;

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    new HandleRebindProbe().run(rounds);
  }

  private void run(int rounds) throws InterruptedException {
    Thread reader = Thread.ofPlatform().name("reader").start(this::readLoop);
    double[] putMicros = new double[rounds];
    double[] recoveryMillis = new double[rounds];
    int unrecovered = 0;
    Thread.sleep(2_000); // first compilation of the reader
    for (int round = 0; round < rounds; round++) {
      Thread.sleep(SETTLE_MILLIS);
      long start = System.nanoTime();
      PersistentTerm.put(KEY, Long.valueOf(1_000_000L + round));
      long end = System.nanoTime();
      Thread.sleep(WATCH_MILLIS + 10);
      putMicros[round] = (end - start) / 1e3;
      double recovery = recoveryMillis(start, end);
      if (Double.isNaN(recovery)) {
        unrecovered++;
        recovery = Double.POSITIVE_INFINITY;
      }
      recoveryMillis[round] = recovery;
    }
    running = false;
    reader.join();
    Arrays.sort(putMicros);
    Arrays.sort(recoveryMillis);
    System.out.printf(
        Locale.ROOT,
        "rounds=%d put: p50=%.1f us max=%.1f us; reader back to 90%% rate: p50=%.2f ms p90=%.2f ms"
            + " max=%.2f ms; not recovered within %d ms: %d%n",
        rounds,
        putMicros[rounds / 2],
        putMicros[rounds - 1],
        recoveryMillis[rounds / 2],
        recoveryMillis[(int) (rounds * 0.9)],
        recoveryMillis[rounds - 1],
        WATCH_MILLIS,
        unrecovered);
  }

  private void readLoop() {
    long n = 0;
    while (running) {
      sink = readBatch();
      batchEnds[(int) (n & (RING - 1))] = System.nanoTime();
      batches = ++n;
    }
  }

  private static long readBatch() {
    long sum = 0;
    for (int i = 0; i < BATCH; i++) {
      sum += HOT.get() ^ i;
    }
    return sum;
  }

  /** Milliseconds from putStart to the end of the first window at >= 90% steady rate, or NaN. */
  private double recoveryMillis(long putStart, long putEnd) {
    long n = batches; // volatile read: every batchEnds entry below n is visible
    long oldest = Math.max(0, n - RING + 1);
    long from = putStart - STEADY_MILLIS * 1_000_000L;
    long first = n - 1;
    while (first > oldest && batchEnds[(int) ((first - 1) & (RING - 1))] >= from) {
      first--;
    }
    long[] ends = new long[(int) (n - first)];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = batchEnds[(int) ((first + i) & (RING - 1))];
    }
    double steadyPerWindow =
        count(ends, from, putStart) * (double) WINDOW_NANOS / (putStart - from);
    long last = putStart + WATCH_MILLIS * 1_000_000L;
    for (long w = putEnd; w + WINDOW_NANOS <= last; w += STEP_NANOS) {
      if (count(ends, w, w + WINDOW_NANOS) >= 0.9 * steadyPerWindow) {
        return (w + WINDOW_NANOS - putStart) / 1e6;
      }
    }
    return Double.NaN;
  }

  private static int count(long[] sortedEnds, long from, long to) {
    int low = lowerBound(sortedEnds, from);
    int high = lowerBound(sortedEnds, to);
    return high - low;
  }

  private static int lowerBound(long[] sorted, long value) {
    int i = Arrays.binarySearch(sorted, value);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == value) {
      i--;
    }
    return i;
  }
}
