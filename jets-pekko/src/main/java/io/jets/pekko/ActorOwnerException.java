package io.jets.pekko;

import io.jets.owner.JetsException;

/**
 * An actor that cannot act as a jets owner, or bad input to this package: the actor's behavior is
 * not decorated with {@link JetsBehaviors#owning}, it has stopped, it did not start in time, or an
 * argument is null. The message names the actor (or the argument). Like every {@link
 * JetsException}, it leaves everything as it was: no owner is created or bound.
 */
public class ActorOwnerException extends JetsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the actor or the argument, and what is wrong with it
   */
  public ActorOwnerException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param message names the actor or the argument, and what is wrong with it
   * @param cause the underlying failure
   */
  public ActorOwnerException(String message, Throwable cause) {
    super(message, cause);
  }

  static <T> T nonNull(T argument, String method, String name) {
    if (argument == null) {
      throw new ActorOwnerException(method + ": " + name + " is null");
    }
    return argument;
  }
}
