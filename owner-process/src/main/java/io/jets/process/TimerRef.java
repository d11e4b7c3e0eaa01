package io.jets.process;

import io.jets.process.internal.TimerWheel;
import io.jets.process.internal.WheelTimer;

/**
 * A timer made by {@link Proc#sendAfter} or {@link Proc#sendInterval}: OTP's timer reference.
 *
 * <p>Timers live on one shared timer wheel and deliver their message into the target's mailbox
 * outside its bound. A timer ends when it fires (one-shot), when it is cancelled, or when its
 * target exits. Thread-safe.
 */
public final class TimerRef {

  private final Proc target;
  private final Object message;
  private final Entry entry;

  TimerRef(Proc target, Object message, long deadlineNanos, long periodNanos) {
    this.target = target;
    this.message = message;
    this.entry = new Entry(deadlineNanos, periodNanos);
  }

  /**
   * Stops the timer. Never blocks.
   *
   * @return true if the timer was pending: a one-shot timer then never delivers its message; a
   *     periodic timer delivers no message after this call returns, except one it may have been
   *     delivering concurrently. False if it had already fired (one-shot) or been cancelled.
   */
  public boolean cancel() {
    if (!entry.markCancelled()) {
      return false;
    }
    target.forgetTimer(this);
    TimerWheel.shared().remove(entry);
    return true;
  }

  /**
   * True while the timer may still deliver a message.
   *
   * @return false once the timer has fired (one-shot), been cancelled or ended with its target
   */
  public boolean isActive() {
    return entry.isPending();
  }

  /**
   * True for a timer made by {@link Proc#sendInterval}.
   *
   * @return whether the timer delivers its message repeatedly
   */
  public boolean isPeriodic() {
    return entry.isPeriodic();
  }

  /** Puts the timer on the shared wheel. */
  void schedule() {
    TimerWheel.shared().add(entry);
  }

  /** Ends a timer that must never start (its target is exiting). */
  void discard() {
    entry.markCancelled();
  }

  @Override
  public String toString() {
    return "TimerRef[to "
        + target.name()
        + "#"
        + target.id()
        + ", "
        + message
        + (isPeriodic() ? ", every " + entry.periodNanos() + " ns" : "")
        + (isActive() ? "" : ", ended")
        + "]";
  }

  /** This timer's place on the wheel, and what firing delivers. */
  private final class Entry extends WheelTimer {

    Entry(long deadlineNanos, long periodNanos) {
      super(deadlineNanos, periodNanos);
    }

    @Override
    protected void deliverOnce() {
      target.forgetTimer(TimerRef.this);
      target.deliverFromRuntime(message);
    }

    @Override
    protected boolean deliverPeriodic() {
      if (!target.isAlive()) {
        return false;
      }
      target.deliverFromRuntime(message);
      return true;
    }
  }
}
