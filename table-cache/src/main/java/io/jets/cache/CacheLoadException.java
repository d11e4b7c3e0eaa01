package io.jets.cache;

import io.jets.table.TableException;

/**
 * A {@link CacheTable#getOrLoad} whose wait ran past its timeout or was interrupted, or whose
 * loader threw a checked exception (its cause); or a {@link CacheTable#getAll} whose loader or bulk
 * loader did. A loader's unchecked exception is not wrapped: it reaches the callers unchanged, as
 * in Caffeine. Nothing is cached, so the next call loads again.
 */
public class CacheLoadException extends TableException {

  private static final long serialVersionUID = 1L;

  /** Whether the caller stopped waiting at its timeout, as {@link #timedOut()} returns it. */
  private final boolean timedOut;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>':}.
   *
   * @param tableName the name of the cache table
   * @param message what failed, naming the operation and the key
   * @param cause the loader's checked exception, or the interruption; null for a timeout
   * @param timedOut true if the caller stopped waiting at its timeout
   */
  public CacheLoadException(String tableName, String message, Throwable cause, boolean timedOut) {
    super(tableName, message, cause);
    this.timedOut = timedOut;
  }

  /**
   * Whether the wait ran out.
   *
   * @return true if the caller stopped waiting at its timeout (the load itself may still complete)
   */
  public boolean timedOut() {
    return timedOut;
  }
}
