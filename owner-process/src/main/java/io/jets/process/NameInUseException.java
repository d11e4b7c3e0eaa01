package io.jets.process;

/** {@link Registry#register} was given a name that a live process already holds. */
public final class NameInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NameInUseException(String message) {
    super(message);
  }
}
