package io.jets.process;

import io.jets.process.internal.SupervisorServer;
import java.time.Duration;
import java.util.Map;
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

  /**
   * A builder for a supervisor called {@code name}.
   *
   * @param name the supervisor process's name; not empty
   * @return a new builder with no children and OTP's default intensity, 1 restart in 5 seconds
   * @throws BadProcessArgumentException if {@code name} is null or empty
   */
  public static SupervisorBuilder builder(String name) {
    return new SupervisorBuilder(name);
  }

  /**
   * The supervisor's own process (link to it or monitor it to watch the supervisor).
   *
   * @return the supervisor's process
   */
  public Proc proc() {
    return proc;
  }

  /**
   * The running process of child {@code id}, if it is running now.
   *
   * @param id the child's id in its {@link ChildSpec}; not null
   * @return the child's process, or empty while it is being restarted, after it was stopped or once
   *     it exited for good
   * @throws BadProcessArgumentException if {@code id} is null
   */
  public Optional<Proc> child(Object id) {
    Args.notNull(id, "id", () -> "child of " + proc + ": id is null");
    return server.child(id);
  }

  /**
   * The running children by id, in start order, as a snapshot.
   *
   * @return an immutable map from child id to process; weakly consistent with restarts in progress
   */
  public Map<Object, Proc> children() {
    return server.children();
  }

  /**
   * The running children by id, in start order, asked of the supervisor itself ({@code
   * which_children}): every exit it had received before this call has been handled, restarts
   * included. Blocks up to {@code timeout}.
   *
   * @param timeout how long to wait at most for the supervisor's answer; not null, not negative
   * @return an immutable map from child id to process, in start order
   * @throws BadProcessArgumentException if {@code timeout} is null or negative, whether or not the
   *     supervisor is alive
   * @throws NoProcessException if the supervisor has exited
   * @throws CallTimeoutException if it did not answer in time
   */
  @SuppressWarnings("unchecked")
  public Map<Object, Proc> whichChildren(Duration timeout) {
    return (Map<Object, Proc>) proc.call(SupervisorServer.Request.WHICH_CHILDREN, timeout);
  }

  /**
   * How many times children have been restarted since the supervisor started.
   *
   * @return the number of restarts attempted, failed ones included
   */
  public long restarts() {
    return server.restarts();
  }

  /**
   * Stops the children in reverse start order, then the supervisor, and waits until it has exited.
   * Does nothing if it has already exited. Blocks up to {@code timeout}.
   *
   * @param timeout how long to wait at most for the supervisor to exit; not null, not negative
   * @throws BadProcessArgumentException if {@code timeout} is null or negative, whether or not the
   *     supervisor is alive; nothing is stopped
   * @throws CallTimeoutException if the supervisor did not finish within {@code timeout}
   * @throws CallInterruptedException if the calling thread was interrupted while waiting
   */
  public void stop(Duration timeout) {
    Args.notNull(timeout, "timeout", () -> "stop " + proc + ": timeout is null");
    if (timeout.isNegative()) {
      throw Args.bad("timeout", "stop " + proc + ": negative timeout " + timeout);
    }
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
