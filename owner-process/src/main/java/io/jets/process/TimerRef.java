package io.jets.process;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timer made by {@link Proc#sendAfter} or {@link Proc#sendInterval}: OTP's timer reference.
 *
 * <p>Timers live on one shared timer wheel and deliver their message into the target's mailbox
 * outside its bound. A timer ends when it fires (one-shot), when it is cancelled, or when its
 * target exits. Thread-safe.
 */
public final class TimerRef {

  static final int PENDING = 0;
  static final int FIRED = 1;
  static final int CANCELLED = 2;

  final Proc target;
  final Object message;
  final long periodNanos; // 0: one-shot
  final AtomicInteger state = new AtomicInteger(PENDING);

  // Wheel-thread only:
  long deadlineNanos;
  long deadlineTick;
  boolean inWheel;
  TimerRef previous;
  TimerRef next;

  TimerRef(Proc target, Object message, long deadlineNanos, long periodNanos) {
    this.target = target;
    this.message = message;
    this.deadlineNanos = deadlineNanos;
    this.periodNanos = periodNanos;
  }

  /**
   * Stops the timer. Never blocks.
   *
   * @return true if the timer was pending: a one-shot timer then never delivers its message; a
   *     periodic timer delivers no message after this call returns, except one it may have been
   *     delivering concurrently. False if it had already fired (one-shot) or been cancelled.
   */
  public boolean cancel() {
    if (!state.compareAndSet(PENDING, CANCELLED)) {
      return false;
    }
    target.forgetTimer(this);
    TimerWheel.shared().remove(this);
    return true;
  }

  /** True while the timer may still deliver a message. */
  public boolean isActive() {
    return state.get() == PENDING;
  }

  /** True for a timer made by {@link Proc#sendInterval}. */
  public boolean isPeriodic() {
    return periodNanos > 0;
  }

  @Override
  public String toString() {
    return "TimerRef[to "
        + target.name()
        + "#"
        + target.id()
        + ", "
        + message
        + (isPeriodic() ? ", every " + periodNanos + " ns" : "")
        + (isActive() ? "" : ", ended")
        + "]";
  }
}
