package io.jets.process;

import io.jets.owner.ExitReason;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the answer to one {@link Proc#call} goes: OTP's {@code From}.
 *
 * <p>A server answers either by returning {@link Next#reply} from {@code handleCall}, or later,
 * from any thread, with {@link #reply(Object)} (a deferred reply: keep the handle, return {@link
 * Next#noReply}). Only the first answer counts; an answer after the caller gave up (timeout,
 * interrupt) or after the server exited is dropped.
 */
public final class ReplyTo {

  enum State {
    WAITING,
    REPLIED,
    FAILED,
    ABANDONED
  }

  private final Proc server;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private State state = State.WAITING; // guarded by lock
  private Object value;
  private ExitReason failure;

  ReplyTo(Proc server) {
    this.server = server;
  }

  /** The process the call was made to. */
  public Proc server() {
    return server;
  }

  /**
   * Answers the call. Never blocks.
   *
   * @param value the answer (may be null)
   * @return true if this answer reached a waiting caller; false if the call was already answered,
   *     timed out, or failed
   */
  public boolean reply(Object value) {
    return settle(State.REPLIED, value, null);
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

  @Override
  public String toString() {
    return "ReplyTo[" + server.name() + "#" + server.id() + "]";
  }
}
