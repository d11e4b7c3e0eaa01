package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * Ends the process that throws it with {@link #reason()}, like OTP's {@code exit(Reason)}.
 *
 * <p>Process code may throw it to exit with a chosen reason. The runtime throws it from {@link
 * Proc#receive} and from blocking operations of a process that an exit signal has already ended;
 * code must let it propagate.
 *
 * <p>It is a {@link ProcessException}, so that everything the runtime throws is one family, but it
 * is control flow, not a failure: it has no stack trace and keeps no suppressed exceptions. Code in
 * a process that catches {@link ProcessException} or {@link io.jets.owner.JetsException} must catch
 * {@code ExitException} first and rethrow it.
 */
public final class ExitException extends ProcessException {

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
