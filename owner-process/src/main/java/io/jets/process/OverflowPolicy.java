package io.jets.process;

import io.jets.owner.Owner;

/**
 * What a bounded mailbox does with a message that arrives while it is full.
 *
 * <p>The bound counts messages sent with {@link Proc#send}, {@link Proc#cast} and {@link
 * Proc#call}. Signals the runtime delivers (exit messages, DOWN messages, timer messages, table
 * transfers through {@link Owner#deliver}) and messages a process sends to itself never count and
 * are never refused: {@link Owner#deliver} must not block, and a process that blocked on its own
 * full mailbox would wait forever.
 */
public enum OverflowPolicy {
  /**
   * Refuse at once: {@link Proc#call} throws {@link MailboxOverloadedException}, {@link Proc#cast}
   * and {@link Proc#send} drop the message, return false and count it in {@link
   * Proc#droppedCount()}.
   */
  REJECT,
  /**
   * Make the sender wait for space (back-pressure): {@link Proc#send} and {@link Proc#cast} wait
   * until there is room or the process exits; {@link Proc#call} waits at most its timeout.
   */
  BLOCK
}
