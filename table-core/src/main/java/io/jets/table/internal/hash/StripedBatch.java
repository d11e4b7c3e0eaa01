package io.jets.table.internal.hash;

import io.jets.table.internal.hash.BucketChain.Node;
import java.util.Arrays;

/**
 * A multi-object write in progress on a {@link StripedBuckets}: the stripes it holds (with the
 * table's multiWriteLock) and the bucket array it writes to. Obtained from {@link #lockMany} or
 * {@link #lockAll}; then {@link #put} or {@link #clear}; then exactly one of {@link #commit} or
 * {@link #abandon}.
 *
 * <p>Without snapshot publication the batch writes the live array between the table's sequence
 * going odd and going even again, so readers that overlap it retry. With snapshot publication
 * (readConcurrency) it writes a private copy that {@link #commit} publishes with one store, so
 * readers never wait.
 */
public final class StripedBatch {
  private final StripedBuckets table;
  private final Stripe[] locked;
  private final Object[] target; // the live table, or a private copy with snapshot publication
  private boolean crowded;
  private boolean begun;
  private boolean changed; // a put or a clear: only then does commit publish a snapshot

  StripedBatch(StripedBuckets table, Stripe[] locked, Object[] target) {
    this.table = table;
    this.locked = locked;
    this.target = target;
  }

  Stripe[] locked() {
    return locked;
  }

  /**
   * Starts a batch on the keys with {@code hashes}: with snapshot publication it locks every stripe
   * and works on a copy; otherwise it locks the keys' stripes in ascending order.
   */
  static StripedBatch lockMany(StripedBuckets buckets, int[] hashes) {
    Stripe[] current = buckets.lockMultiWrite();
    if (buckets.snapshotPublication()) {
      return new StripedBatch(buckets, lockEvery(current), buckets.liveBuckets().clone());
    }
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
    return new StripedBatch(buckets, locked, buckets.liveBuckets());
  }

  /** Starts a batch that holds every stripe (deleteAllObjects). */
  static StripedBatch lockAll(StripedBuckets buckets) {
    Stripe[] current = buckets.lockMultiWrite();
    return new StripedBatch(
        buckets,
        lockEvery(current),
        buckets.snapshotPublication() ? buckets.emptyBuckets() : buckets.liveBuckets());
  }

  static Stripe[] lockEvery(Stripe[] current) {
    for (Stripe stripe : current) {
      stripe.lock();
    }
    return current;
  }

  /** The node holding {@code key} as this batch sees it, its own earlier puts included. */
  public Node find(Object key, int hash) {
    return BucketChain.find(
        (Node) target[StripedBuckets.index(hash, StripedBuckets.bits(target))], hash, key);
  }

  /** As {@link StripedBuckets#putLocked}, within the batch. */
  public void put(int hash, Object key, Object value, long objectDelta) {
    begin();
    changed = true;
    crowded |= table.put(target, hash, key, value, objectDelta);
  }

  /** Drops every object, within the batch; the batch must hold every stripe. */
  public void clear() {
    changed = true;
    if (!table.snapshotPublication()) {
      begin();
      table.forwardAll(table.buckets(), table.emptyBuckets());
    } else {
      Arrays.fill(target, null);
    }
    table.clearCounts();
  }

  private void begin() {
    if (!begun && !table.snapshotPublication()) {
      table.writeBegin();
      begun = true;
    }
  }

  /** Makes the batch visible (if anything was written) and releases its locks. */
  public void commit() {
    try {
      if (table.snapshotPublication()) {
        if (changed) {
          table.install(target);
        }
      } else if (begun) {
        table.writeEnd();
      }
    } finally {
      table.unlock(locked);
    }
    if (crowded) {
      table.resizeIfCrowded();
    }
  }

  /** Releases the locks; nothing written is undone (call only before any put). */
  public void abandon() {
    if (begun) {
      table.writeEnd();
    }
    table.unlock(locked);
  }
}
