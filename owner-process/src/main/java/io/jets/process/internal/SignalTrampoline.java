package io.jets.process.internal;

import java.util.ArrayDeque;

/**
 * Runs exit-signal deliveries one after another on the current thread instead of nesting them.
 *
 * <p>An exit can kill a linked process, whose exit kills the next one, and so on; delivering those
 * signals recursively would use stack in proportion to the length of the chain of links. The first
 * delivery on a thread drains a queue; deliveries it causes are queued behind it. Order per sender
 * is kept because each exiting process queues its signals in order.
 */
public final class SignalTrampoline {

  private static final ThreadLocal<ArrayDeque<Runnable>> PENDING = new ThreadLocal<>();

  private SignalTrampoline() {}

  /**
   * Runs {@code delivery} now, or after the delivery already running on this thread. An {@code
   * Error} a delivery throws (a signalled process's exit listener's, which its exit rethrows) stops
   * none of the deliveries queued behind it: the outermost call rethrows the first, the later ones
   * suppressed in it, once they have all run.
   */
  public static void run(Runnable delivery) {
    ArrayDeque<Runnable> pending = PENDING.get();
    if (pending != null) {
      pending.add(delivery);
      return;
    }
    pending = new ArrayDeque<>();
    PENDING.set(pending);
    Error error;
    try {
      error = runReporting(delivery, null);
      for (Runnable next = pending.poll(); next != null; next = pending.poll()) {
        error = runReporting(next, error);
      }
    } finally {
      PENDING.remove();
    }
    if (error != null) {
      throw error;
    }
  }

  // A failing delivery must not stop the signals queued behind it; its failure goes to the
  // thread's uncaught-exception handler so that it is not lost, or, an Error, to the caller once
  // the queue is drained. Returns the first Error so far.
  private static Error runReporting(Runnable delivery, Error first) {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
    } catch (Error e) {
      if (first == null) {
        return e;
      }
      if (e != first) {
        first.addSuppressed(e);
      }
    }
    return first;
  }
}
