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

  /** Runs {@code delivery} now, or after the delivery already running on this thread. */
  public static void run(Runnable delivery) {
    ArrayDeque<Runnable> pending = PENDING.get();
    if (pending != null) {
      pending.add(delivery);
      return;
    }
    pending = new ArrayDeque<>();
    PENDING.set(pending);
    try {
      runReporting(delivery);
      for (Runnable next = pending.poll(); next != null; next = pending.poll()) {
        runReporting(next);
      }
    } finally {
      PENDING.remove();
    }
  }

  // A failing delivery must not stop the signals queued behind it; its failure goes to the
  // thread's uncaught-exception handler so that it is not lost.
  private static void runReporting(Runnable delivery) {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
    }
  }
}
