package io.jets.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared timer wheel: it survives a throwing delivery, and periodic timers keep their phase.
 */
class TimerWheelTest {

  /** A one-shot timer whose delivery throws, as a broken {@code Owner.deliver} would. */
  private static final class Throwing extends WheelTimer {
    final CountDownLatch attempted = new CountDownLatch(1);

    Throwing(long deadline, long period) {
      super(deadline, period);
    }

    @Override
    protected void deliverOnce() {
      attempted.countDown();
      throw new IllegalStateException("delivery refused");
    }

    @Override
    protected boolean deliverPeriodic() {
      attempted.countDown();
      throw new IllegalStateException("delivery refused");
    }
  }

  private static final class Counting extends WheelTimer {
    final CountDownLatch fired;

    Counting(long deadline, long period, int count) {
      super(deadline, period);
      this.fired = new CountDownLatch(count);
    }

    @Override
    protected void deliverOnce() {
      fired.countDown();
    }

    @Override
    protected boolean deliverPeriodic() {
      fired.countDown();
      return true;
    }
  }

  @Test
  void aDeliveryThatThrowsCancelsItsTimerAndEveryOtherTimerStillFires() throws Exception {
    TimerWheel wheel = TimerWheel.shared();
    long now = System.nanoTime();
    Throwing broken = new Throwing(now, 0);
    Throwing brokenPeriodic = new Throwing(now, TimeUnit.MILLISECONDS.toNanos(1));
    wheel.add(broken);
    wheel.add(brokenPeriodic);
    assertTrue(broken.attempted.await(10, TimeUnit.SECONDS));
    assertTrue(brokenPeriodic.attempted.await(10, TimeUnit.SECONDS));
    Counting later = new Counting(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5), 0, 1);
    Counting periodic =
        new Counting(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(2), 3); // three firings
    wheel.add(later);
    wheel.add(periodic);
    assertTrue(later.fired.await(10, TimeUnit.SECONDS), "the wheel thread survived");
    assertTrue(periodic.fired.await(10, TimeUnit.SECONDS));
    assertTrue(periodic.markCancelled());
    assertFalse(broken.isPending());
    assertFalse(brokenPeriodic.isPending(), "a periodic timer whose delivery threw is cancelled");
  }

  @Test
  void aLatePeriodicTimerKeepsItsPhaseAndSkipsWhatItMissed() {
    assertEquals(1_100, TimerWheel.nextDeadline(1_000, 100, 1_050), "on time: the next period");
    assertEquals(1_400, TimerWheel.nextDeadline(1_000, 100, 1_350), "late: skips, same phase");
    assertEquals(1_200, TimerWheel.nextDeadline(1_000, 100, 1_100), "never due at once again");
    assertEquals(Long.MAX_VALUE, TimerWheel.nextDeadline(Long.MAX_VALUE - 10, 100, 0));
    long start = -5_000; // nanoTime values may be negative
    assertEquals(start + 7 * 1_000, TimerWheel.nextDeadline(start, 1_000, 1_500));
  }
}
