package io.jets.table.internal.hash;

/**
 * A writer lock of a {@link StripedBuckets}: reentrant, with its contention statistic and what the
 * single-key write holding it has looked at, padded against false sharing.
 *
 * <p>The lock is this object (a synchronizer subclass) rather than a {@code ReentrantLock}, whose
 * state sits in a second object: a write reaches the lock word with one load fewer, as {@code
 * ConcurrentHashMap} locks the bin's first node itself. The fields a writer uses live in {@link
 * StripeState}, so the JVM lays them out right after the lock word (a superclass's fields come
 * first) and the padding here, after them, keeps the next stripe off their cache line.
 */
@SuppressWarnings("unused")
public final class Stripe extends StripeState {
  private static final long serialVersionUID = 1L;
  long q01, q02, q03, q04, q05, q06, q07, q08;

  /**
   * A writer that finds the lock held spins this many times before it queues and parks: a
   * single-key write holds its stripe for tens of nanoseconds, a park and wake-up costs
   * microseconds (the JVM spins on a contended monitor for the same reason).
   */
  private static final int SPINS = 32;

  /** Takes the lock, spinning briefly and then waiting if another thread holds it. */
  void lock() {
    if (tryAcquire(1)) {
      return;
    }
    for (int i = 0; i < SPINS; i++) {
      Thread.onSpinWait();
      if (getState() == 0 && tryAcquire(1)) {
        return;
      }
    }
    acquire(1);
  }

  /** {@code 2^bits} new stripes. */
  static Stripe[] array(int bits) {
    Stripe[] fresh = new Stripe[1 << bits];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = new Stripe();
    }
    return fresh;
  }

  /**
   * Takes the lock as {@link #lock}, and records in the contention statistic of an adaptive table
   * whether another thread held it.
   */
  void lockMeasuringContention() {
    if (tryLock()) {
      contention = ContentionStatistic.afterUncontended(contention);
    } else {
      lock();
      contention = ContentionStatistic.afterContended(contention);
    }
  }

  /** Takes the lock if it is free or already this thread's; never waits. */
  boolean tryLock() {
    return tryAcquire(1);
  }

  /** Releases one hold of the lock; the caller holds it. */
  void unlock() {
    release(1);
  }

  @Override
  protected boolean tryAcquire(int holds) {
    int state = getState();
    long me = Thread.currentThread().threadId();
    if (state == 0) {
      if (compareAndSetState(0, holds)) {
        holder = me;
        return true;
      }
    } else if (holder == me) {
      setState(state + holds); // reentry: only the owner writes the state now
      return true;
    }
    return false;
  }

  @Override
  protected boolean tryRelease(int holds) {
    if (holder != Thread.currentThread().threadId()) {
      throw new IllegalMonitorStateException("stripe not held by " + Thread.currentThread());
    }
    int state = getState() - holds;
    boolean free = state == 0;
    if (free) {
      holder = 0;
    }
    setState(state);
    return free;
  }

  /** A stripe of {@code all} this thread holds, or null. */
  static Stripe heldByThisThread(Stripe[] all) {
    for (Stripe stripe : all) {
      if (stripe.isHeldExclusively()) {
        return stripe;
      }
    }
    return null;
  }

  @Override
  protected boolean isHeldExclusively() {
    return holder == Thread.currentThread().threadId();
  }
}
