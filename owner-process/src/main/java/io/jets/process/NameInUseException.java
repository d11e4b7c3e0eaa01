package io.jets.process;

/** {@link Registry#register} was given a name that a live process already holds. */
public final class NameInUseException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the registered name and its holder.
   *
   * @param message the message
   */
  public NameInUseException(String message) {
    super(message);
  }
}
