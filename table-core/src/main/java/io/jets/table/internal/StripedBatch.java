package io.jets.table.internal;

import io.jets.table.internal.BucketChain.Node;
import io.jets.table.internal.StripedHashTable.Stripe;
import java.util.Arrays;

/**
 * A multi-object write in progress on a {@link StripedHashTable}: the stripes it holds (with the
 * table's multiWriteLock) and the bucket array it writes to. Obtained from {@link
 * StripedHashTable#lockMany} or {@link StripedHashTable#lockAll}; then {@link #put} or {@link
 * #clear}; then exactly one of {@link #commit} or {@link #abandon}.
 *
 * <p>Without snapshot writes the batch writes the live array between the table's sequence going odd
 * and going even again, so readers that overlap it retry. With snapshot writes (readConcurrency) it
 * writes a private copy that {@link #commit} publishes with one store, so readers never wait.
 */
final class StripedBatch {
  private final StripedHashTable table;
  private final Stripe[] locked;
  private final Object[] target; // the live table, or a private copy with snapshot writes
  private boolean crowded;
  private boolean begun;

  StripedBatch(StripedHashTable table, Stripe[] locked, Object[] target) {
    this.table = table;
    this.locked = locked;
    this.target = target;
  }

  Stripe[] locked() {
    return locked;
  }

  /** The node holding {@code key} as this batch sees it, its own earlier puts included. */
  Node find(Object key, int hash) {
    return BucketChain.find(
        (Node) target[StripedHashTable.index(hash, StripedHashTable.bits(target))], hash, key);
  }

  /** As {@link StripedHashTable#putLocked}, within the batch. */
  void put(int hash, Object key, Object value, long objectDelta) {
    begin();
    crowded |= table.put(target, hash, key, value, objectDelta);
  }

  /** Drops every object, within the batch; the batch must hold every stripe. */
  void clear() {
    if (!table.snapshotWrites()) {
      begin();
      table.forwardAll(table.buckets(), table.emptyBuckets());
    } else {
      Arrays.fill(target, null);
    }
    table.clearCounts();
  }

  private void begin() {
    if (!begun && !table.snapshotWrites()) {
      table.writeBegin();
      begun = true;
    }
  }

  /** Makes the batch visible (if anything was written) and releases its locks. */
  void commit() {
    try {
      if (table.snapshotWrites()) {
        table.install(target);
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
  void abandon() {
    if (begun) {
      table.writeEnd();
    }
    table.unlock(locked);
  }
}
