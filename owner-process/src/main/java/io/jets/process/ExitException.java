package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * Ends the process that throws it with {@link #reason()}, like OTP's {@code exit(Reason)}.
 *
 * <p>Process code may throw it to exit with a chosen reason. The runtime throws it from {@link
 * Proc#receive} and from blocking operations of a process that an exit signal has already ended;
 * code must let it propagate.
 *
 * <p>It is control flow, not a failure, and so on purpose not a {@link ProcessException} or an
 * {@link io.jets.owner.JetsException}: a handler of jets' failures in a process never swallows an
 * exit. It has no stack trace and keeps no suppressed exceptions. Code that catches {@code
 * RuntimeException} in a process must let it propagate.
 */
public final class ExitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  /**
   * An exit with {@code reason}. The exception has no stack trace and no suppressed exceptions: it
   * is control flow, not a failure.
   *
   * @param reason the reason the process exits with; not null
   * @throws BadProcessArgumentException if {@code reason} is null
   */
  public ExitException(ExitReason reason) {
    super(
        "exit: " + Args.notNull(reason, "reason", () -> "exit: reason is null"),
        null,
        false,
        false);
    this.reason = reason;
  }

  /**
   * The reason the process exits with.
   *
   * @return the exit reason
   */
  public ExitReason reason() {
    return reason;
  }
}
