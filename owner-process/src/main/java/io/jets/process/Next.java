package io.jets.process;

import io.jets.owner.ExitReason;
import java.time.Duration;

/**
 * What a {@link GenServer} callback tells the runtime to do next: OTP's {@code {reply, ...}},
 * {@code {noreply, ...}} and {@code {stop, ...}} tuples.
 *
 * <p>{@link Reply} and {@link NoReply} may carry an inactivity timeout ({@link
 * GenServer#handleTimeout} runs if no message arrives within it) and a continue step ({@link
 * GenServer#handleContinue} runs before the next message). Only {@code handleCall} may return a
 * {@link Reply} or a {@link Stop} with a reply ({@link #stopAndReply}); another callback that
 * returns one ends the server with an {@link IllegalStateException}, and so does a callback that
 * returns null (the server's crash reason: no caller gets it thrown). Bad arguments to the methods
 * here (a null stop reason, a negative inactivity timeout, a null continue argument) are a {@link
 * BadProcessArgumentException}, thrown to the callback that builds the instruction.
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
   * @throws BadProcessArgumentException if {@code reason} is null
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
   * @throws BadProcessArgumentException if {@code reason} is null
   */
  static <S> Stop<S> stopAndReply(ExitReason reason, Object reply, S state) {
    return new Stop<>(reason, true, reply, state);
  }

  /**
   * Answer the call and keep the state.
   *
   * @param reply the answer (may be null)
   * @param state the new state
   * @param timeout inactivity timeout, or null for none; not negative
   * @param continueWith the argument of a continue step to run first, or null for none
   * @param <S> the server's state type
   */
  record Reply<S>(Object reply, S state, Duration timeout, Object continueWith) implements Next<S> {
    /**
     * Checks that the inactivity timeout, if any, is not negative.
     *
     * @throws BadProcessArgumentException if {@code timeout} is negative
     */
    public Reply {
      checkTimeout("timeout", timeout);
    }

    /**
     * The same, with an inactivity timeout.
     *
     * @param inactivity how long to wait for the next message before {@link
     *     GenServer#handleTimeout} runs; not null, not negative
     * @return a new instruction; this one is unchanged
     * @throws BadProcessArgumentException if {@code inactivity} is null or negative
     */
    public Reply<S> withTimeout(Duration inactivity) {
      return new Reply<>(reply, state, checkInactivity(inactivity), continueWith);
    }

    /**
     * The same, with a continue step that runs before the next message.
     *
     * @param argument the argument passed to {@link GenServer#handleContinue}; not null
     * @return a new instruction; this one is unchanged
     * @throws BadProcessArgumentException if {@code argument} is null
     */
    public Reply<S> thenContinue(Object argument) {
      return new Reply<>(reply, state, timeout, checkContinue(argument));
    }
  }

  /**
   * Keep the state, give no answer now.
   *
   * @param state the new state
   * @param timeout inactivity timeout, or null for none; not negative
   * @param continueWith the argument of a continue step to run first, or null for none
   * @param <S> the server's state type
   */
  record NoReply<S>(S state, Duration timeout, Object continueWith) implements Next<S> {
    /**
     * Checks that the inactivity timeout, if any, is not negative.
     *
     * @throws BadProcessArgumentException if {@code timeout} is negative
     */
    public NoReply {
      checkTimeout("timeout", timeout);
    }

    /**
     * The same, with an inactivity timeout.
     *
     * @param inactivity how long to wait for the next message before {@link
     *     GenServer#handleTimeout} runs; not null, not negative
     * @return a new instruction; this one is unchanged
     * @throws BadProcessArgumentException if {@code inactivity} is null or negative
     */
    public NoReply<S> withTimeout(Duration inactivity) {
      return new NoReply<>(state, checkInactivity(inactivity), continueWith);
    }

    /**
     * The same, with a continue step that runs before the next message.
     *
     * @param argument the argument passed to {@link GenServer#handleContinue}; not null
     * @return a new instruction; this one is unchanged
     * @throws BadProcessArgumentException if {@code argument} is null
     */
    public NoReply<S> thenContinue(Object argument) {
      return new NoReply<>(state, timeout, checkContinue(argument));
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
    /**
     * Requires a non-null reason.
     *
     * @throws BadProcessArgumentException if {@code reason} is null
     */
    public Stop {
      Args.notNull(reason, "reason", () -> "stop reason is null");
    }
  }

  private static Duration checkInactivity(Duration inactivity) {
    Args.notNull(inactivity, "inactivity", () -> "inactivity timeout is null");
    return checkTimeout("inactivity", inactivity);
  }

  private static Duration checkTimeout(String argument, Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw Args.bad(argument, "inactivity timeout must not be negative, was " + timeout);
    }
    return timeout;
  }

  private static Object checkContinue(Object argument) {
    return Args.notNull(argument, "argument", () -> "continue argument is null");
  }
}
