package io.jets.process;

/**
 * {@link Proc#call} got no reply within its timeout. The server may still handle the request later;
 * its reply is then dropped.
 */
public final class CallTimeoutException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the call, the process and the timeout.
   *
   * @param message the message
   */
  public CallTimeoutException(String message) {
    super(message);
  }
}
