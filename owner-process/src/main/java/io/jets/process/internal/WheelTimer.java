package io.jets.process.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One timer on the {@link TimerWheel}: its deadline, its period, its state, and what firing it
 * does. The state is an atomic integer, so cancel and fire race safely: exactly one of them moves a
 * timer out of pending. The wheel's fields (deadline, slot links) are touched only by the wheel
 * thread once the timer has been added.
 */
public abstract class WheelTimer {

  private static final int PENDING = 0;
  private static final int FIRED = 1;
  private static final int CANCELLED = 2;

  private final AtomicInteger state = new AtomicInteger(PENDING);
  final long periodNanos; // 0: one-shot

  // Wheel-thread only:
  long deadlineNanos;
  long deadlineTick;
  boolean inWheel;
  WheelTimer previous;
  WheelTimer next;

  /**
   * @param deadlineNanos the {@link System#nanoTime()} of the first firing
   * @param periodNanos the period of a periodic timer, 0 for a one-shot
   */
  protected WheelTimer(long deadlineNanos, long periodNanos) {
    this.deadlineNanos = deadlineNanos;
    this.periodNanos = periodNanos;
  }

  /** True until the timer fires (one-shot) or is cancelled. */
  public final boolean isPending() {
    return state.get() == PENDING;
  }

  /** True for a timer that fires every period until cancelled. */
  public final boolean isPeriodic() {
    return periodNanos > 0;
  }

  /** The period in nanoseconds, 0 for a one-shot timer. */
  public final long periodNanos() {
    return periodNanos;
  }

  /**
   * Moves the timer from pending to cancelled; the wheel then never fires it.
   *
   * @return true if this call cancelled it, false if it had already fired or been cancelled
   */
  public final boolean markCancelled() {
    return state.compareAndSet(PENDING, CANCELLED);
  }

  final boolean markFired() {
    return state.compareAndSet(PENDING, FIRED);
  }

  /** Wheel thread: a one-shot timer has fired (it is no longer pending); deliver its message. */
  protected abstract void deliverOnce();

  /**
   * Wheel thread: a periodic timer is due; deliver its message.
   *
   * @return false if its target has exited (nothing was delivered; the timer is then cancelled)
   */
  protected abstract boolean deliverPeriodic();
}
