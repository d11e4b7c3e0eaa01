package io.jets.process.internal;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.ChildSpec;
import io.jets.process.ExitException;
import io.jets.process.ExitSignal;
import io.jets.process.GenServer;
import io.jets.process.MonitorRef;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.ReplyTo;
import io.jets.process.RestartType;
import io.jets.process.Supervisor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-for-one supervisor behaviour, run as a {@link GenServer} that traps exits. Its state
 * lives in fields confined to the supervisor's thread, except {@link #running} and {@link
 * #restarts}, which other threads read.
 */
public final class SupervisorServer implements GenServer<SupervisorServer> {

  /** The requests {@link Supervisor} sends. */
  public enum Request {
    STOP,
    WHICH_CHILDREN
  }

  private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());

  private final Map<Object, ChildSpec> specs = new LinkedHashMap<>();
  private final Map<Object, Proc> running = new ConcurrentHashMap<>();
  private final AtomicLong restarts = new AtomicLong();
  private final int maxRestarts;
  private final long periodNanos;
  private final ArrayDeque<Long> recentRestarts = new ArrayDeque<>();
  private final List<Object> startOrder = new ArrayList<>();
  // Every child id in the order added; immutable, so other threads may read it (specs changes).
  private final List<Object> ids;

  /**
   * A supervisor of {@code children}, in start order, allowing at most {@code maxRestarts} restarts
   * within any {@code period}.
   */
  public SupervisorServer(List<ChildSpec> children, int maxRestarts, Duration period) {
    children.forEach(spec -> specs.put(spec.id(), spec));
    this.ids = List.copyOf(specs.keySet());
    this.maxRestarts = maxRestarts;
    this.periodNanos = MpscMailbox.saturatedNanos(period);
  }

  /** The running process of child {@code id}, if any; read by other threads. */
  public Optional<Proc> child(Object id) {
    return Optional.ofNullable(running.get(id));
  }

  /**
   * The running children in start order; read by other threads, so built from the concurrent map.
   */
  public Map<Object, Proc> children() {
    Map<Object, Proc> view = new LinkedHashMap<>();
    for (Object id : ids) {
      Proc proc = running.get(id);
      if (proc != null) {
        view.put(id, proc);
      }
    }
    return Collections.unmodifiableMap(view);
  }

  /** Restarts since the supervisor started; read by other threads. */
  public long restarts() {
    return restarts.get();
  }

  @Override
  public Next<SupervisorServer> init() throws Exception {
    for (ChildSpec spec : List.copyOf(specs.values())) {
      try {
        startChild(spec);
      } catch (Exception | Error e) { // ChildStart: throwing, an Error included, is a failed start
        shutdownAll();
        return Next.stop(
            ExitReason.crash(
                new IllegalStateException(
                    Procs.self() + ": child " + spec.id() + " failed to start", e)),
            this);
      }
    }
    return Next.noReply(this);
  }

  private void startChild(ChildSpec spec) throws Exception {
    Proc child = spec.start().start();
    if (child == null) {
      throw new IllegalStateException("start of child " + spec.id() + " returned null");
    }
    running.put(spec.id(), child);
    if (!startOrder.contains(spec.id())) {
      startOrder.add(spec.id()); // a restarted child keeps its place, as in OTP
    }
    Procs.self().link(child); // if it has already exited, the link delivers its exit to us
  }

  @Override
  public Next<SupervisorServer> handleCall(Object request, ReplyTo from, SupervisorServer state) {
    if (request == Request.STOP) {
      return Next.stopAndReply(ExitReason.SHUTDOWN, Boolean.TRUE, this);
    }
    if (request == Request.WHICH_CHILDREN) {
      return Next.reply(children(), this);
    }
    throw new IllegalArgumentException(Procs.self() + ": unknown request " + request);
  }

  @Override
  public Next<SupervisorServer> handleInfo(Object message, SupervisorServer state)
      throws Exception {
    if (!(message instanceof ExitSignal signal)) {
      return GenServer.super.handleInfo(message, this);
    }
    Object id = idOf(signal.from());
    if (id == null) {
      return Next.noReply(this); // an exit from a child already replaced or stopped
    }
    running.remove(id);
    ChildSpec spec = specs.get(id);
    if (!restarts(spec.restart(), signal.reason())) {
      if (spec.restart() == RestartType.TEMPORARY) {
        specs.remove(id);
        startOrder.remove(id);
      }
      return Next.noReply(this);
    }
    while (true) {
      if (!allowRestart()) {
        LOG.log(
            System.Logger.Level.WARNING,
            Procs.self()
                + " reached its restart intensity ("
                + maxRestarts
                + " in "
                + Duration.ofNanos(periodNanos)
                + ") after child "
                + id
                + " exited with "
                + signal.reason());
        return Next.stop(ExitReason.SHUTDOWN, this);
      }
      restarts.incrementAndGet();
      RuntimeEvents.supervisorRestart(Procs.self(), id, signal.reason());
      try {
        startChild(spec);
        return Next.noReply(this);
      } catch (Exception | Error e) { // a failed restart, retried within the intensity
        LOG.log(System.Logger.Level.WARNING, Procs.self() + " failed to restart child " + id, e);
      }
    }
  }

  /** Whether a child of restart type {@code type} that exited with {@code reason} restarts. */
  private static boolean restarts(RestartType type, ExitReason reason) {
    return switch (type) {
      case PERMANENT -> true;
      case TRANSIENT -> !reason.isNormal();
      case TEMPORARY -> false;
    };
  }

  private Object idOf(Owner from) {
    for (Map.Entry<Object, Proc> entry : running.entrySet()) {
      if (entry.getValue() == from) {
        return entry.getKey();
      }
    }
    return null;
  }

  private boolean allowRestart() {
    long now = System.nanoTime();
    while (!recentRestarts.isEmpty() && now - recentRestarts.peekFirst() > periodNanos) {
      recentRestarts.pollFirst();
    }
    recentRestarts.addLast(now);
    return recentRestarts.size() <= maxRestarts;
  }

  @Override
  public void terminate(ExitReason reason, SupervisorServer state) {
    shutdownAll();
  }

  /** Stops every running child, in the reverse of the order they were first started. */
  private void shutdownAll() {
    List<Object> order = new ArrayList<>(startOrder);
    Collections.reverse(order);
    for (Object id : order) {
      Proc child = running.remove(id);
      if (child != null) {
        shutdown(child, specs.get(id));
      }
    }
  }

  /** OTP's shutdown: unlink, monitor, exit(shutdown), wait, then exit(kill). */
  private void shutdown(Proc child, ChildSpec spec) {
    Proc self = Procs.self();
    CountDownLatch down = new CountDownLatch(1);
    MonitorRef monitor = ProcAccess.get().monitor(child, (ref, reason) -> down.countDown());
    self.unlink(child);
    if (spec.shutdown().isZero()) {
      child.exit(ExitReason.KILL);
    } else {
      child.exit(ExitReason.SHUTDOWN);
      if (!await(down, MpscMailbox.saturatedNanos(spec.shutdown()))) {
        LOG.log(
            System.Logger.Level.WARNING,
            self
                + ": child "
                + spec.id()
                + " did not stop within "
                + spec.shutdown()
                + "; killing it");
        child.exit(ExitReason.KILL);
      }
    }
    await(down, Long.MAX_VALUE); // a kill takes effect at once, so this returns at once
    monitor.demonitor();
  }

  private static boolean await(CountDownLatch latch, long nanos) {
    try {
      return latch.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Proc self = Procs.self();
      if (!self.isAlive()) {
        throw new ExitException(self.exitReason().orElseThrow());
      }
      Thread.currentThread().interrupt();
      return latch.getCount() == 0;
    }
  }
}
