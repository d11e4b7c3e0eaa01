package io.jets.process;

/**
 * The addressed process has exited, or no process is registered under the name used: OTP's {@code
 * noproc}. Thrown at once by {@link Proc#call} on an exited process and by the {@link Registry}
 * lookups; also the cause inside the exit reason a process receives when it links to a process that
 * has already exited.
 */
public final class NoProcessException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the process or the name, and what was attempted.
   *
   * @param message the message
   */
  public NoProcessException(String message) {
    super(message);
  }
}
