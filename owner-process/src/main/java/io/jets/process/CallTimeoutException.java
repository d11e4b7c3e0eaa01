package io.jets.process;

/**
 * {@link Proc#call} got no reply within its timeout. The server may still handle the request
 * later; its reply is then dropped.
 */
public final class CallTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallTimeoutException(String message) {
    super(message);
  }
}
