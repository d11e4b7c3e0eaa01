package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's "lock-free reads" of persistent terms: {@link PersistentTerm#get}, a handle's {@link
 * Term#get()}, {@link PersistentTerm#all()} and {@link PersistentTerm#info()} never wait for a put,
 * even one that holds the store's write lock for as long as user code runs under it. The one user
 * code a put runs under that lock is the stored value's {@code equals} (a put of an equal value is
 * a no-op, so the store compares the new value with the old one): here it blocks on a latch.
 */
@Timeout(120)
class ReadsNeverWaitForAPutTest {

  /** How long a read may take before the test calls it waiting: far above any real read. */
  private static final long READ_BOUND_SECONDS = 10;

  private static final long BOUND_SECONDS = 30;

  /**
   * A value whose {@code equals}, once armed, signals that it runs and blocks until released; equal
   * to another StallingValue of the same name.
   */
  static final class StallingValue {
    final String name;
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch inEquals = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    StallingValue(String name) {
      this.name = name;
    }

    @Override
    public boolean equals(Object other) {
      if (armed.compareAndSet(true, false)) {
        inEquals.countDown();
        try {
          if (!release.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the stalled equals was never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return other instanceof StallingValue s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return "StallingValue[" + name + "]";
    }
  }

  /** Waits, bounded, until {@code thread} parks (on the write lock) or ends. */
  private static void awaitParkedOrDone(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second writer neither waited nor finished: " + thread);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void readsCompleteWhileAPutHoldsTheWriteLockInUserCode() throws Exception {
    String prefix = "reads-never-wait-" + System.nanoTime() + ":";
    String stalledKey = prefix + "stalled";
    String otherKey = prefix + "other";
    String queuedKey = prefix + "queued";
    StallingValue old = new StallingValue("old");
    StallingValue replacement = new StallingValue("new");
    PersistentTerm.put(stalledKey, old);
    PersistentTerm.put(otherKey, "other-value");
    // Handles are made before the stall: making one takes the write lock.
    Term<Object> stalledHandle = PersistentTerm.handle(stalledKey);
    Term<Object> otherHandle = PersistentTerm.handle(otherKey);
    Term<Object> queuedHandle = PersistentTerm.handle(queuedKey);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    Thread queuedWriter = null;
    Future<?> put = null;
    try {
      old.armed.set(true);
      put = threads.submit(() -> PersistentTerm.put(stalledKey, replacement));
      assertTrue(
          old.inEquals.await(BOUND_SECONDS, TimeUnit.SECONDS),
          "the put never called the stored value's equals");

      // The put holds the write lock: another write waits for it.
      queuedWriter = Thread.ofPlatform().start(() -> PersistentTerm.put(queuedKey, "queued"));
      awaitParkedOrDone(queuedWriter);
      assertTrue(
          queuedWriter.getState() != Thread.State.TERMINATED,
          "a second put completed while the first held the write lock in equals");

      Future<?> reads =
          threads.submit(
              () -> {
                assertEquals("other-value", PersistentTerm.get(otherKey));
                assertEquals("other-value", PersistentTerm.get(otherKey, "default"));
                assertSame(old, PersistentTerm.get(stalledKey), "the old value, until the put");
                assertEquals("default", PersistentTerm.get(queuedKey, "default"));
                assertEquals("other-value", otherHandle.get());
                assertSame(old, stalledHandle.get());
                assertEquals("absent", queuedHandle.getOrDefault("absent"));
                Map<Object, Object> all = PersistentTerm.all();
                assertSame(old, all.get(stalledKey));
                assertEquals("other-value", all.get(otherKey));
                assertNull(all.get(queuedKey));
                assertTrue(PersistentTerm.info().count() >= 2);
                return null;
              });
      try {
        reads.get(READ_BOUND_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        fail("a read waited for a put that holds the write lock");
      }
      assertTrue(!put.isDone(), "the put stayed blocked in equals while the reads ran");
    } finally {
      old.release.countDown();
      if (queuedWriter != null) {
        queuedWriter.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      }
    }
    try {
      threads.shutdown();
      assertTrue(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
      put.get(); // the put returned normally
      assertEquals(Thread.State.TERMINATED, queuedWriter.getState());

      assertSame(replacement, PersistentTerm.get(stalledKey), "the put replaced the value");
      assertSame(replacement, stalledHandle.get());
      assertSame(replacement, PersistentTerm.all().get(stalledKey));
      assertEquals("queued", PersistentTerm.get(queuedKey), "the queued put ran after it");
      assertEquals("other-value", PersistentTerm.get(otherKey));
    } finally {
      PersistentTerm.erase(stalledKey);
      PersistentTerm.erase(otherKey);
      PersistentTerm.erase(queuedKey);
    }
  }
}
