package io.jets.process;

import io.jets.owner.Owner;
import java.time.Duration;

/**
 * The caller's side of {@link Proc#call}, as OTP's {@code gen:call}: monitor the server, send the
 * request with a fresh {@link ReplyTo}, wait for the reply, the server's exit or the deadline,
 * whichever comes first, then remove the monitor. The monitor is what makes a call to a process
 * that dies mid-request fail at once instead of waiting for its timeout.
 */
final class CallProtocol {

  private CallProtocol() {}

  static Object call(Proc server, MpscMailbox mailbox, Object request, Duration timeout) {
    long deadline = MpscMailbox.deadlineAfter(timeout);
    ReplyTo replyTo = new ReplyTo(server);
    MonitorRef monitor = server.addMonitor(null, (ref, reason) -> replyTo.fail(reason));
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
        case CLOSED -> throw server.noProcess(request);
        case INTERRUPTED -> throw interrupted(server, request);
      }
      ReplyTo.State state = awaitReply(server, replyTo, deadline, request);
      if (state == ReplyTo.State.WAITING && !replyTo.abandon()) {
        state =
            awaitReply(server, replyTo, deadline, request); // settled meanwhile: returns at once
      }
      return switch (state) {
        case REPLIED -> replyTo.value();
        case FAILED ->
            throw new CallFailedException(
                "call "
                    + request
                    + " to "
                    + server
                    + " failed: the process exited with "
                    + replyTo.failure()
                    + " before replying",
                replyTo.failure());
        case WAITING, ABANDONED ->
            throw new CallTimeoutException(
                "call " + request + " to " + server + " got no reply within " + timeout);
      };
    } finally {
      monitor.demonitor();
    }
  }

  private static ReplyTo.State awaitReply(
      Proc server, ReplyTo replyTo, long deadline, Object request) {
    try {
      return replyTo.await(deadline);
    } catch (InterruptedException e) {
      replyTo.abandon();
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
  static void throwIfCallerExited() {
    if (Owner.current() instanceof Proc caller && !caller.isAlive()) {
      throw new ExitException(caller.exitReason().orElseThrow());
    }
  }
}
