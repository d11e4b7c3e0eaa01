package io.jets.process.internal;

import io.jets.owner.Owner;
import io.jets.process.Call;
import io.jets.process.CallFailedException;
import io.jets.process.CallInterruptedException;
import io.jets.process.CallTimeoutException;
import io.jets.process.Cast;
import io.jets.process.ExitException;
import io.jets.process.MailboxOverloadedException;
import io.jets.process.MonitorRef;
import io.jets.process.NoProcessException;
import io.jets.process.Proc;
import io.jets.process.ReplyTo;
import java.time.Duration;

/**
 * The caller's side of {@link Proc#call}, as OTP's {@code gen:call}: monitor the server, send the
 * request with a fresh {@link ReplyTo}, wait for the reply, the server's exit or the deadline,
 * whichever comes first, then remove the monitor. The monitor is what makes a call to a process
 * that dies mid-request fail at once instead of waiting for its timeout.
 */
public final class CallProtocol {

  private CallProtocol() {}

  /**
   * Sends {@code request} to {@code server} through its {@code mailbox} and waits for the answer.
   */
  public static Object call(Proc server, MpscMailbox mailbox, Object request, Duration timeout) {
    long deadline = MpscMailbox.deadlineAfter(timeout);
    ProcAccess access = ProcAccess.get();
    PendingReply pending = new PendingReply();
    ReplyTo replyTo = access.replyTo(server, pending);
    MonitorRef monitor = access.monitor(server, (ref, reason) -> pending.fail(reason));
    try {
      switch (mailbox.offer(new Call(request, replyTo), deadline)) {
        case ACCEPTED -> {}
        case REJECTED -> {
          RuntimeEvents.mailboxOverload(server, mailbox.capacity(), "call");
          throw new MailboxOverloadedException(
              "call "
                  + request
                  + " to "
                  + server
                  + " refused: mailbox full ("
                  + mailbox.capacity()
                  + " messages, policy REJECT)");
        }
        case TIMED_OUT ->
            throw new CallTimeoutException(
                "call "
                    + request
                    + " to "
                    + server
                    + " timed out after "
                    + timeout
                    + " waiting for room in its full mailbox");
        case CLOSED -> throw noProcess(server, request);
        case INTERRUPTED -> throw interrupted(server, request);
      }
      PendingReply.State state = awaitReply(server, pending, deadline, request);
      if (state == PendingReply.State.WAITING && !pending.abandon()) {
        state =
            awaitReply(server, pending, deadline, request); // settled meanwhile: returns at once
      }
      return switch (state) {
        case REPLIED -> pending.value();
        case FAILED ->
            throw new CallFailedException(
                "call "
                    + request
                    + " to "
                    + server
                    + " failed: the process exited with "
                    + pending.failure()
                    + " before replying",
                pending.failure());
        case WAITING, ABANDONED ->
            throw new CallTimeoutException(
                "call " + request + " to " + server + " got no reply within " + timeout);
      };
    } finally {
      monitor.demonitor();
    }
  }

  /**
   * Puts a one-way message (a send or a cast) in {@code target}'s live mailbox: a process sending
   * to itself never waits; on a full bounded mailbox REJECT drops and counts it, BLOCK waits.
   *
   * @return true if the message was put in the mailbox
   * @throws io.jets.process.ExitException if the sender was ended by an exit signal while waiting
   */
  public static boolean offerOneWay(
      Proc target, MpscMailbox mailbox, boolean fromTarget, Object message) {
    if (fromTarget) {
      mailbox.offerUnbounded(message);
      return true;
    }
    return switch (mailbox.offer(message, Long.MAX_VALUE)) {
      case ACCEPTED -> true;
      case REJECTED -> {
        mailbox.countDropped();
        RuntimeEvents.mailboxOverload(
            target, mailbox.capacity(), message instanceof Cast ? "cast" : "send");
        yield false;
      }
      case INTERRUPTED -> {
        throwIfCallerExited();
        yield false;
      }
      case CLOSED, TIMED_OUT -> false;
    };
  }

  /** The failure of a call to {@code server}, which has exited. */
  public static NoProcessException noProcess(Proc server, Object request) {
    return new NoProcessException(
        "call "
            + request
            + " to "
            + server
            + " failed at once: the process has exited ("
            + server.exitReason().map(Object::toString).orElse("exiting")
            + ")");
  }

  private static PendingReply.State awaitReply(
      Proc server, PendingReply pending, long deadline, Object request) {
    try {
      return pending.await(deadline);
    } catch (InterruptedException e) {
      pending.abandon();
      throw interrupted(server, request);
    }
  }

  private static RuntimeException interrupted(Proc server, Object request) {
    throwIfCallerExited();
    Thread.currentThread().interrupt();
    return new CallInterruptedException(
        "call " + request + " to " + server + " interrupted while waiting");
  }

  /** A process waiting on someone else is interrupted when it is killed: it must unwind. */
  public static void throwIfCallerExited() {
    if (Owner.current() instanceof Proc caller && !caller.isAlive()) {
      throw new ExitException(caller.exitReason().orElseThrow());
    }
  }
}
