package io.jets.table;

/**
 * A {@link CacheTable#getOrLoad} whose load failed (the loader threw or returned null) or whose
 * wait ran past its timeout. Every caller waiting for the same load gets the failure; nothing is
 * cached, so the next call loads again. The loader's exception is the cause.
 */
public class CacheLoadException extends TableException {

  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  public CacheLoadException(String tableName, String message, Throwable cause, boolean timedOut) {
    super(tableName, message, cause);
    this.timedOut = timedOut;
  }

  /** True if the caller stopped waiting at its timeout (the load itself may still complete). */
  public boolean timedOut() {
    return timedOut;
  }
}
