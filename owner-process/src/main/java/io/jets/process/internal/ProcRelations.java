package io.jets.process.internal;

import io.jets.process.BadProcessArgumentException;
import io.jets.process.MonitorRef;
import io.jets.process.NoProcessException;
import io.jets.process.Proc;
import io.jets.process.TimerRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one process is connected to: its links, the monitors on it, the monitors it holds on others,
 * its pending timers and its registered name, all guarded by one lock together with the {@code
 * exiting} flag.
 *
 * <p>The flag is what makes every relation exactly-once: a relation added before {@link
 * #markExiting()} is in the snapshot the exit signals, and one attempted after it is refused (the
 * caller then signals at once). The lock is never held while calling out, and two are held at once
 * only by {@link #linkBoth}, which takes them in process-id order.
 */
public final class ProcRelations {

  /**
   * Everything the exit must signal or release, taken atomically with setting the flag.
   *
   * @param links the linked processes
   * @param monitors the monitors on this process
   * @param watches the monitors this process holds on others
   * @param timers the pending timers to this process
   * @param registeredName the process's name, or null
   */
  public record Snapshot(
      List<Proc> links,
      List<MonitorRef> monitors,
      List<MonitorRef> watches,
      List<TimerRef> timers,
      Object registeredName) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Set<Proc> links = new LinkedHashSet<>();
  private final Set<MonitorRef> monitors = new LinkedHashSet<>();
  private final Set<MonitorRef> watches = new HashSet<>();
  private final Set<TimerRef> timers = new HashSet<>();
  private Object registeredName;
  private boolean exiting;

  public Snapshot markExiting() {
    lock.lock();
    try {
      exiting = true;
      Snapshot snapshot =
          new Snapshot(
              List.copyOf(links),
              List.copyOf(monitors),
              List.copyOf(watches),
              List.copyOf(timers),
              registeredName);
      links.clear();
      monitors.clear();
      watches.clear();
      timers.clear();
      registeredName = null;
      return snapshot;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Links {@code a} and {@code b} if neither is exiting.
   *
   * @return {aAlive, bAlive} as seen under both locks
   */
  public static boolean[] linkBoth(Proc a, ProcRelations ofA, Proc b, ProcRelations ofB) {
    ProcRelations first = a.id() < b.id() ? ofA : ofB;
    ProcRelations second = first == ofA ? ofB : ofA;
    first.lock.lock();
    second.lock.lock();
    try {
      boolean aAlive = !ofA.exiting;
      boolean bAlive = !ofB.exiting;
      if (aAlive && bAlive) {
        ofA.links.add(b);
        ofB.links.add(a);
      }
      return new boolean[] {aAlive, bAlive};
    } finally {
      second.lock.unlock();
      first.lock.unlock();
    }
  }

  public void removeLink(Proc other) {
    lock.lock();
    try {
      links.remove(other);
    } finally {
      lock.unlock();
    }
  }

  /** Adds a monitor on this process; false if it is exiting (the caller fires it at once). */
  public boolean addMonitor(MonitorRef ref) {
    return addIfLive(monitors, ref);
  }

  public void removeMonitor(MonitorRef ref) {
    remove(monitors, ref);
  }

  /**
   * Remembers a monitor this process holds on another, so that its exit removes it; false if the
   * process is exiting (its exit has stopped, or is stopping, its monitors).
   */
  public boolean addWatch(MonitorRef ref) {
    return addIfLive(watches, ref);
  }

  public void removeWatch(MonitorRef ref) {
    remove(watches, ref);
  }

  /** Adds a pending timer; false if the process is exiting (the timer must not start). */
  public boolean addTimer(TimerRef timer) {
    return addIfLive(timers, timer);
  }

  public void removeTimer(TimerRef timer) {
    remove(timers, timer);
  }

  private <T> boolean addIfLive(Set<T> set, T element) {
    lock.lock();
    try {
      if (exiting) {
        return false;
      }
      set.add(element);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private <T> void remove(Set<T> set, T element) {
    lock.lock();
    try {
      set.remove(element);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Registers {@code proc} under {@code name}: runs {@code claim} (which enters the name in the
   * registry, or throws if it is taken) atomically with the flag.
   */
  public void claimName(Proc proc, Object name, Runnable claim) {
    lock.lock();
    try {
      if (exiting) {
        throw new NoProcessException(
            "register " + name + " for " + proc + ": the process has exited");
      }
      if (registeredName != null) {
        throw new BadProcessArgumentException(
            "proc",
            "register "
                + name
                + " for "
                + proc
                + ": it is already registered as "
                + registeredName);
      }
      claim.run();
      registeredName = name;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops the name {@code name} if this process holds it, running {@code release} (which removes it
   * from the registry) under the lock.
   */
  public boolean dropName(Object name, Runnable release) {
    lock.lock();
    try {
      if (!Objects.equals(registeredName, name)) {
        return false;
      }
      registeredName = null;
      release.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  public Object registeredName() {
    lock.lock();
    try {
      return registeredName;
    } finally {
      lock.unlock();
    }
  }

  public List<Proc> links() {
    lock.lock();
    try {
      return new ArrayList<>(links);
    } finally {
      lock.unlock();
    }
  }

  public int monitorCount() {
    lock.lock();
    try {
      return monitors.size();
    } finally {
      lock.unlock();
    }
  }
}
