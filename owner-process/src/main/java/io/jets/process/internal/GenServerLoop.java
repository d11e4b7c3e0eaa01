package io.jets.process.internal;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.Call;
import io.jets.process.Cast;
import io.jets.process.ExitException;
import io.jets.process.ExitSignal;
import io.jets.process.GenServer;
import io.jets.process.MonitorRef;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.ProcBody;
import io.jets.process.ProcStartException;
import io.jets.process.ReplyTo;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link GenServer} as the body of a process: init, then one callback per message, as OTP's
 * {@code gen_server} loop does. Also tells the starter how {@code init} went.
 */
public final class GenServerLoop<S> implements ProcBody {

  private static final System.Logger LOG = System.getLogger(GenServer.class.getName());
  private static final Object INACTIVITY = new Object();

  private final GenServer<S> server;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile ExitReason startFailure;

  // Loop state: touched only by the server's thread.
  private S state;
  private Duration timeout;
  private Object continueWith;
  private ReplyTo currentCaller;
  private String currentCallback;

  /** The loop that runs {@code server}. */
  @SuppressWarnings("unchecked")
  public GenServerLoop(GenServer<?> server) {
    this.server = (GenServer<S>) server;
  }

  /**
   * Waits until init has returned or the process has exited; throws if the start failed, once the
   * process has exited (so its name and tables are already released, as with OTP 26's init_fail).
   */
  public void awaitStarted(Proc proc) {
    ProcAccess access = ProcAccess.get();
    MonitorRef monitor = access.monitor(proc, (ref, reason) -> failStart(reason));
    boolean interrupted = false;
    try {
      interrupted = awaitUninterruptibly(started);
    } finally {
      monitor.demonitor();
    }
    ExitReason failure = startFailure;
    if (failure != null) {
      interrupted |= awaitUninterruptibly(access.exitLatch(proc));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new ProcStartException("start of " + proc + " failed: " + failure, failure);
    }
  }

  /** Start is not interruptible, as in OTP; returns whether an interrupt was swallowed. */
  private static boolean awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        return interrupted;
      } catch (InterruptedException e) {
        if (Owner.current() instanceof Proc caller && !caller.isAlive()) {
          throw new ExitException(caller.exitReason().orElseThrow());
        }
        interrupted = true;
      }
    }
  }

  private void failStart(ExitReason reason) {
    if (started.getCount() > 0) {
      startFailure = reason;
      started.countDown();
    }
  }

  @Override
  public void run(Proc self) throws Exception {
    Next<S> first;
    try {
      first = server.init();
      if (first == null
          || first instanceof Next.Reply<S>
          || (first instanceof Next.Stop<S> stop && stop.hasReply())) {
        throw new IllegalStateException(
            self + ": init returned " + first + "; it may return Next.noReply or Next.stop");
      }
    } catch (ExitException e) {
      failStart(e.reason());
      throw e;
    } catch (Throwable t) {
      failStart(ExitReason.crash(t));
      throw t;
    }
    if (first instanceof Next.Stop<S> stop) {
      failStart(stop.reason());
      throw new ExitException(stop.reason());
    }
    state = first.state();
    started.countDown();
    apply(self, first, "init");
    while (true) {
      Next<S> next;
      String callback;
      try {
        currentCaller = null;
        if (continueWith != null) {
          Object argument = continueWith;
          continueWith = null;
          callback = "handleContinue";
          currentCallback = callback;
          next = server.handleContinue(argument, state);
        } else {
          Object message =
              timeout == null ? self.receive() : self.receive(timeout).orElse(INACTIVITY);
          next = dispatch(self, message);
          callback = currentCallback;
        }
      } catch (ExitException e) {
        if (!self.isAlive()) {
          throw e; // ended by an exit signal it did not trap: no terminate, as in OTP
        }
        throw new ExitException(terminate(self, e.reason()));
      } catch (Throwable t) {
        if (!self.isAlive()) {
          // Killed while in a callback (typically the interrupt surfacing): no terminate.
          throw new ExitException(self.exitReason().orElseThrow());
        }
        throw new ExitException(terminate(self, ExitReason.crash(t)));
      }
      apply(self, next, callback);
    }
  }

  private Next<S> dispatch(Proc self, Object message) throws Exception {
    if (message == INACTIVITY) {
      currentCallback = "handleTimeout";
      return server.handleTimeout(state);
    }
    if (message instanceof Call call) {
      currentCallback = "handleCall";
      currentCaller = call.replyTo();
      return server.handleCall(call.request(), call.replyTo(), state);
    }
    if (message instanceof Cast cast) {
      currentCallback = "handleCast";
      return server.handleCast(cast.request(), state);
    }
    if (message instanceof ExitSignal signal
        && self.trapsExits()
        && self.parent().orElse(null) == signal.from()) {
      currentCallback = "exit signal from parent";
      return Next.stop(
          signal.reason(), state); // OTP: a trapped exit from the parent stops the server
    }
    currentCallback = "handleInfo";
    return server.handleInfo(message, state);
  }

  private void apply(Proc self, Next<S> next, String callback) {
    if (!self.isAlive()) {
      // Ended by an exit signal it did not trap while the callback ran: its answer is not acted
      // on, and terminate does not run, as in OTP.
      throw new ExitException(self.exitReason().orElseThrow());
    }
    switch (next) {
      case null ->
          throw new ExitException(
              terminate(
                  self,
                  ExitReason.crash(
                      new IllegalStateException(self + ": " + callback + " returned null"))));
      case Next.Reply<S> reply -> {
        if (currentCaller == null) {
          throw new ExitException(
              terminate(
                  self,
                  ExitReason.crash(
                      new IllegalStateException(
                          self
                              + ": "
                              + callback
                              + " returned Next.reply, but only handleCall may reply"))));
        }
        currentCaller.reply(reply.reply());
        keep(reply.state(), reply.timeout(), reply.continueWith());
      }
      case Next.NoReply<S> noReply ->
          keep(noReply.state(), noReply.timeout(), noReply.continueWith());
      case Next.Stop<S> stop -> {
        if (stop.hasReply()) {
          if (currentCaller == null) {
            throw new ExitException(
                terminate(
                    self,
                    ExitReason.crash(
                        new IllegalStateException(
                            self
                                + ": "
                                + callback
                                + " returned Next.stopAndReply, but only handleCall may reply"))));
          }
          currentCaller.reply(stop.reply());
        }
        state = stop.state();
        throw new ExitException(terminate(self, stop.reason()));
      }
    }
  }

  private void keep(S newState, Duration newTimeout, Object newContinue) {
    state = newState;
    timeout = newTimeout;
    continueWith = newContinue;
  }

  /** Runs terminate once and returns the reason to exit with. */
  private ExitReason terminate(Proc self, ExitReason reason) {
    ExitReason finalReason = reason;
    try {
      server.terminate(reason, state);
    } catch (Throwable t) {
      if (reason instanceof ExitReason.Crash crash && crash.cause() != t) {
        t.addSuppressed(crash.cause());
      }
      finalReason = ExitReason.crash(t);
    }
    if (!finalReason.isNormal()) {
      ExitReason logged = finalReason;
      Throwable cause = logged instanceof ExitReason.Crash crash ? crash.cause() : null;
      LOG.log(System.Logger.Level.WARNING, self + " terminating with reason " + logged, cause);
    }
    return finalReason;
  }
}
