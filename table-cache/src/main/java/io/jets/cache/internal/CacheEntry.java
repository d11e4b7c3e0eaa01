package io.jets.cache.internal;

import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One object of a cache table as its hash node holds it: the key and the user's value (so that a
 * read hands the entry itself to the table facade, allocating nothing), the entry's deadlines and
 * weight, and the links of the eviction queues and of the expiry wheel.
 *
 * <p>Every write stores a new entry, so the key, the value, the write deadline and the weight are
 * final. The access deadline is written by readers with opaque stores (racy on purpose: two readers
 * of the same key store nearly equal deadlines, and either one is right), and so is, by CAS, the
 * flag of the reader that hands the entry to the wheel. The links and {@code retired} are guarded
 * by the policy lock.
 */
final class CacheEntry extends StoredObject {

  /** A deadline that never comes. */
  static final long NEVER = Long.MAX_VALUE;

  static final byte NO_QUEUE = 0;
  static final byte WINDOW = 1;
  static final byte PROBATION = 2;
  static final byte PROTECTED = 3;

  private static final VarHandle ACCESS_DEADLINE;
  private static final VarHandle HANDED_TO_WHEEL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      ACCESS_DEADLINE = lookup.findVarHandle(CacheEntry.class, "accessDeadline", long.class);
      HANDED_TO_WHEEL = lookup.findVarHandle(CacheEntry.class, "handedToWheel", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The key's spread hash ({@code BucketChain.spread}), for the frequency sketch. */
  final int hash;

  /** The entry's own time to live, or 0 to use the table's expireAfterWrite. */
  final long ownTimeToLive;

  final long writeDeadline;

  /** From this cache time on, a read starts a reload (refreshAfterWrite); NEVER without one. */
  final long refreshDeadline;

  final int weight;
  private long accessDeadline; // once built, touched only through lo/soAccessDeadline
  private boolean handedToWheel; // touched only through casHandedToWheel

  // ---- guarded by the policy lock ----
  CacheEntry queuePrev;
  CacheEntry queueNext;
  byte queue = NO_QUEUE;
  CacheEntry wheelPrev;
  CacheEntry wheelNext;
  long wheelTime;

  /**
   * Taken out of the policy (replaced, evicted, expired, deleted or cleared); never linked again,
   * even by the writer that stored it if that writer has not linked it yet.
   */
  boolean retired;

  CacheEntry(
      Object key,
      int hash,
      Object value,
      long ownTimeToLive,
      long writeDeadline,
      long accessDeadline,
      long refreshDeadline,
      int weight) {
    super(key, value);
    this.hash = hash;
    this.ownTimeToLive = ownTimeToLive;
    this.writeDeadline = writeDeadline;
    this.refreshDeadline = refreshDeadline;
    this.accessDeadline = accessDeadline;
    this.weight = weight;
  }

  /** A sentinel for the circular lists of the wheel and the queues. */
  static CacheEntry sentinel() {
    CacheEntry sentinel = new CacheEntry(null, 0, null, 0, NEVER, NEVER, NEVER, 0);
    sentinel.wheelPrev = sentinel;
    sentinel.wheelNext = sentinel;
    return sentinel;
  }

  /** Load-opaque: see the class comment. */
  long loAccessDeadline() {
    return (long) ACCESS_DEADLINE.getOpaque(this);
  }

  /** Store-opaque, by the readers of a live entry (racy: see the class comment). */
  void soAccessDeadline(long deadline) {
    ACCESS_DEADLINE.setOpaque(this, deadline);
  }

  /**
   * Claims the one hand-off of this entry to the wheel by a reader that gave it its first deadline
   * (see {@code CacheMaintenance.firstDeadline}); true for the one reader that claims it.
   */
  boolean casHandedToWheel() {
    return HANDED_TO_WHEEL.compareAndSet(this, false, true);
  }

  /** The earlier of the two deadlines. */
  long deadline() {
    return Math.min(writeDeadline, loAccessDeadline());
  }

  /** Whether the entry can expire at all: reads of one that cannot skip the clock. */
  boolean canExpire() {
    return deadline() != NEVER;
  }

  /** Whether the deadline has passed; cache times are never negative, so NEVER never passes. */
  boolean isExpired(long now) {
    return now >= deadline();
  }
}
