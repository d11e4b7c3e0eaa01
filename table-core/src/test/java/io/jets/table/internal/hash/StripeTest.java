package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stripe lock: exclusive, reentrant for its holder, released only by its holder. */
class StripeTest {

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    other.shutdownNow();
    assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
  }

  private boolean tryLockElsewhere(Stripe stripe) throws Exception {
    return other
        .submit(
            () -> {
              boolean locked = stripe.tryLock();
              if (locked) {
                stripe.unlock();
              }
              return locked;
            })
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void theHolderReentersAndOthersWaitUntilEveryHoldIsReleased() throws Exception {
    Stripe stripe = new Stripe();
    stripe.lock();
    assertTrue(stripe.tryLock(), "the holder takes it again");
    stripe.lock();
    assertFalse(tryLockElsewhere(stripe), "held three times");
    stripe.unlock();
    stripe.unlock();
    assertFalse(tryLockElsewhere(stripe), "still held once");
    stripe.unlock();
    assertTrue(tryLockElsewhere(stripe), "free");
  }

  @Test
  void onlyTheHolderReleasesIt() throws Exception {
    Stripe stripe = new Stripe();
    stripe.lock();
    Exception thrown =
        other
            .submit(
                () -> {
                  try {
                    stripe.unlock();
                    return null;
                  } catch (IllegalMonitorStateException expected) {
                    return expected;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    assertTrue(thrown instanceof IllegalMonitorStateException, "a non-holder's unlock fails");
    assertFalse(tryLockElsewhere(stripe), "and the lock stays held");
    stripe.unlock();
    assertThrows(IllegalMonitorStateException.class, stripe::unlock, "not held any more");
  }

  @Test
  void aWriterQueuedBehindTheHolderGetsTheLockWhenItIsReleased() throws Exception {
    Stripe stripe = new Stripe();
    stripe.lock();
    AtomicBoolean inside = new AtomicBoolean();
    CompletableFuture<Boolean> queued =
        CompletableFuture.supplyAsync(
            () -> {
              stripe.lock();
              try {
                return inside.compareAndSet(false, true);
              } finally {
                stripe.unlock();
              }
            },
            other);
    while (!stripe.hasQueuedThreads() && !queued.isDone()) {
      Thread.onSpinWait(); // the other thread spins, then queues: wait until it has queued
    }
    assertFalse(queued.isDone(), "it cannot get past the holder");
    assertFalse(inside.get());
    stripe.unlock();
    assertTrue(queued.get(10, TimeUnit.SECONDS));
    assertEquals(true, inside.get());
  }
}
