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

  /** The reason this owner exited, or empty while it is alive. */
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
   * registration order.
   *
   * @return true if this call ended the owner, false if it had already exited
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
    for (ExitListener listener : toCall) {
      try {
        listener.onExit(this, exitReason);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      onListenerFailure(failure);
    }
    return true;
  }

  /**
   * Called after the exit listeners have run if any of them threw; the default reports the failure
   * to the thread's uncaught-exception handler, so it is never lost silently.
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
