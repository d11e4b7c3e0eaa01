package io.jets.cluster;

import io.jets.table.TableException;
import java.time.Duration;

/** How a replicated table's waits on the cluster end: saturated timeouts and interrupts. */
final class Waits {

  private Waits() {}

  /**
   * {@code e}, unless it is Hazelcast's report of a wait that the thread's interrupt ended: then a
   * {@link TableException} for {@code operation} on table {@code name}, with the {@code
   * InterruptedException} as its cause and the thread's interrupt status set again.
   */
  static RuntimeException interrupted(RuntimeException e, String name, String operation) {
    if (e instanceof TableException) {
      return e;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException interrupt) {
        Thread.currentThread().interrupt();
        TableException interrupted =
            new TableException(
                name, operation + ": interrupted while it waited for the cluster", interrupt);
        interrupted.addSuppressed(e);
        return interrupted;
      }
    }
    return e;
  }

  /** A timeout in nanoseconds, saturated: a duration too long for a long waits about 292 years. */
  static long nanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
