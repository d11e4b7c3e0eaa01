package io.jets.term;

import io.jets.owner.JetsException;
import io.jets.term.internal.ValueInspector;

/**
 * The root of every error the term store reports: {@link BadTermArgumentException} (bad input),
 * {@link MissingTermException} (no term under the key) and {@link TermExistsException} ({@code
 * putNew} over a different value), and the store's own limits. The message starts with {@code
 * persistent term <key>:} (strings quoted), or {@code persistent term with a null key:}, and goes
 * on to name the operation and the argument concerned. A write that fails with one has changed
 * nothing: no term, no owner and no handle.
 *
 * <p>As for tables ({@code io.jets.table}), an exception thrown by user code the store calls (a
 * key's {@code hashCode} or {@code equals}, an {@link io.jets.owner.Owner}'s methods) is not
 * wrapped: it reaches the caller as thrown.
 */
public class TermException extends JetsException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  /**
   * Creates the exception; the message is prefixed with the key as above.
   *
   * @param key the key of the term concerned; null if the caller passed a null key
   * @param message what failed, naming the operation and the argument
   */
  public TermException(Object key, String message) {
    super(prefix(key) + message);
    this.key = key;
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param key the key of the term concerned; null if the caller passed a null key
   * @param message what failed, naming the operation and the argument
   * @param cause the underlying failure
   */
  public TermException(Object key, String message, Throwable cause) {
    super(prefix(key) + message, cause);
    this.key = key;
  }

  /**
   * The key of the term concerned.
   *
   * @return the key, as the caller passed it; null if it was null (or if this exception was
   *     deserialized: the key is not serialized)
   */
  public Object key() {
    return key;
  }

  private static String prefix(Object key) {
    return key == null
        ? "persistent term with a null key: "
        : "persistent term " + ValueInspector.describe(key) + ": ";
  }
}
