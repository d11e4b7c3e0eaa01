package io.jets.process;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;

/**
 * The callbacks of a server process, after OTP's {@code gen_server}. Start one with {@link
 * Procs#start} or {@link ProcBuilder#start}; talk to it with {@link Proc#call}, {@link Proc#cast}
 * and {@link Proc#send}.
 *
 * <p><b>Order.</b> All callbacks run one at a time on the server's own thread, where the server is
 * {@link Owner#current()} (tables created in {@code init} belong to it). {@link #init} runs first
 * while the starter waits; then the continue step it asked for, if any; then one callback per
 * message, in mailbox order, each followed by the continue step it asked for.
 *
 * <p><b>Errors.</b> A callback that throws ends the process with {@link ExitReason#crash} of that
 * exception, after {@link #terminate} has run; a caller waiting in {@link Proc#call} then gets
 * {@link CallFailedException}. Throwing {@link ExitException} ends it with that reason instead. A
 * callback that returns something it may not (a {@link Next.Reply} from {@code handleCast}) ends it
 * with an {@link IllegalStateException} naming the callback.
 *
 * <p><b>Blocking.</b> A callback that blocks holds up every message behind it; to answer a call
 * later without blocking, keep its {@link ReplyTo} and return {@link Next#noReply}.
 *
 * @param <S> the server's state; it is confined to the server's thread, so it needs no locking
 */
public interface GenServer<S> {

  /**
   * Builds the first state. Runs while the starter waits. Return {@link Next#noReply} (optionally
   * {@code .thenContinue(...)} for slow initialisation after the starter is released, or {@code
   * .withTimeout(...)}), or {@link Next#stop} to fail the start.
   *
   * @return {@link Next#noReply} with the first state, or {@link Next#stop}; anything else fails
   *     the start with an {@link IllegalStateException}
   * @throws Exception to fail the start: the process exits with {@link ExitReason#crash} of it
   *     ({@link #terminate} does not run) and the starter gets {@link ProcStartException}
   */
  Next<S> init() throws Exception;

  /**
   * Runs the continue step asked for by the previous callback, before any other message: the place
   * for slow initialisation that must not hold up the starter. The default fails the server: a
   * server that asks for a continue step must implement this.
   *
   * @param argument the argument the previous callback gave to {@code thenContinue}
   * @param state the current state
   * @return what to do next
   * @throws Exception to crash the server, after {@link #terminate}
   */
  default Next<S> handleContinue(Object argument, S state) throws Exception {
    throw new IllegalStateException(
        "a continue step " + argument + " was asked for, but handleContinue is not implemented");
  }

  /**
   * Handles a {@link Proc#call}: return {@link Next#reply} to answer now, or {@link Next#noReply}
   * and answer later with {@code from.reply(...)}. The default fails the server, as OTP's does.
   *
   * @param request the caller's request
   * @param from where the answer goes; keep it to answer later, from any thread
   * @param state the current state
   * @return what to do next: {@link Next#reply}, {@link Next#noReply}, {@link Next#stop} or {@link
   *     Next#stopAndReply}
   * @throws Exception to crash the server, after {@link #terminate}; the caller then gets {@link
   *     CallFailedException}
   */
  default Next<S> handleCall(Object request, ReplyTo from, S state) throws Exception {
    throw new IllegalStateException(
        "unexpected call " + request + ": handleCall is not implemented");
  }

  /**
   * Handles a {@link Proc#cast}. The default fails the server, as OTP's does.
   *
   * @param request the sender's request
   * @param state the current state
   * @return what to do next: {@link Next#noReply} or {@link Next#stop}
   * @throws Exception to crash the server, after {@link #terminate}
   */
  default Next<S> handleCast(Object request, S state) throws Exception {
    throw new IllegalStateException(
        "unexpected cast " + request + ": handleCast is not implemented");
  }

  /**
   * Handles any other message: plain {@link Proc#send}s, timer messages, {@link ExitSignal}s when
   * trapping exits, {@link Down} messages, table transfers. The default logs the message at WARNING
   * and ignores it.
   *
   * <p>An {@link ExitSignal} from the server's parent (for example its supervisor) never reaches
   * this callback when the server traps exits: it stops the server with the signal's reason, as in
   * OTP.
   *
   * @param message the message
   * @param state the current state
   * @return what to do next: {@link Next#noReply} or {@link Next#stop}
   * @throws Exception to crash the server, after {@link #terminate}
   */
  default Next<S> handleInfo(Object message, S state) throws Exception {
    System.getLogger(GenServer.class.getName())
        .log(
            System.Logger.Level.WARNING,
            () -> getClass().getName() + " ignored unexpected message " + message);
    return Next.noReply(state);
  }

  /**
   * Runs when no message arrived within the inactivity timeout of the last callback. The default
   * keeps the state, with no timeout.
   *
   * @param state the current state
   * @return what to do next: {@link Next#noReply} or {@link Next#stop}
   * @throws Exception to crash the server, after {@link #terminate}
   */
  default Next<S> handleTimeout(S state) throws Exception {
    return Next.noReply(state);
  }

  /**
   * Runs once before the server exits: when a callback returns {@link Next#stop}, when a callback
   * throws, and, if the server traps exits, when its parent (for example its supervisor) sends an
   * exit signal. It does not run when an exit signal the server does not trap ends it, nor on
   * {@link ExitReason#KILL}. If it throws, the server exits with that exception instead, with the
   * original crash, if any, attached as suppressed.
   *
   * @param reason why the server exits
   * @param state the last state
   * @throws Exception to make the server exit with {@link ExitReason#crash} of it instead
   */
  default void terminate(ExitReason reason, S state) throws Exception {}
}
