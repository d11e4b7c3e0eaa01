package io.jets.term;

/**
 * A read needed a term and there is none under the key (Erlang's {@code badarg} from {@code
 * persistent_term:get/1}). Thrown by {@link PersistentTerm#get(Object)} and by {@link Term#get()}
 * on a handle whose key is not (or no longer) stored. A read changes nothing, so neither did this
 * one.
 */
public class MissingTermException extends TermException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the absent {@code key}.
   *
   * @param key the key that was not found
   */
  public MissingTermException(Object key) {
    super(key, "no term is stored under this key");
  }
}
