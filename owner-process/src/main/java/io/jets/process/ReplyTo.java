package io.jets.process;

import io.jets.process.internal.PendingReply;

/**
 * Where the answer to one {@link Proc#call} goes: OTP's {@code From}.
 *
 * <p>A server answers either by returning {@link Next#reply} from {@code handleCall}, or later,
 * from any thread, with {@link #reply(Object)} (a deferred reply: keep the handle, return {@link
 * Next#noReply}). Only the first answer counts; an answer after the caller gave up (timeout,
 * interrupt) or after the server exited is dropped.
 */
public final class ReplyTo {

  private final Proc server;
  private final PendingReply pending;

  ReplyTo(Proc server, PendingReply pending) {
    this.server = server;
    this.pending = pending;
  }

  /**
   * The process the call was made to.
   *
   * @return the server
   */
  public Proc server() {
    return server;
  }

  /**
   * Answers the call. Never blocks.
   *
   * @param value the answer (may be null)
   * @return true if this answer reached a waiting caller; false if the call was already answered,
   *     timed out, or failed
   */
  public boolean reply(Object value) {
    return pending.reply(value);
  }

  /**
   * True once an answer has been given or the call has ended without one.
   *
   * @return whether a later {@link #reply(Object)} would be dropped
   */
  public boolean isSettled() {
    return pending.isSettled();
  }

  @Override
  public String toString() {
    return "ReplyTo[" + server.name() + "#" + server.id() + "]";
  }
}
