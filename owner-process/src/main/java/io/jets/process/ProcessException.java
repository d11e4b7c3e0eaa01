package io.jets.process;

import io.jets.owner.JetsException;

/**
 * The root of every error the process runtime reports, a {@link JetsException}: {@link
 * BadProcessArgumentException} (bad input), {@link NoProcessException} (the process has exited, or
 * no process holds the name), {@link NameInUseException}, {@link MailboxOverloadedException},
 * {@link CallTimeoutException}, {@link CallInterruptedException}, {@link CallFailedException} and
 * {@link ProcStartException}. {@link ExitException} is not one of them: it is not a failure but the
 * way a process exits with a chosen reason. Each message names the process concerned (or the
 * registered name, supervisor, child spec or partitioned owner) and what was attempted.
 *
 * <p>What a failed operation leaves behind: bad input, {@link NoProcessException}, {@link
 * NameInUseException} and {@link MailboxOverloadedException} are thrown before anything is sent,
 * started, registered, linked, monitored or scheduled, so nothing has changed. A call that failed
 * with {@link CallTimeoutException} or {@link CallInterruptedException} has delivered its request,
 * which the server may still handle; {@link CallFailedException} and {@link ProcStartException}
 * report a process that has exited.
 *
 * <p>An exception thrown by code the runtime runs (a process's body, a server's callbacks) never
 * reaches a caller directly: it ends that process, and a caller waiting in {@link Proc#call} gets a
 * {@link CallFailedException}, a starter a {@link ProcStartException}, whose cause is that
 * exception. An exception thrown by user code the caller's thread runs (a registered name's {@code
 * equals} or {@code hashCode}) reaches the caller as thrown.
 */
public class ProcessException extends JetsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the complete message, naming the process (or the name, supervisor, child spec or
   *     partitioned owner) and what was attempted
   */
  public ProcessException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param message the complete message, naming the process and what was attempted
   * @param cause the underlying failure; null if there is none
   */
  public ProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
