package io.jets.term;

import io.jets.term.internal.ValueInspector;

/**
 * {@link PersistentTerm#putNew(Object, Object)} found a different value already stored under the
 * key (Erlang's {@code badarg} from {@code persistent_term:put_new/2}). The stored value is
 * unchanged.
 */
public class TermExistsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  /** Creates the exception for {@code key}, which already holds a different value. */
  public TermExistsException(Object key) {
    super(
        "persistent term "
            + ValueInspector.describe(key)
            + ": putNew found a different value already stored; the stored value is unchanged");
    this.key = key;
  }

  /** The key that was already taken. */
  public Object key() {
    return key;
  }
}
