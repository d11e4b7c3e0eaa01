package io.jets.owner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exit bookkeeping every {@link Owner} needs: a unique id, exactly-once exit, and exit
 * listeners.
 *
 * <p>Subclasses call {@link #exitWith(ExitReason)} when the owner ends; it is safe to call from any
 * thread and any number of times, and only the first call has an effect.
 *
 * <p>The exit and the registration of listeners are linearizable with respect to each other: a
 * listener whose {@link #onExit} returned a registration was registered before the exit and is
 * called exactly once; a registration attempted after the exit returns empty. Both take a short
 * internal lock, never held while a listener runs, so neither waits for listeners. Actions of a
 * thread before it registers a listener happen-before that listener runs.
 */
public abstract class AbstractOwner implements Owner {

  private static final AtomicLong IDS = new AtomicLong();

  private final long id = IDS.incrementAndGet();
  private final String name;
  // Guards listeners and reason; a ReentrantLock rather than synchronized so that virtual threads
  // never pin their carrier while they register or exit.
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Object, ExitListener> listeners = new LinkedHashMap<>();
  private volatile ExitReason reason;

  /**
   * Creates a live owner called {@code name} with a fresh id; it exits once, through {@code
   * exitWith}.
   *
   * @param name the owner's name, for messages and listings; not null, need not be unique
   */
  protected AbstractOwner(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final long id() {
    return id;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isAlive() {
    return reason == null;
  }

  /**
   * The reason this owner exited, or empty while it is alive.
   *
   * @return the exit reason, present as soon as the exit takes effect (listeners may still be
   *     running)
   */
  public final Optional<ExitReason> exitReason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public final Optional<Registration> onExit(ExitListener listener) {
    Objects.requireNonNull(listener, "listener");
    Object token = new Object();
    lock.lock();
    try {
      if (reason != null) {
        return Optional.empty();
      }
      listeners.put(token, listener);
    } finally {
      lock.unlock();
    }
    return Optional.of(() -> cancel(token));
  }

  private void cancel(Object token) {
    lock.lock();
    try {
      listeners.remove(token);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends this owner with {@code exitReason} and runs its exit listeners on the calling thread, in
   * registration order. The exit takes effect before the first listener runs; this call returns
   * once they have all run, so it takes as long as they do.
   *
   * @param exitReason why the owner exits; not null
   * @return true if this call ended the owner, false if it had already exited
   * @throws Error the first {@code Error} a listener threw (later ones suppressed in it), once
   *     every listener has run and {@link #onListenerFailure} has had the exceptions; the owner has
   *     exited
   */
  protected final boolean exitWith(ExitReason exitReason) {
    Objects.requireNonNull(exitReason, "exitReason");
    List<ExitListener> toCall;
    lock.lock();
    try {
      if (reason != null) {
        return false;
      }
      reason = exitReason;
      toCall = new ArrayList<>(listeners.values());
      listeners.clear();
    } finally {
      lock.unlock();
    }
    RuntimeException failure = null;
    Error error = null;
    for (ExitListener listener : toCall) {
      try {
        listener.onExit(this, exitReason);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else if (e != failure) { // one instance thrown twice is reported once
          failure.addSuppressed(e);
        }
      } catch (Error e) { // does not stop the later listeners either; rethrown once they have run
        if (error == null) {
          error = e;
        } else if (e != error) {
          error.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      onListenerFailure(failure);
    }
    if (error != null) {
      throw error;
    }
    return true;
  }

  /**
   * Called after the exit listeners have run if any of them threw; the default reports the failure
   * to the thread's uncaught-exception handler, so it is never lost silently. Runs on the exiting
   * thread, inside {@link #exitWith}.
   *
   * @param failure the first listener's exception, with those of later listeners suppressed in it
   */
  protected void onListenerFailure(RuntimeException failure) {
    Thread thread = Thread.currentThread();
    thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + name
        + "#"
        + id
        + (isAlive() ? "" : ", exited " + reason)
        + "]";
  }
}
