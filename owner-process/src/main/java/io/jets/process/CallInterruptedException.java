package io.jets.process;

/**
 * The thread waiting in {@link Proc#call} was interrupted; its interrupt status is set again. The
 * server may still handle the request; its reply is then dropped.
 */
public final class CallInterruptedException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the call and the process.
   *
   * @param message the message
   */
  public CallInterruptedException(String message) {
    super(message);
  }
}
