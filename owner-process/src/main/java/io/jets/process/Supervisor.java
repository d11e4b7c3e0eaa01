package io.jets.process;

import io.jets.process.internal.SupervisorServer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-for-one supervisor, after OTP's {@code supervisor}: it starts its children in order,
 * restarts a child that exits according to its {@link RestartType}, and stops its children in the
 * reverse order when it stops.
 *
 * <p><b>Restart intensity.</b> If more than {@code maxRestarts} restarts happen within {@code
 * period}, the supervisor gives up: it stops its remaining children and exits with {@code
 * shutdown}, so whoever supervises it can react.
 *
 * <p><b>Shutdown.</b> Each child is unlinked, monitored and sent {@code shutdown}; a child that
 * traps exits runs its {@code terminate} and must exit within its spec's shutdown time, or it is
 * killed.
 *
 * <p>This handle is thread-safe. {@link #child} and {@link #children} read the supervisor's current
 * view without a call, so they may lag a restart in progress.
 */
public final class Supervisor {

  private final Proc proc;
  private final SupervisorServer server;

  Supervisor(Proc proc, SupervisorServer server) {
    this.proc = proc;
    this.server = server;
  }

  /** A builder for a supervisor called {@code name}. */
  public static SupervisorBuilder builder(String name) {
    return new SupervisorBuilder(name);
  }

  /** The supervisor's own process (link to it or monitor it to watch the supervisor). */
  public Proc proc() {
    return proc;
  }

  /** The running process of child {@code id}, if it is running now. */
  public Optional<Proc> child(Object id) {
    Objects.requireNonNull(id, "child: id is null");
    return server.child(id);
  }

  /** The running children by id, in start order, as a snapshot. */
  public Map<Object, Proc> children() {
    return server.children();
  }

  /**
   * The running children by id, in start order, asked of the supervisor itself ({@code
   * which_children}): every exit it had received before this call has been handled, restarts
   * included. Blocks up to {@code timeout}.
   *
   * @throws NoProcessException if the supervisor has exited
   * @throws CallTimeoutException if it did not answer in time
   */
  @SuppressWarnings("unchecked")
  public Map<Object, Proc> whichChildren(Duration timeout) {
    return (Map<Object, Proc>) proc.call(SupervisorServer.Request.WHICH_CHILDREN, timeout);
  }

  /** How many times children have been restarted since the supervisor started. */
  public long restarts() {
    return server.restarts();
  }

  /**
   * Stops the children in reverse start order, then the supervisor, and waits until it has exited.
   * Does nothing if it has already exited.
   *
   * @throws CallTimeoutException if the supervisor did not finish within {@code timeout}
   */
  public void stop(Duration timeout) {
    Objects.requireNonNull(timeout, () -> "stop " + proc + ": timeout is null");
    if (!proc.isAlive()) {
      return;
    }
    try {
      long start = System.nanoTime();
      proc.call(SupervisorServer.Request.STOP, timeout);
      Duration left = timeout.minusNanos(System.nanoTime() - start);
      if (proc.awaitExit(left.isNegative() ? Duration.ZERO : left).isEmpty()) {
        throw new CallTimeoutException("stop " + proc + ": it did not exit within " + timeout);
      }
    } catch (NoProcessException | CallFailedException alreadyGone) {
      // exited on its own meanwhile: stopped either way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallInterruptedException(
          "stop " + proc + " interrupted while waiting for it to exit");
    }
  }

  @Override
  public String toString() {
    return "Supervisor[" + proc + ", children " + children().keySet() + "]";
  }
}
