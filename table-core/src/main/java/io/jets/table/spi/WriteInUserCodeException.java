package io.jets.table.spi;

/**
 * Thrown by a {@link Store} when a thread starts a write under a writer lock it already holds while
 * user code runs under that lock ({@link Store#userCode}), or a multi-object write or a clear while
 * it holds any of the store's writer locks: an {@code update} function writing its own table.
 * Nothing was written; the facade reports it as an {@link IllegalStateException} naming the table.
 */
public final class WriteInUserCodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WriteInUserCodeException() {
    super("a write from user code running under the same writer lock", null, false, false);
  }
}
