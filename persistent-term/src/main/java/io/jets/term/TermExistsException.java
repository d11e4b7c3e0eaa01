package io.jets.term;

/**
 * {@link PersistentTerm#putNew(Object, Object)} found a different value already stored under the
 * key (Erlang's {@code badarg} from {@code persistent_term:put_new/2}). The stored value is
 * unchanged.
 */
public class TermExistsException extends TermException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code key}, which already holds a different value.
   *
   * @param key the key that was already taken
   */
  public TermExistsException(Object key) {
    super(key, "putNew found a different value already stored; the stored value is unchanged");
  }
}
