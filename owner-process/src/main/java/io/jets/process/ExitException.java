package io.jets.process;

import io.jets.owner.ExitReason;
import java.util.Objects;

/**
 * Ends the process that throws it with {@link #reason()}, like OTP's {@code exit(Reason)}.
 *
 * <p>Process code may throw it to exit with a chosen reason. The runtime throws it from {@link
 * Proc#receive} and from blocking operations of a process that an exit signal has already ended;
 * code must let it propagate.
 */
public final class ExitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  /**
   * An exit with {@code reason}. The exception has no stack trace and no suppressed exceptions: it
   * is control flow, not a failure.
   *
   * @param reason the reason the process exits with; not null
   */
  public ExitException(ExitReason reason) {
    super("exit: " + Objects.requireNonNull(reason, "reason"), null, false, false);
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
