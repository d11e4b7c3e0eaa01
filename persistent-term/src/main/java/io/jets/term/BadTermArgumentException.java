package io.jets.term;

/**
 * An argument the term store cannot accept (Erlang's {@code badarg}): a null key, value or owner; a
 * key or value that is not immutable (see Immutability on {@link PersistentTerm}); an owner that
 * has exited. Thrown before anything is stored, erased or registered, so the store is unchanged.
 * The message names the key (or says it is null), the operation and the argument, which {@link
 * #argument()} also returns.
 */
public class BadTermArgumentException extends TermException {

  private static final long serialVersionUID = 1L;

  /** The name of the bad argument, as {@link #argument()} returns it. */
  private final String argument;

  /**
   * Creates the exception.
   *
   * @param key the key passed to the operation; null if that is what was wrong with it
   * @param argument the name of the bad argument: {@code "key"}, {@code "value"} or {@code "owner"}
   * @param message what is wrong, naming the operation and the argument (for example {@code "put:
   *     value is null"})
   */
  public BadTermArgumentException(Object key, String argument, String message) {
    super(key, message);
    this.argument = argument;
  }

  /**
   * The name of the bad argument.
   *
   * @return {@code "key"}, {@code "value"} or {@code "owner"} for the errors of {@link
   *     PersistentTerm}; what the thrower passed otherwise
   */
  public String argument() {
    return argument;
  }
}
