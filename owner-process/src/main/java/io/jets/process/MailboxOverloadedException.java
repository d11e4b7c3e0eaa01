package io.jets.process;

/**
 * A {@link Proc#call} was refused because the server's bounded mailbox is full and its policy is
 * {@link OverflowPolicy#REJECT}. The request was not delivered.
 */
public final class MailboxOverloadedException extends ProcessException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the process and its mailbox bound.
   *
   * @param message the message
   */
  public MailboxOverloadedException(String message) {
    super(message);
  }
}
