package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * The server of a {@link Proc#call} exited before it replied. The cause is the exception the server
 * died of, if it crashed.
 */
public final class CallFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  /** Creates the exception; {@code reason} is the exit reason of the process that was called. */
  public CallFailedException(String message, ExitReason reason) {
    super(message, reason instanceof ExitReason.Crash crash ? crash.cause() : null);
    this.reason = reason;
  }

  /** Why the server exited. */
  public ExitReason reason() {
    return reason;
  }
}
