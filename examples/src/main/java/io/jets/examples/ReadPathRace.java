package io.jets.examples;

import io.jets.examples.BalancesServer.Balance;
import io.jets.process.Proc;
import io.jets.table.SetTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures three ways for {@code readers} threads to read shared state, each for the same timed
 * window after a shorter warm-up: asking the owner process with {@code call}, reading its table
 * directly (the bypass read), and reading a persistent-term handle. Threads start together on a
 * latch and count their own operations until a {@link System#nanoTime()} deadline; nothing sleeps.
 *
 * <p>This is a demonstration, not a benchmark: figures move with the machine's load. The JMH
 * figures, with their commands, are in BENCHMARKS.md.
 */
final class ReadPathRace {

  /**
   * How often a reader looks at the clock: often enough to stop on time, rarely enough to cost
   * nothing.
   */
  private static final int OPS_PER_CLOCK_CHECK = 256;

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  /** The outcome of one read path. */
  record Result(String path, long operations, long nanos) {
    double opsPerSecond() {
      return operations * 1e9 / nanos;
    }
  }

  /** One read, given the reader's running counter (used to pick the key). */
  @FunctionalInterface
  private interface Read {
    long read(int i);
  }

  private final int readers;
  private final Duration window;
  private final Duration warmUp;
  private final int accounts;

  /** Sum of everything read, so that the JIT cannot drop the reads as unused. */
  private final AtomicLong checksum = new AtomicLong();

  ReadPathRace(int readers, Duration window, int accounts) {
    this.readers = readers;
    this.window = window;
    this.warmUp = window.dividedBy(3);
    this.accounts = accounts;
  }

  Result throughCall(Proc owner) throws InterruptedException {
    return race(
        "call to the owner", i -> (Long) owner.call(new Balance(i % accounts), CALL_TIMEOUT));
  }

  Result direct(SetTable<Integer, Long> table) throws InterruptedException {
    return race("direct table read", i -> table.get(i % accounts));
  }

  Result persistentTermHandle() throws InterruptedException {
    return race("persistent-term handle", i -> DemoSettings.CURRENT.get().overdraftLimit());
  }

  long checksum() {
    return checksum.get();
  }

  private Result race(String path, Read read) throws InterruptedException {
    run(read, warmUp, new LongAdder()); // let the JIT compile the read path
    LongAdder operations = new LongAdder();
    long nanos = run(read, window, operations);
    return new Result(path, operations.sum(), nanos);
  }

  private long run(Read read, Duration length, LongAdder operations) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>(readers);
    long[] startedAt = new long[1];
    for (int r = 0; r < readers; r++) {
      int firstKey = r * 7919; // readers walk the keys from different places
      threads.add(
          Thread.ofPlatform()
              .name("reader-" + r)
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    long deadline = startedAt[0] + length.toNanos();
                    long done = 0;
                    long sum = 0;
                    int key = firstKey;
                    while (true) {
                      for (int k = 0; k < OPS_PER_CLOCK_CHECK; k++) {
                        sum += read.read(key++ & Integer.MAX_VALUE);
                      }
                      done += OPS_PER_CLOCK_CHECK;
                      if (System.nanoTime() - deadline >= 0) {
                        break;
                      }
                    }
                    operations.add(done);
                    checksum.addAndGet(sum);
                  }));
    }
    startedAt[0] = System.nanoTime(); // published to the readers by the latch
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return System.nanoTime() - startedAt[0];
  }
}
