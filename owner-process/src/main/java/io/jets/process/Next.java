package io.jets.process;

import io.jets.owner.ExitReason;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link GenServer} callback tells the runtime to do next: OTP's {@code {reply, ...}},
 * {@code {noreply, ...}} and {@code {stop, ...}} tuples.
 *
 * <p>{@link Reply} and {@link NoReply} may carry an inactivity timeout ({@link
 * GenServer#handleTimeout} runs if no message arrives within it) and a continue step ({@link
 * GenServer#handleContinue} runs before the next message). Only {@code handleCall} may return a
 * {@link Reply} or a {@link Stop} with a reply ({@link #stopAndReply}); another callback that
 * returns one ends the server with an {@link IllegalStateException}, and so does a callback that
 * returns null.
 *
 * @param <S> the server's state
 */
public sealed interface Next<S> permits Next.Reply, Next.NoReply, Next.Stop {

  /**
   * The state to keep, or with {@link Stop} the state passed to {@link GenServer#terminate}.
   *
   * @return the state
   */
  S state();

  /**
   * Answer the call with {@code reply} and keep {@code state}. Only {@code handleCall} may return
   * it.
   *
   * @param reply the answer (may be null)
   * @param state the new state
   * @param <S> the server's state type
   * @return the instruction, with no inactivity timeout and no continue step
   */
  static <S> Reply<S> reply(Object reply, S state) {
    return new Reply<>(reply, state, null, null);
  }

  /**
   * Keep {@code state}; from {@code handleCall}, the answer comes later through {@link ReplyTo}.
   *
   * @param state the new state
   * @param <S> the server's state type
   * @return the instruction, with no inactivity timeout and no continue step
   */
  static <S> NoReply<S> noReply(S state) {
    return new NoReply<>(state, null, null);
  }

  /**
   * Exit with {@code reason} after {@link GenServer#terminate}. From {@code init}, the start fails
   * instead and {@code terminate} does not run.
   *
   * @param reason the exit reason; not null
   * @param state the state passed to terminate
   * @param <S> the server's state type
   * @return the instruction
   */
  static <S> Stop<S> stop(ExitReason reason, S state) {
    return new Stop<>(reason, false, null, state);
  }

  /**
   * Answer the call with {@code reply}, then exit with {@code reason} after terminate. Only {@code
   * handleCall} may return it.
   *
   * @param reason the exit reason; not null
   * @param reply the answer (may be null)
   * @param state the state passed to terminate
   * @param <S> the server's state type
   * @return the instruction
   */
  static <S> Stop<S> stopAndReply(ExitReason reason, Object reply, S state) {
    return new Stop<>(reason, true, reply, state);
  }

  /**
   * Answer the call and keep the state.
   *
   * @param reply the answer (may be null)
   * @param state the new state
   * @param timeout inactivity timeout, or null for none
   * @param continueWith the argument of a continue step to run first, or null for none
   * @param <S> the server's state type
   */
  record Reply<S>(Object reply, S state, Duration timeout, Object continueWith) implements Next<S> {
    /**
     * The same, with an inactivity timeout.
     *
     * @param inactivity how long to wait for the next message before {@link
     *     GenServer#handleTimeout} runs; not negative
     * @return a new instruction; this one is unchanged
     * @throws IllegalArgumentException if {@code inactivity} is negative
     */
    public Reply<S> withTimeout(Duration inactivity) {
      return new Reply<>(reply, state, checkTimeout(inactivity), continueWith);
    }

    /**
     * The same, with a continue step that runs before the next message.
     *
     * @param argument the argument passed to {@link GenServer#handleContinue}; not null
     * @return a new instruction; this one is unchanged
     */
    public Reply<S> thenContinue(Object argument) {
      return new Reply<>(
          reply, state, timeout, Objects.requireNonNull(argument, "continue argument is null"));
    }
  }

  /**
   * Keep the state, give no answer now.
   *
   * @param state the new state
   * @param timeout inactivity timeout, or null for none
   * @param continueWith the argument of a continue step to run first, or null for none
   * @param <S> the server's state type
   */
  record NoReply<S>(S state, Duration timeout, Object continueWith) implements Next<S> {
    /**
     * The same, with an inactivity timeout.
     *
     * @param inactivity how long to wait for the next message before {@link
     *     GenServer#handleTimeout} runs; not negative
     * @return a new instruction; this one is unchanged
     * @throws IllegalArgumentException if {@code inactivity} is negative
     */
    public NoReply<S> withTimeout(Duration inactivity) {
      return new NoReply<>(state, checkTimeout(inactivity), continueWith);
    }

    /**
     * The same, with a continue step that runs before the next message.
     *
     * @param argument the argument passed to {@link GenServer#handleContinue}; not null
     * @return a new instruction; this one is unchanged
     */
    public NoReply<S> thenContinue(Object argument) {
      return new NoReply<>(
          state, timeout, Objects.requireNonNull(argument, "continue argument is null"));
    }
  }

  /**
   * Exit.
   *
   * @param reason the exit reason
   * @param hasReply whether to answer the current call first
   * @param reply the answer, if {@code hasReply}
   * @param state the state passed to terminate
   * @param <S> the server's state type
   */
  record Stop<S>(ExitReason reason, boolean hasReply, Object reply, S state) implements Next<S> {
    /** Requires a non-null reason. */
    public Stop {
      Objects.requireNonNull(reason, "stop reason is null");
    }
  }

  private static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "inactivity timeout is null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("inactivity timeout must not be negative, was " + timeout);
    }
    return timeout;
  }
}
