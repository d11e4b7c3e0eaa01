package io.jets.owner;

/**
 * The root of every failure a jets module reports about its own state or its caller's input: table
 * errors ({@code io.jets.table.TableException}), persistent-term errors ({@code
 * io.jets.term.TermException}), process errors ({@code io.jets.process.ProcessException}) and the
 * errors of the modules built on them. Each message names the object concerned (a table, a term
 * key, a process) and the offending argument. An operation that fails with bad input has changed
 * nothing; each subclass says what its other failures leave behind (a call to a process that timed
 * out, for example, has already delivered its request).
 *
 * <p>Exceptions thrown by user code that an operation calls (a key's {@code equals}, a function
 * passed to an update) are not wrapped: they reach the caller as thrown, as in {@code
 * java.util.concurrent}.
 */
public class JetsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the complete message, naming the object and the argument concerned
   */
  public JetsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param message the complete message, naming the object and the argument concerned
   * @param cause the underlying failure
   */
  public JetsException(String message, Throwable cause) {
    super(message, cause);
  }
}
