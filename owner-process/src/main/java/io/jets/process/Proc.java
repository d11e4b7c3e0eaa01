package io.jets.process;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.internal.CallProtocol;
import io.jets.process.internal.MpscMailbox;
import io.jets.process.internal.ProcAccess;
import io.jets.process.internal.ProcRelations;
import io.jets.process.internal.SignalTrampoline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process: code on its own virtual thread with a many-producer, single-consumer mailbox, in the
 * manner of an Erlang process. It is an {@link Owner}: tables it creates while its code runs belong
 * to it, and it is {@link Owner#current()} on its thread.
 *
 * <p>Start one with {@link Procs#spawn}, {@link Procs#start} (a {@link GenServer}) or {@link
 * #builder(String)}. Any thread may {@link #send}, {@link #call}, {@link #cast}, {@link #link},
 * {@link #monitor}, {@link #exit} or set timers; only the process itself may {@link #receive} and
 * {@link #trapExit(boolean)}.
 *
 * <p><b>Ordering.</b> Messages from one sender arrive in the order it sent them; there is no order
 * between senders. When a process exits, in this order: its exit listeners run (so tables it owns
 * are deleted or handed to their heirs, whose {@code TableTransfer} is delivered first); its
 * registered name is freed; then its links receive exit signals and its monitors fire. So an heir
 * always receives the transfer before any {@link ExitSignal} or {@link Down} about the old owner.
 *
 * <p><b>Exit signals.</b> When a process exits, each linked process receives an exit signal. A
 * process that traps exits receives it as an {@link ExitSignal} message. Otherwise a {@code normal}
 * signal is ignored and any other reason ends the receiver at once, on the thread that delivered
 * the signal: its exit listeners run and its own links and monitors are signalled there. The
 * receiver's own thread, which the JVM cannot stop, is interrupted and ends at its next {@link
 * #receive} (which throws {@link ExitException}). {@link #exit(ExitReason) exit(KILL)} ends a
 * process even if it traps exits.
 *
 * <p><b>Blocking.</b> {@link #call} blocks up to its timeout; {@link #send} and {@link #cast} block
 * only on a full {@link OverflowPolicy#BLOCK} mailbox; everything else never blocks.
 */
public final class Proc extends ProcLifecycle {

  /*
   * Implementation notes.
   *
   * Concurrency. The mailbox is the only structure the process's thread shares with senders on
   * the hot path: an MPSC queue (JCTools, VarHandle flavour) plus a length counter, so a send is
   * a few atomic operations and an unpark when the process is parked. Everything else a process
   * is connected to (links, monitors, timers, name) lives in ProcRelations under one lock that
   * is taken only when those change, never per message.
   *
   * Exit. die() is the single exit path, exactly once (AbstractOwner.exitWith decides). It may
   * run on the process's own thread (its code returned or threw) or on the thread that delivered
   * a fatal exit signal: the JVM cannot stop a thread, so an untrapped exit signal ends the
   * process as an owner at once and the thread is interrupted to unwind at its next receive.
   * The order inside die() is the contract of ETS section 8: exit listeners (table hand-over,
   * delivered into the heir's mailbox) first, then name release, then link signals and DOWNs.
   * Because every message from one thread to one mailbox keeps its order, the heir dequeues the
   * TableTransfer before the ExitSignal or Down that the same thread enqueued afterwards.
   *
   * Pinning. Only java.util.concurrent locks and LockSupport are used, never synchronized, so a
   * process blocked in the runtime never pins its carrier thread on Java 21.
   *
   * Internals. The mailbox, the relations, the call protocol, the gen_server loop, the supervisor
   * behaviour and the timer wheel live in the non-exported package io.jets.process.internal. The
   * few package-private operations here that they need reach them through ProcAccess, installed
   * below, so none of them is public.
   */

  static {
    ProcAccess.install(new ProcBridge());
  }

  Proc(
      String name,
      ProcBody body,
      int capacity,
      OverflowPolicy policy,
      boolean trapExit,
      Proc parent) {
    super(name, body, capacity, policy, trapExit, parent);
  }

  /**
   * A builder for a process called {@code name} (names need not be unique; see {@link Registry}).
   *
   * @param name the process's name, for messages, listings and its thread's name; checked to be
   *     neither null nor empty when the process is started
   * @return a new builder with the defaults: unbounded mailbox, not trapping exits, no link, no
   *     registered name
   */
  public static ProcBuilder builder(String name) {
    return new ProcBuilder(name);
  }

  // ---- mailbox ----

  /**
   * Takes the next message, waiting at most {@code timeout}. Process only.
   *
   * @param timeout how long to wait at most; not null; zero or negative does not wait
   * @return the message, or empty if none arrived in time
   * @throws BadProcessArgumentException if {@code timeout} is null (whichever thread calls)
   * @throws ExitException if an exit signal has ended this process; let it propagate
   * @throws IllegalStateException if called by another thread
   */
  public Optional<Object> receive(Duration timeout) {
    Args.notNull(timeout, "timeout", () -> "receive on " + this + ": timeout is null");
    checkOwnThread("receive");
    return Optional.ofNullable(take(MpscMailbox.deadlineAfter(timeout)));
  }

  /**
   * Takes the next message, waiting as long as it takes. Process only.
   *
   * @return the message
   * @throws ExitException if an exit signal has ended this process; let it propagate
   * @throws IllegalStateException if called by another thread
   */
  public Object receive() {
    checkOwnThread("receive");
    return take(Long.MAX_VALUE);
  }

  /**
   * Puts {@code message} in this process's mailbox. A message to an exited process is dropped. On a
   * full bounded mailbox: {@link OverflowPolicy#REJECT} drops it and counts it, {@link
   * OverflowPolicy#BLOCK} waits for room (or for this process to exit). A process sending to itself
   * never waits.
   *
   * <p>True means the message is in the mailbox, not that it will be handled: messages still in the
   * mailbox when this process exits are dropped.
   *
   * @param message the message; not null
   * @return true if the message was put in the mailbox; false if this process has exited (or exited
   *     while the sender waited), if a full REJECT mailbox refused it, or if the sender was
   *     interrupted while it waited for room (its interrupt status is then set again)
   * @throws BadProcessArgumentException if {@code message} is null
   * @throws ExitException if the sender is a process ended by an exit signal while it waited
   */
  public boolean send(Object message) {
    Args.checkSend(this, message);
    return offerOneWay(message);
  }

  /**
   * Sends {@code request} as a {@link Cast}: handled by a {@link GenServer}'s {@code handleCast}.
   * As in OTP, a cast to an exited process is dropped silently. Blocks and drops like {@link
   * #send}.
   *
   * @param request the request, handed to {@code handleCast}; not null
   * @return true if the request was put in the mailbox; false as for {@link #send}
   * @throws BadProcessArgumentException if {@code request} is null
   * @throws ExitException if the sender is a process ended by an exit signal while it waited
   */
  public boolean cast(Object request) {
    Args.checkCast(this, request);
    return offerOneWay(new Cast(request));
  }

  /**
   * Sends {@code request} as a {@link Call} and waits for the answer: OTP's {@code
   * gen_server:call}. The caller blocks at most {@code timeout}, including any wait for room in a
   * full {@link OverflowPolicy#BLOCK} mailbox.
   *
   * @param request the request, handed to {@code handleCall}; not null
   * @param timeout how long to wait at most, for room in the mailbox and for the answer together;
   *     not negative
   * @return the answer the server gave with {@link Next#reply} or {@link ReplyTo#reply}
   * @throws NoProcessException at once if this process has exited
   * @throws CallTimeoutException if no answer came within {@code timeout}
   * @throws CallFailedException if this process exited before answering (the cause is its crash)
   * @throws MailboxOverloadedException if the mailbox is full and its policy is REJECT
   * @throws CallInterruptedException if the calling thread was interrupted while waiting
   * @throws BadProcessArgumentException if {@code request} or {@code timeout} is null or {@code
   *     timeout} is negative (checked first, whether or not this process is alive)
   * @throws IllegalStateException if a process calls itself (it would wait forever); nothing is
   *     sent
   * @throws ExitException if the caller is a process ended by an exit signal while it waited
   */
  public Object call(Object request, Duration timeout) {
    Args.checkCall(this, request, timeout);
    if (onOwnThread()) {
      throw new IllegalStateException(
          this + " called itself with " + request + ": it would wait for its own reply forever");
    }
    if (!isAlive()) {
      throw CallProtocol.noProcess(this, request);
    }
    return CallProtocol.call(this, mailbox, request, timeout);
  }

  /**
   * Owner SPI: delivers outside the mailbox bound; never blocks; dropped if this process exited.
   */
  @Override
  public void deliver(Object message) {
    if (message != null) {
      deliverFromRuntime(message);
    }
  }

  // ---- links, monitors, exit signals ----

  /**
   * Links this process and {@code other}: when either exits, the other receives an exit signal.
   * Linking twice is the same as once; linking a process to itself does nothing. If {@code other}
   * has already exited, this process receives an exit signal from it at once, with the reason it
   * exited with (OTP reports {@code noproc} instead; see the module's design notes: a supervisor
   * that links a child after it ended normally must not take that for a crash).
   *
   * @param other the process to link to; not null
   * @return true if both processes were alive and are now linked
   * @throws BadProcessArgumentException if {@code other} is null
   */
  public boolean link(Proc other) {
    Args.notNull(other, "other", () -> "link " + this + ": other process is null");
    if (other == this) {
      return isAlive();
    }
    boolean[] alive = ProcRelations.linkBoth(this, relations, other, other.relations);
    boolean thisAlive = alive[0];
    boolean otherAlive = alive[1];
    if (thisAlive && !otherAlive) {
      // An exiting process has its reason already (it is set before its links are closed).
      ExitReason reason =
          other
              .exitReason()
              .orElseGet(
                  () ->
                      ExitReason.crash(
                          new NoProcessException(
                              "link " + this + " to " + other + ": it has already exited")));
      SignalTrampoline.run(() -> exitSignal(other, reason, true));
    }
    return thisAlive && otherAlive;
  }

  /**
   * Removes the link between this process and {@code other}, if any. Neither receives an exit
   * signal through the link afterwards, except from an exit that took effect before the unlink.
   *
   * @param other the process to unlink from; not null
   * @throws BadProcessArgumentException if {@code other} is null
   */
  public void unlink(Proc other) {
    Args.notNull(other, "other", () -> "unlink " + this + ": other process is null");
    removeLink(other);
    other.removeLink(this);
  }

  /**
   * Monitors this process on behalf of {@code watcher}: when this process exits, {@code watcher}
   * receives exactly one {@link Down} through {@link Owner#deliver} (a process gets it in its
   * mailbox). If this process has already exited, the {@link Down} is delivered at once with its
   * exit reason. A process that exits stops its own monitors.
   *
   * @param watcher the owner that receives the {@link Down}: a process, or any other owner; not
   *     null
   * @return the monitor, which {@link MonitorRef#demonitor()} removes
   * @throws BadProcessArgumentException if {@code watcher} is null
   */
  public MonitorRef monitor(Owner watcher) {
    Args.notNull(watcher, "watcher", () -> "monitor " + this + ": watcher is null");
    return addMonitor(
        watcher instanceof Proc p ? p : null,
        (ref, reason) -> watcher.deliver(new Down(ref, this, reason)));
  }

  /**
   * Sends this process an exit signal from {@link Owner#current()}, like OTP's {@code exit(Pid,
   * Reason)}. {@link ExitReason#KILL} ends it unconditionally; otherwise a process that traps exits
   * receives an {@link ExitSignal}, and one that does not is ended unless the reason is {@code
   * normal}. Never blocks. When a process signals itself and is ended, this throws {@link
   * ExitException} so that its code unwinds.
   *
   * <p>When the signal ends this process, the exit runs on the calling thread: its exit listeners
   * (the hand-over or deletion of its tables) run there, and its links and monitors are signalled
   * from there.
   *
   * @param reason the exit reason; not null
   * @throws BadProcessArgumentException if {@code reason} is null
   * @throws ExitException if this process signals itself and is ended by the signal
   */
  public void exit(ExitReason reason) {
    Args.notNull(reason, "reason", () -> "exit " + this + ": reason is null");
    Owner from = Owner.current();
    SignalTrampoline.run(() -> exitSignal(from, reason, false));
    if (onOwnThread()) {
      throwIfExited();
    }
  }

  /**
   * Whether exit signals from links and {@link #exit} become {@link ExitSignal} messages instead of
   * ending this process ({@code process_flag(trap_exit, ...)}). Process only.
   *
   * @param trap true to receive exit signals as messages, false to be ended by them
   * @throws IllegalStateException if called by another thread
   */
  public void trapExit(boolean trap) {
    checkOwnThread("trapExit");
    trapExit = trap;
  }

  /**
   * True if this process turns exit signals into messages.
   *
   * @return whether this process traps exits now
   */
  public boolean trapsExits() {
    return trapExit;
  }

  // ---- timers ----

  /**
   * Delivers {@code message} to this process after {@code delay} ({@code erlang:send_after}), on
   * the shared timer wheel, outside the mailbox bound. Never blocks. The message is delivered no
   * sooner than {@code delay}, usually within a millisecond after it.
   *
   * @param delay how long to wait before delivering; not negative
   * @param message the message; not null
   * @return the timer, which can be cancelled; if this process has already exited, a timer that has
   *     already ended and delivers nothing
   * @throws BadProcessArgumentException if {@code delay} or {@code message} is null or {@code
   *     delay} is negative; no timer is made
   */
  public TimerRef sendAfter(Duration delay, Object message) {
    Args.notNull(delay, "delay", () -> "sendAfter to " + this + ": delay is null");
    if (delay.isNegative()) {
      throw Args.bad("delay", "sendAfter to " + this + ": negative delay " + delay);
    }
    return schedule(delay, message, 0);
  }

  /**
   * Delivers {@code message} to this process every {@code period}, at a fixed rate, until the timer
   * is cancelled or this process exits. A period missed while the machine stalled is skipped, not
   * delivered in a burst. Never blocks.
   *
   * @param period the time between deliveries, and before the first one; positive
   * @param message the message, delivered each time; not null
   * @return the timer, which can be cancelled; if this process has already exited, a timer that has
   *     already ended and delivers nothing
   * @throws BadProcessArgumentException if {@code period} or {@code message} is null or {@code
   *     period} is zero or negative; no timer is made
   */
  public TimerRef sendInterval(Duration period, Object message) {
    Args.notNull(period, "period", () -> "sendInterval to " + this + ": period is null");
    if (period.isNegative() || period.isZero()) {
      throw Args.bad(
          "period", "sendInterval to " + this + ": period must be positive, was " + period);
    }
    return schedule(period, message, MpscMailbox.saturatedNanos(period));
  }

  // ---- registry ----

  // ---- introspection ----

  /**
   * The process that spawned this one, if it was spawned by a process.
   *
   * @return the parent, or empty if this process was started by a thread that runs no process
   */
  public Optional<Proc> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * The name this process is registered under, if any.
   *
   * @return the registered name, or empty if it has none (or has exited)
   */
  public Optional<Object> registeredName() {
    return Optional.ofNullable(relations.registeredName());
  }

  /**
   * Messages waiting in the mailbox now (an estimate while senders are active).
   *
   * @return the mailbox length, never negative
   */
  public int mailboxLength() {
    return mailbox.length();
  }

  /**
   * Messages this process has taken from its mailbox since it started.
   *
   * @return the count; it may lag the process's own thread a little
   */
  public long processedCount() {
    return loProcessed();
  }

  /**
   * Messages refused because the mailbox was full under {@link OverflowPolicy#REJECT}.
   *
   * @return the number of sends and casts dropped so far (refused calls throw instead and are not
   *     counted)
   */
  public long droppedCount() {
    return mailbox.dropped();
  }

  /**
   * What the process is doing now.
   *
   * @return the status; {@link ProcStatus#EXITED} once the process has exited
   */
  public ProcStatus status() {
    return isAlive() ? laStatus() : ProcStatus.EXITED; // the thread may still write a stale status
  }

  /**
   * The processes linked to this one now.
   *
   * @return a snapshot of the links; empty once this process has exited
   */
  public List<Proc> links() {
    return List.copyOf(relations.links());
  }

  /**
   * A snapshot of this process's state and counters.
   *
   * @return the snapshot; its fields are read one by one, so they are estimates while the process
   *     runs
   */
  public ProcInfo info() {
    return new ProcInfo(
        this,
        registeredName(),
        status(),
        mailboxLength(),
        loProcessed(),
        droppedCount(),
        relations.links().size(),
        relations.monitorCount(),
        trapExit,
        exitReason());
  }

  /**
   * Waits until this process has exited and its links and monitors have been signalled, at most
   * {@code timeout}.
   *
   * @param timeout how long to wait at most; not null; zero or negative does not wait
   * @return the exit reason, or empty if the process was still alive at the timeout
   * @throws BadProcessArgumentException if {@code timeout} is null
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public Optional<ExitReason> awaitExit(Duration timeout) throws InterruptedException {
    Args.notNull(timeout, "timeout", () -> "awaitExit " + this + ": timeout is null");
    long nanos = MpscMailbox.saturatedNanos(timeout);
    if (!exited.await(nanos, TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    return exitReason();
  }
}
