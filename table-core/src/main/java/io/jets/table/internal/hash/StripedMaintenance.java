package io.jets.table.internal.hash;

/**
 * Resizing and stripe adaptation of a {@link StripedBuckets}: doubling its bucket array when the
 * keys crowd it, and multiplying or halving its stripes when their contention asks for it (see the
 * design notes there: Resize, Batch sizing, Adaptive stripes). Both take every lock, multiWriteLock
 * and then every stripe in ascending order, as a batch holding every stripe does, so they exclude
 * every writer and each other; readers never wait for them.
 *
 * <p>Called by {@link StripedBuckets#resizeIfCrowded} (a multi-object write sized in advance, a
 * batch's commit, the release of a crowded stripe) and by {@link StripedBuckets#release} (a stripe
 * whose contention asks for a change), with no lock held. A thread that holds a stripe takes no
 * lock here: it leaves the work to that stripe's release (see {@link #lockAllForMaintenance}).
 */
final class StripedMaintenance {

  private StripedMaintenance() {}

  private static final int MAX_BITS = 30; // beyond, an array of references no longer fits well
  private static final int GROW_STEP_BITS = 2; // fourfold: contention on one stripe is rarely local

  /** The keys that crowd a table of 2^bits buckets: ConcurrentHashMap's load factor, 0.75. */
  static long loadLimit(int bits) {
    return (3L << bits) / 4;
  }

  private static boolean crowds(long keys, int bits) {
    return keys >= loadLimit(bits);
  }

  /**
   * Doubles the table of {@code buckets} until {@code extra} more keys would not crowd it; call
   * with no lock held. One multi-object write can add many times the capacity, so a single doubling
   * would leave long chains behind it.
   */
  static void resizeIfCrowded(StripedBuckets buckets, long extra) {
    // Racy pre-check, so that a cell over its share in a table that is not over its load factor
    // (random skew between cells) does not make every insert take every lock. Each doubling
    // takes and releases every lock, so writers and readers progress in between.
    while (crowds(buckets.keys() + extra, StripedBuckets.bits(buckets.liveBuckets()))
        && doubleIfCrowded(buckets, extra)) {
      // keep doubling
    }
  }

  private static boolean doubleIfCrowded(StripedBuckets buckets, long extra) {
    Stripe[] all = lockAllForMaintenance(buckets);
    if (all == null) {
      return false; // deferred to the release of the stripe this thread holds
    }
    try {
      Object[] old = buckets.liveBuckets();
      int oldBits = StripedBuckets.bits(old);
      if (oldBits >= MAX_BITS || !crowds(buckets.keys() + extra, oldBits)) {
        return false; // another writer resized first, or the crowding was one cell's bad luck
      }
      Object[] grown = BucketChain.doubled(old, oldBits);
      Forward forward = new Forward(grown);
      for (int i = 0; i < old.length; i++) {
        StripedBuckets.srSlot(old, i, forward);
      }
      buckets.install(grown);
      return true;
    } finally {
      buckets.unlock(all);
    }
  }

  /**
   * Takes every lock for a resize or a stripe change, or returns null if this thread holds a stripe
   * (user code writing under another write's stripe, whose key was looked up in the live array):
   * that stripe is marked crowded and its release resizes (a stripe change waits for the next
   * contended write). Checked before multiWriteLock, which a batch may hold while it waits for that
   * stripe.
   */
  private static Stripe[] lockAllForMaintenance(StripedBuckets buckets) {
    Stripe held = buckets.heldStripe();
    if (held != null) {
      held.crowded = true;
      return null;
    }
    return StripedBatch.lockEvery(buckets.lockMultiWrite());
  }

  /** Multiplies the stripes by four, or halves them, if a stripe still asks for it. */
  static void adaptStripes(StripedBuckets buckets, boolean grow) {
    Stripe[] current = lockAllForMaintenance(buckets);
    if (current == null) {
      return; // this thread holds a stripe: a later write asks again
    }
    try {
      int bits = Integer.numberOfTrailingZeros(current.length);
      // Growing: one hot stripe is enough. Shrinking: every stripe quiet, and one long so.
      boolean anyHot = false;
      boolean anyWarm = false;
      boolean anyCold = false;
      for (Stripe stripe : current) {
        anyHot |= ContentionStatistic.wantsMore(stripe.contention);
        anyWarm |= stripe.contention > 0;
        anyCold |= ContentionStatistic.wantsFewer(stripe.contention);
      }
      boolean stillWanted = grow ? anyHot : anyCold && !anyWarm;
      int target =
          grow
              ? Math.min(buckets.maxStripeBits, bits + GROW_STEP_BITS)
              : Math.max(buckets.minStripeBits, bits - 1);
      if (stillWanted && target != bits) {
        Stripe[] fresh = Stripe.array(target); // the capacity has maxStripeBits bits already
        buckets.installStripes(fresh);
      } else {
        for (Stripe stripe : current) {
          stripe.contention = 0; // the signal is stale: start measuring afresh
        }
      }
    } finally {
      buckets.unlock(current);
    }
  }
}
