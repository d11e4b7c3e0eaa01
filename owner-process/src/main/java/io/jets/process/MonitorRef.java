package io.jets.process;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.internal.DownListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A monitor on a process, made by {@link Proc#monitor(Owner)}: OTP's monitor reference.
 *
 * <p>A monitor fires at most once: when the process exits it delivers exactly one {@link Down}
 * message, unless {@link #demonitor()} won first. Thread-safe.
 */
public final class MonitorRef {

  private final Proc target;
  private final Proc watchingProc; // null when the watcher is not a process
  private final DownListener listener;
  private final AtomicBoolean settled = new AtomicBoolean();

  MonitorRef(Proc target, Proc watchingProc, DownListener listener) {
    this.target = target;
    this.watchingProc = watchingProc;
    this.listener = listener;
  }

  /**
   * The monitored process.
   *
   * @return the process this monitor watches
   */
  public Proc target() {
    return target;
  }

  /**
   * Removes the monitor. Never blocks.
   *
   * @return true if no DOWN message was or will be delivered for it; false if it had already fired
   *     or been removed (a DOWN message may then be waiting in the watcher's mailbox)
   */
  public boolean demonitor() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    target.forgetMonitor(this);
    if (watchingProc != null) {
      watchingProc.forgetWatch(this);
    }
    return true;
  }

  /**
   * True until the monitor fires or is removed.
   *
   * @return whether the monitor may still deliver its {@link Down}
   */
  public boolean isActive() {
    return !settled.get();
  }

  void fire(ExitReason reason) {
    if (!settled.compareAndSet(false, true)) {
      return;
    }
    if (watchingProc != null) {
      watchingProc.forgetWatch(this);
    }
    listener.onDown(this, reason);
  }

  @Override
  public String toString() {
    return "MonitorRef["
        + target.name()
        + "#"
        + target.id()
        + (isActive() ? "" : ", settled")
        + "]";
  }
}
