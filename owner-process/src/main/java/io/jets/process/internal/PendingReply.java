package io.jets.process.internal;

import io.jets.owner.ExitReason;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the answer to one call stands: shared by the caller waiting in {@link CallProtocol} and the
 * {@code ReplyTo} the server answers through. Exactly one of a reply, a failure (the server exited)
 * or abandonment (the caller gave up) settles it; later attempts are refused.
 */
public final class PendingReply {

  enum State {
    WAITING,
    REPLIED,
    FAILED,
    ABANDONED
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private State state = State.WAITING; // guarded by lock
  private Object value;
  private ExitReason failure;

  /**
   * Settles with the answer {@code answer}; never blocks.
   *
   * @return true if this answer reached a waiting caller
   */
  public boolean reply(Object answer) {
    return settle(State.REPLIED, answer, null);
  }

  /** True once an answer has been given or the call has ended without one. */
  public boolean isSettled() {
    lock.lock();
    try {
      return state != State.WAITING;
    } finally {
      lock.unlock();
    }
  }

  boolean fail(ExitReason reason) {
    return settle(State.FAILED, null, reason);
  }

  boolean abandon() {
    return settle(State.ABANDONED, null, null);
  }

  private boolean settle(State to, Object answer, ExitReason reason) {
    lock.lock();
    try {
      if (state != State.WAITING) {
        return false;
      }
      state = to;
      value = answer;
      failure = reason;
      settled.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until settled or {@code deadlineNanos} (Long.MAX_VALUE: no deadline); returns the state,
   * WAITING on timeout.
   */
  State await(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (state == State.WAITING) {
        if (deadlineNanos == Long.MAX_VALUE) {
          settled.await();
        } else {
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            return State.WAITING;
          }
          settled.awaitNanos(remaining);
        }
      }
      return state;
    } finally {
      lock.unlock();
    }
  }

  Object value() {
    lock.lock();
    try {
      return value;
    } finally {
      lock.unlock();
    }
  }

  ExitReason failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }
}
