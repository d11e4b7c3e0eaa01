package io.jets.process;

import io.jets.owner.AbstractOwner;
import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.internal.CallProtocol;
import io.jets.process.internal.DownListener;
import io.jets.process.internal.MpscMailbox;
import io.jets.process.internal.ProcRelations;
import io.jets.process.internal.SignalTrampoline;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The part of a {@link Proc} that the runtime drives: its state, its thread's run loop, the single
 * exit path, exit signals, the mailbox take loop and the bookkeeping of links, monitors, timers and
 * names. {@link Proc} holds the public API on top; the design comment is there.
 */
abstract sealed class ProcLifecycle extends AbstractOwner permits Proc {

  final MpscMailbox mailbox;
  final ProcBody body;
  final Proc parent;
  final Thread thread;
  final CountDownLatch exited = new CountDownLatch(1);
  final ProcRelations relations = new ProcRelations();
  volatile boolean trapExit;

  private static final VarHandle STATUS;
  private static final VarHandle PROCESSED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATUS = lookup.findVarHandle(ProcLifecycle.class, "status", ProcStatus.class);
      PROCESSED = lookup.findVarHandle(ProcLifecycle.class, "processed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Introspection only (ProcInfo, recon-style listings): estimates while the process runs, so
  // opaque and release orders, not volatile ones (a volatile store per message costs a fence).
  @SuppressWarnings("unused") // read and written through STATUS only
  private ProcStatus status = ProcStatus.RUNNABLE;

  @SuppressWarnings("unused") // written through PROCESSED only, by this process's thread
  private long processed;

  /** Load-acquire: the status as last published. */
  final ProcStatus laStatus() {
    return (ProcStatus) STATUS.getAcquire(this);
  }

  /** Store-release of a new status, skipped when it would not change (the common case). */
  final void srStatus(ProcStatus next) {
    if (STATUS.getOpaque(this) != next) {
      STATUS.setRelease(this, next);
    }
  }

  /** Load-opaque: messages taken so far; never torn, possibly a little behind. */
  final long loProcessed() {
    return (long) PROCESSED.getOpaque(this);
  }

  /** Store-opaque of one more message taken; only this process's thread calls it. */
  private void soProcessedIncrement() {
    PROCESSED.setOpaque(this, (long) PROCESSED.getOpaque(this) + 1);
  }

  ProcLifecycle(
      String name,
      ProcBody body,
      int capacity,
      OverflowPolicy policy,
      boolean trapExit,
      Proc parent) {
    super(name);
    this.body = body;
    this.parent = parent;
    this.trapExit = trapExit;
    this.mailbox = new MpscMailbox(capacity, policy);
    this.thread = Thread.ofVirtual().name(name + "#" + id()).unstarted(this::run);
    mailbox.setConsumer(thread);
  }

  private Proc self() {
    return (Proc) this;
  }

  void start() {
    Procs.remember(self());
    if (!isAlive()) {
      Procs.forget(self()); // ended before it started (linked to an exited process)
    }
    thread.start();
  }

  private void run() {
    ExitReason reason;
    try (Owner.Binding bound = bind()) {
      try {
        throwIfExited();
        srStatus(ProcStatus.RUNNING);
        body.run(self());
        reason = ExitReason.NORMAL;
      } catch (ExitException e) {
        reason = e.reason();
      } catch (Throwable t) {
        reason = ExitReason.crash(t);
      }
      die(reason);
    }
  }

  /**
   * Ends this process with {@code reason}: exit listeners, then name, then links and monitors. Runs
   * on whichever thread ends the process; only the first call has an effect.
   */
  boolean die(ExitReason reason) {
    try {
      if (!exitWith(reason)) {
        return false;
      }
    } catch (Error listenerError) { // every listener has run: the exit still completes
      try {
        announceExit(reason);
      } catch (Error linked) { // a linked process's listener's, from the exit it caused
        if (linked != listenerError) {
          listenerError.addSuppressed(linked);
        }
      }
      throw listenerError;
    }
    announceExit(reason);
    return true;
  }

  /** The rest of the exit, once the exit listeners have run: name, links, monitors, waiters. */
  private void announceExit(ExitReason reason) {
    srStatus(ProcStatus.EXITED);
    ProcRelations.Snapshot snapshot = relations.markExiting();
    Object name = snapshot.registeredName();
    if (name != null) {
      Registry.release(name, self());
    }
    Procs.forget(self());
    mailbox.close();
    snapshot.timers().forEach(TimerRef::cancel);
    snapshot.watches().forEach(MonitorRef::demonitor);
    try {
      // Queued behind one delivery, so that an Error a linked process's exit rethrows (its exit
      // listener's) reaches the caller only once every link has its signal.
      SignalTrampoline.run(
          () -> {
            for (Proc other : snapshot.links()) {
              SignalTrampoline.run(() -> other.exitSignal(this, reason, true));
            }
          });
    } finally {
      for (MonitorRef monitor : snapshot.monitors()) {
        monitor.fire(reason);
      }
      exited.countDown();
      if (Thread.currentThread() != thread) {
        thread.interrupt();
        mailbox.wake();
      }
    }
  }

  /** Receives an exit signal from {@code from}: through a link, or sent by {@link #exit}. */
  void exitSignal(Owner from, ExitReason reason, boolean viaLink) {
    if (viaLink && from instanceof Proc sender) {
      removeLink(sender);
    }
    if (!isAlive()) {
      return;
    }
    if (!viaLink && reason instanceof ExitReason.Kill) {
      die(reason);
    } else if (trapExit) {
      mailbox.offerUnbounded(new ExitSignal(from, reason));
    } else if (!(reason instanceof ExitReason.Normal)) {
      die(reason);
    }
  }

  void throwIfExited() {
    Optional<ExitReason> reason = exitReason();
    if (reason.isPresent()) {
      throw new ExitException(reason.get());
    }
  }

  boolean onOwnThread() {
    return Thread.currentThread() == thread;
  }

  void checkOwnThread(String operation) {
    if (!onOwnThread()) {
      throw new IllegalStateException(
          operation
              + " on "
              + this
              + " called from "
              + Thread.currentThread()
              + ": only the process itself may do this");
    }
  }

  Object take(long deadlineNanos) {
    while (true) {
      throwIfExited();
      Object message = mailbox.poll();
      if (message != null) {
        soProcessedIncrement();
        srStatus(ProcStatus.RUNNING);
        return message;
      }
      if (deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() <= 0) {
        srStatus(ProcStatus.RUNNING);
        return null;
      }
      srStatus(ProcStatus.WAITING);
      mailbox.awaitMessage(deadlineNanos);
      // Only exit signals interrupt a process, and the loop re-checks for those; a stale
      // interrupt status would make every later park return at once.
      Thread.interrupted();
    }
  }

  boolean offerOneWay(Object message) {
    return isAlive() && CallProtocol.offerOneWay(self(), mailbox, onOwnThread(), message);
  }

  void deliverFromRuntime(Object message) {
    if (isAlive()) {
      mailbox.offerUnbounded(message);
    }
  }

  void removeLink(Proc other) {
    relations.removeLink(other);
  }

  MonitorRef addMonitor(Proc watchingProc, DownListener listener) {
    MonitorRef ref = new MonitorRef(self(), watchingProc, listener);
    if (watchingProc != null && !watchingProc.addWatch(ref)) {
      ref.demonitor(); // the watcher has exited, which stopped its monitors: this one too
      return ref;
    }
    if (!relations.addMonitor(ref)) {
      ref.fire(exitReason().orElseThrow());
    } else if (watchingProc != null && !watchingProc.isAlive()) {
      // The watcher's exit, since its watch was added, may have stopped this monitor before it
      // was added here: it is stopped, and must not be kept.
      ref.demonitor();
      forgetMonitor(ref);
    }
    return ref;
  }

  void forgetMonitor(MonitorRef ref) {
    relations.removeMonitor(ref);
  }

  boolean addWatch(MonitorRef ref) {
    return relations.addWatch(ref);
  }

  void forgetWatch(MonitorRef ref) {
    relations.removeWatch(ref);
  }

  TimerRef schedule(Duration delay, Object message, long periodNanos) {
    Args.notNull(message, "message", () -> "timer to " + this + ": message is null");
    TimerRef timer = new TimerRef(self(), message, MpscMailbox.deadlineAfter(delay), periodNanos);
    if (!relations.addTimer(timer)) {
      timer.discard();
      return timer;
    }
    timer.schedule();
    return timer;
  }

  void forgetTimer(TimerRef timer) {
    relations.removeTimer(timer);
  }

  void claimName(Object name) {
    relations.claimName(self(), name, () -> Registry.claim(name, self()));
  }

  boolean dropName(Object name) {
    return relations.dropName(name, () -> Registry.release(name, self()));
  }

  CountDownLatch exitLatch() {
    return exited;
  }
}
