package io.jets.offheap;

import io.jets.table.WriteConcurrency;
import io.jets.table.spi.WriteInUserCodeException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer locks of an off-heap table: one stripe, or 64 (ETS's lock count for write_concurrency
 * hash tables, DB_HASH_LOCK_CNT in erl_db_hash.c) chosen by the key's Chronicle segment, so that a
 * stripe never splits a segment; and the lock that serializes multi-object writes, taken before any
 * stripe. Stripes are taken in ascending order.
 */
final class WriterLocks {

  private static final int CONCURRENT_STRIPES = 64;

  private final ReentrantLock[] stripes;
  private final ReentrantLock multiWriteLock = new ReentrantLock();

  WriterLocks(WriteConcurrency writeConcurrency) {
    int count = writeConcurrency == WriteConcurrency.OFF ? 1 : CONCURRENT_STRIPES;
    this.stripes = new ReentrantLock[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  int count() {
    return stripes.length;
  }

  /** The stripe of {@code segment}; any stripe for -1 (a table whose memory is being freed). */
  int stripeOf(int segment) {
    return Math.max(segment, 0) % stripes.length;
  }

  /** Takes the stripe of {@code segment} and returns it. */
  ReentrantLock lock(int segment) {
    ReentrantLock stripe = stripes[stripeOf(segment)];
    stripe.lock();
    return stripe;
  }

  /**
   * Fails if this thread holds a stripe: user code (an update's function) starting a batch or a
   * clear, which would wait for multiWriteLock while another batch may hold it and wait for that
   * very stripe. Single-key writes there go unchecked: the stripes carry no user-code mark.
   */
  void refuseNested() {
    for (ReentrantLock stripe : stripes) {
      if (stripe.isHeldByCurrentThread()) {
        throw new WriteInUserCodeException();
      }
    }
  }

  /** Takes the multi-object write lock and the stripes {@code wanted} marks. */
  void lockMany(boolean[] wanted) {
    multiWriteLock.lock();
    int locked = 0;
    try {
      for (; locked < stripes.length; locked++) {
        if (wanted[locked]) {
          stripes[locked].lock();
        }
      }
    } catch (RuntimeException | Error e) {
      unlock(wanted, locked);
      throw e;
    }
  }

  /** Releases what {@link #lockMany} took. */
  void unlockMany(boolean[] wanted) {
    unlock(wanted, stripes.length);
  }

  private void unlock(boolean[] wanted, int below) {
    for (int s = below - 1; s >= 0; s--) {
      if (wanted[s]) {
        stripes[s].unlock();
      }
    }
    multiWriteLock.unlock();
  }

  /** Takes every lock: no write is in flight until {@link #unlockAll}. */
  void lockAll() {
    multiWriteLock.lock();
    for (ReentrantLock stripe : stripes) {
      stripe.lock();
    }
  }

  void unlockAll() {
    for (int s = stripes.length - 1; s >= 0; s--) {
      stripes[s].unlock();
    }
    multiWriteLock.unlock();
  }
}
