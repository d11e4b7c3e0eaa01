package io.jets.process;

/**
 * An argument the process runtime cannot accept (Erlang's {@code badarg}): a null where a value is
 * required, a number or duration out of range, a null or empty process or supervisor name, a
 * duplicate child id, a partition index out of range, a process that already holds a name given to
 * {@link Registry#register}. The arguments are wrong whichever thread passes them (a call that only
 * its calling thread makes wrong is an {@link IllegalStateException}; see Failures in the package
 * documentation). Thrown before anything is started, sent, registered, linked, monitored or
 * scheduled, and before a builder's setting is changed, so nothing has changed.
 *
 * <p>The message names the process (or the supervisor, child spec, partitioned owner or registered
 * name) concerned, the operation and the argument, whose parameter name {@link #argument()}
 * returns.
 */
public class BadProcessArgumentException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /** The name of the bad argument, as {@link #argument()} returns it. */
  private final String argument;

  /**
   * Creates the exception.
   *
   * @param argument the name of the bad parameter, as the method's javadoc spells it (for example
   *     {@code "timeout"})
   * @param message what is wrong, naming the process (or the object concerned), the operation and
   *     the argument (for example {@code "call ping to Proc[cache#7]: timeout is null"})
   */
  public BadProcessArgumentException(String argument, String message) {
    super(message);
    this.argument = argument;
  }

  /**
   * The name of the bad argument.
   *
   * @return the parameter name of the argument that was refused, as the throwing method's javadoc
   *     spells it
   */
  public String argument() {
    return argument;
  }
}
