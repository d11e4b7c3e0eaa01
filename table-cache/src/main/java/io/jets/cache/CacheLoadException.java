package io.jets.cache;

import io.jets.table.TableException;

/**
 * A {@link CacheTable#getOrLoad} whose wait ran past its timeout or was interrupted, or whose
 * loader threw a checked exception (its cause). A loader's unchecked exception is not wrapped: it
 * reaches the callers unchanged, as in Caffeine. Nothing is cached, so the next call loads again.
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
