package io.jets.table.internal.hash;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The fields of a {@link Stripe} that its holder reads and writes, all guarded by the stripe's
 * lock. A class of their own only for their place in memory (see {@link Stripe}). Primitives only:
 * a reference stored into a long-lived stripe would cost the garbage collector's write barrier on
 * every write.
 */
abstract class StripeState extends AbstractQueuedSynchronizer {
  private static final long serialVersionUID = 1L;

  /**
   * The id of the thread holding the lock, 0 when free (thread ids start at 1). An id rather than
   * the synchronizer's owner thread: storing a reference into a long-lived stripe costs G1's
   * post-write barrier, with its memory fence, on every acquisition.
   */
  long holder;

  /** The contention statistic of an adaptive table (see StripedBuckets). */
  int contention;

  /**
   * The keys of the cells this stripe covers: one stripe's count, so for a single stripe the
   * table's, which a writer reads without summing anything.
   */
  int keys;

  /** A write under the lock passed the load limit: grow the table after unlocking. */
  boolean crowded;

  /** User code (an update function) runs under the lock: a nested write must fail. */
  boolean userCode;

  /** Single-key writes made under the lock, so a write can tell whether what it looked at holds. */
  int writes;

  /** Whether the holder looked a key up under the lock, at {@link #lookedAt} writes. */
  boolean looking;

  int lookedAt;
}
