package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * A {@link GenServer} failed to start: its {@code init} threw or asked to stop. The process has
 * exited with {@link #reason()}; the cause is the exception {@code init} threw, if any.
 */
public final class ProcStartException extends ProcessException {

  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  /**
   * Creates the exception; {@code reason} is why the process exited during its start.
   *
   * @param message the message, naming the process and the reason
   * @param reason why the process exited; its cause becomes this exception's cause if it is a crash
   */
  public ProcStartException(String message, ExitReason reason) {
    super(message, reason instanceof ExitReason.Crash crash ? crash.cause() : null);
    this.reason = reason;
  }

  /**
   * The reason the process exited with.
   *
   * @return the exit reason of the process that failed to start
   */
  public ExitReason reason() {
    return reason;
  }
}
