package io.jets.property;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/** Starts racing threads together (a barrier, never a sleep) and rethrows the first failure. */
final class Racers {

  /** A racer's body; may throw. */
  interface Body {
    void run(int id) throws Exception;
  }

  private Racers() {}

  /**
   * Runs {@code count} racers of {@code body} and the given extra bodies, all released together.
   */
  static void race(int count, Body body, Body... others) throws Exception {
    int total = count + others.length;
    CyclicBarrier start = new CyclicBarrier(total);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      int id = i;
      Body b = i < count ? body : others[i - count];
      threads.add(
          Thread.ofPlatform()
              .name("racer-" + i)
              .start(
                  () -> {
                    try {
                      start.await();
                      b.run(id);
                    } catch (Throwable t) {
                      failure.compareAndSet(null, t);
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    }
  }
}
