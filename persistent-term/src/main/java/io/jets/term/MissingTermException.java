package io.jets.term;

import io.jets.term.internal.ValueInspector;
import java.util.NoSuchElementException;

/**
 * A read needed a term and there is none under the key (Erlang's {@code badarg} from {@code
 * persistent_term:get/1}). Thrown by {@link PersistentTerm#get(Object)} and by {@link Term#get()}
 * on a handle whose key is not (or no longer) stored.
 */
public class MissingTermException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  /** Creates the exception for the absent {@code key}. */
  public MissingTermException(Object key) {
    super("persistent term " + ValueInspector.describe(key) + ": no term is stored under this key");
    this.key = key;
  }

  /** The key that was not found. */
  public Object key() {
    return key;
  }
}
