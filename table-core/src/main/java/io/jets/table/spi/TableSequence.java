package io.jets.table.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sequence that makes a table's multi-object writes atomic to its readers (a seqlock, after
 * Boehm, "Can seqlocks get along with programming language memory models?", MSPC 2012): a
 * multi-object write makes it odd before its first store and even again after its last; a reader
 * takes a stamp before reading and keeps what it read only if the sequence still equals the stamp,
 * otherwise it reads again. Single-object writes never touch it.
 *
 * <p>Writers must be serialized by the caller (every table holds a multi-object write lock around
 * {@link #writeBegin}/{@link #writeEnd}); readers never write it, so reads stay free of shared
 * writes. Public for every engine that shares the protocol.
 */
public final class TableSequence {

  /** Spins before a reader waiting on a multi-object write starts yielding the processor. */
  private static final int SPINS_BEFORE_YIELD = 64;

  private static final VarHandle SEQUENCE;

  static {
    try {
      SEQUENCE = MethodHandles.lookup().findVarHandle(TableSequence.class, "sequence", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused")
  private volatile long sequence; // touched only through the accessors below

  /** A stamp to validate a read with; waits while a multi-object write is in flight. */
  public long readBegin() {
    long s = laSequence();
    int spins = 0;
    while ((s & 1) != 0) {
      if (++spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
      s = laSequence();
    }
    return s;
  }

  /** True if no multi-object write started since {@code stamp} was taken. */
  public boolean readValidate(long stamp) {
    return laSequence() == stamp;
  }

  /** Starts a multi-object write: readers that overlap it will retry. Writers are serialized. */
  public void writeBegin() {
    long s = loSequence();
    soSequence(s + 1);
    VarHandle.storeStoreFence(); // the odd value is visible before any of the write's stores
  }

  /** Ends a multi-object write. */
  public void writeEnd() {
    long s = loSequence();
    srSequence(s + 1);
  }

  // ---- accessors, named after their memory order ----

  private long laSequence() {
    return (long) SEQUENCE.getAcquire(this);
  }

  private long loSequence() {
    return (long) SEQUENCE.getOpaque(this);
  }

  private void soSequence(long value) {
    SEQUENCE.setOpaque(this, value);
  }

  private void srSequence(long value) {
    SEQUENCE.setRelease(this, value);
  }
}
