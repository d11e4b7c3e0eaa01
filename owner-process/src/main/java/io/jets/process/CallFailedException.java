package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * The server of a {@link Proc#call} exited before it replied. The cause is the exception the server
 * died of, if it crashed.
 */
public final class CallFailedException extends ProcessException {

  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  /**
   * Creates the exception; {@code reason} is the exit reason of the process that was called.
   *
   * @param message the message, naming the call and the process
   * @param reason why the server exited; its cause becomes this exception's cause if it is a crash
   */
  public CallFailedException(String message, ExitReason reason) {
    super(message, reason instanceof ExitReason.Crash crash ? crash.cause() : null);
    this.reason = reason;
  }

  /**
   * Why the server exited.
   *
   * @return the server's exit reason
   */
  public ExitReason reason() {
    return reason;
  }
}
