package io.jets.table.internal.hash;

import io.jets.table.internal.CommitMarker;
import io.jets.table.internal.CommitMarker.Commit;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.util.Arrays;

/**
 * A multi-object write in progress on a {@link StripedBuckets}: the stripes it holds (with the
 * table's multiWriteLock) and the bucket chains it has staged. Obtained from {@link #lockMany} or
 * {@link #lockAll}; then {@link #find}, {@link #put} or {@link #clear}, which publish nothing; then
 * exactly one of {@link #commit} (publishes everything at one point, see StripedBuckets' design
 * notes) or {@link #abandon} (publishes nothing).
 */
public final class StripedBatch {
  private final StripedBuckets table;
  private final Stripe[] locked;
  private final Object[] live; // the live bucket array: stable while the batch holds its locks

  /**
   * Marks the tree bins this batch copied as its own (see TreeBin): a token rather than the batch,
   * so that a published tree does not keep the batch's arrays, the old bucket array among them,
   * alive.
   */
  private final Object token = new Object();

  // Staged chains by bucket: open addressing on the bucket index, slot k used iff indexPlusOne[k]
  // is not 0. Allocated by the first put.
  private int[] indexPlusOne;
  private Object[] heads; // chains or trees
  private int stagedCount;

  // Count changes, applied at commit.
  private int[] countHashes;
  private int[] keyDeltas;
  private long[] objectDeltas;
  private int countChanges;

  private boolean cleared;
  private final int expected;

  private StripedBatch(StripedBuckets table, Stripe[] locked, int expected) {
    this.table = table;
    this.locked = locked;
    this.live = table.liveBuckets();
    this.expected = expected;
  }

  /** Starts a batch on the keys with {@code hashes}, locking their stripes in ascending order. */
  static StripedBatch lockMany(StripedBuckets buckets, int[] hashes) {
    refuseNested(buckets);
    Stripe[] current = buckets.lockMultiWrite();
    boolean[] wanted = new boolean[current.length];
    int count = 0;
    for (int hash : hashes) {
      int s = StripedBuckets.stripeIndex(hash, current);
      if (!wanted[s]) {
        wanted[s] = true;
        count++;
      }
    }
    Stripe[] locked = new Stripe[count];
    int k = 0;
    for (int s = 0; s < current.length; s++) {
      if (wanted[s]) {
        current[s].lock();
        locked[k++] = current[s];
      }
    }
    return new StripedBatch(buckets, locked, hashes.length);
  }

  /** Starts a batch that holds every stripe (deleteAllObjects, a table's lifecycle changes). */
  static StripedBatch lockAll(StripedBuckets buckets) {
    return new StripedBatch(buckets, lockEvery(buckets.lockMultiWrite()), 0);
  }

  /**
   * Fails if this thread holds a stripe already: user code (an update's function) starting a batch
   * or a clear (not a lifecycle change, which may run there). The batch would wait for
   * multiWriteLock, which another batch may hold while it waits for that very stripe: a deadlock. A
   * stripe read here cannot be replaced while this thread holds it.
   */
  static void refuseNested(StripedBuckets buckets) {
    if (buckets.heldStripe() != null) {
      throw new WriteInUserCodeException();
    }
  }

  static Stripe[] lockEvery(Stripe[] current) {
    for (Stripe stripe : current) {
      stripe.lock();
    }
    return current;
  }

  /** Fails if user code runs under one of the batch's stripes (an update function's batch). */
  void refuseUserCode() {
    for (Stripe stripe : locked) {
      if (stripe.userCode) {
        throw new WriteInUserCodeException();
      }
    }
  }

  // ---- staging: nothing below publishes ----

  /** The slot of bucket {@code index} in the staging map: its own or the empty one to take. */
  private int slotOf(int index) {
    int mask = indexPlusOne.length - 1;
    int k = (index * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(indexPlusOne.length));
    while (indexPlusOne[k] != 0 && indexPlusOne[k] != index + 1) {
      k = (k + 1) & mask;
    }
    return k;
  }

  /** The chain of bucket {@code index} as this batch sees it, its own earlier puts included. */
  private Object staged(int index) {
    if (cleared) {
      return null;
    }
    if (indexPlusOne != null) {
      int k = slotOf(index);
      if (indexPlusOne[k] != 0) {
        return heads[k];
      }
    }
    return live[index];
  }

  /** The node holding {@code key} as this batch sees it, its own earlier puts included. */
  public StoredObject find(Object key, int spread) {
    return BucketChain.find(staged(spread & (live.length - 1)), Integer.reverse(spread), key);
  }

  /** As {@link StripedBuckets#putLocked}, staged: visible to this batch only until commit. */
  public void put(int spread, Object key, Object value, long objectDelta) {
    if (indexPlusOne == null) {
      int slots = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) * 2;
      indexPlusOne = new int[slots];
      heads = new Object[slots];
      countHashes = new int[Math.max(1, expected)];
      keyDeltas = new int[countHashes.length];
      objectDeltas = new long[countHashes.length];
    }
    int index = spread & (live.length - 1);
    int order = Integer.reverse(spread);
    Object head = staged(index);
    StoredObject present = BucketChain.find(head, order, key);
    int keyDelta = BucketChain.keyDelta(present, value);
    stage(index, BucketChain.edit(head, order, key, value, present, token));
    if (countChanges == countHashes.length) {
      int grown = countChanges * 2;
      countHashes = Arrays.copyOf(countHashes, grown);
      keyDeltas = Arrays.copyOf(keyDeltas, grown);
      objectDeltas = Arrays.copyOf(objectDeltas, grown);
    }
    countHashes[countChanges] = spread;
    keyDeltas[countChanges] = keyDelta;
    objectDeltas[countChanges++] = objectDelta;
  }

  private void stage(int index, Object head) {
    int k = slotOf(index);
    if (indexPlusOne[k] == 0) {
      if ((stagedCount + 1) * 2 > indexPlusOne.length) {
        rehash();
        k = slotOf(index);
      }
      indexPlusOne[k] = index + 1;
      stagedCount++;
    }
    heads[k] = head;
  }

  private void rehash() {
    int[] oldIndexes = indexPlusOne;
    Object[] oldHeads = heads;
    indexPlusOne = new int[oldIndexes.length * 2];
    heads = new Object[oldIndexes.length * 2];
    for (int k = 0; k < oldIndexes.length; k++) {
      if (oldIndexes[k] != 0) {
        int j = slotOf(oldIndexes[k] - 1);
        indexPlusOne[j] = oldIndexes[k];
        heads[j] = oldHeads[k];
      }
    }
  }

  /** Stages the removal of every object; the batch must hold every stripe. */
  public void clear() {
    cleared = true;
  }

  // ---- the end of the batch ----

  /**
   * Publishes what the batch staged, at one point for every reader, and releases its locks: a clear
   * as one store of a fresh bucket array; changes to one bucket as one store; changes to several
   * through commit markers.
   */
  public void commit() {
    boolean crowded = false;
    try {
      if (cleared) {
        table.install(table.emptyBuckets());
        table.clearCounts();
      } else if (stagedCount > 0) {
        publish();
        for (int c = 0; c < countChanges; c++) {
          crowded |= table.count(countHashes[c], keyDeltas[c], objectDeltas[c]);
        }
      }
    } finally {
      table.unlock(locked);
    }
    if (crowded) {
      table.resizeIfCrowded(0);
    }
  }

  private void publish() {
    if (stagedCount == 1) {
      replaceMarkers(); // one bucket: its one store is the linearization point, no marker needed
      return;
    }
    Commit commit = placeMarkers();
    commit.srCommitted(); // the linearization point
    replaceMarkers();
  }

  /**
   * Leaves a {@link CommitMarker} (chain before, chain after, one shared flag) in every staged
   * bucket; returns the flag, not yet set. Readers meanwhile see the chains before.
   */
  Commit placeMarkers() {
    Commit commit = new Commit();
    for (int k = 0; k < indexPlusOne.length; k++) {
      if (indexPlusOne[k] != 0) {
        int i = indexPlusOne[k] - 1;
        StripedBuckets.srSlot(live, i, new CommitMarker(commit, live[i], heads[k]));
      }
    }
    return commit;
  }

  /** Replaces every marker by its chain after, once the flag is set; readers see no change. */
  void replaceMarkers() {
    for (int k = 0; k < indexPlusOne.length; k++) {
      if (indexPlusOne[k] != 0) {
        StripedBuckets.srSlot(live, indexPlusOne[k] - 1, heads[k]);
      }
    }
  }

  /** Releases the locks; nothing staged is published. */
  public void abandon() {
    table.unlock(locked);
  }
}
