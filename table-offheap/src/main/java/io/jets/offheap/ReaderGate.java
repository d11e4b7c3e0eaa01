package io.jets.offheap;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lets many threads use the off-heap memory of a table at once and lets one closer wait until none
 * is using it before the memory is released. Readers enter and exit on striped counters (no shared
 * word for all readers); the closer shuts the gate and waits for every stripe to drain.
 *
 * <p>The protocol is Dekker's: a reader increments its stripe, then reads {@code closed}; the
 * closer writes {@code closed}, then reads every stripe. Both sides use volatile accesses, so at
 * least one sees the other: either the reader sees the gate closed and backs out, or the closer
 * sees the reader and waits for its exit. Freeing Chronicle's memory under a reader would crash the
 * JVM, not raise an exception, hence the gate.
 */
final class ReaderGate {

  /** 16 stripes: enough to keep two to a few dozen reader threads off each other's cache lines. */
  private static final int STRIPES = 16;

  /** Longs per stripe: one cache line of 64 bytes, so neighbouring stripes never share a line. */
  private static final int PAD = 8;

  private final AtomicLongArray inside = new AtomicLongArray(STRIPES * PAD);
  private volatile boolean closed;

  /** Enters the gate; false (and not entered) if the gate is closed. */
  boolean enter() {
    int slot = slot();
    inside.getAndIncrement(slot);
    if (closed) {
      inside.getAndDecrement(slot);
      return false;
    }
    return true;
  }

  /** Leaves the gate; must follow a successful {@link #enter()} on the same thread. */
  void exit() {
    inside.getAndDecrement(slot());
  }

  /** Whether the gate is closed: the table is deleted, or its deletion has begun. */
  boolean isClosed() {
    return closed;
  }

  /** Closes the gate and waits until every thread that entered has left. */
  void closeAndDrain() {
    closed = true;
    for (int s = 0; s < STRIPES; s++) {
      int spins = 0;
      while (inside.get(s * PAD) != 0) {
        if (++spins < 64) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  private static int slot() {
    long id = Thread.currentThread().threadId();
    return (int) ((id ^ (id >>> 16)) & (STRIPES - 1)) * PAD;
  }
}
