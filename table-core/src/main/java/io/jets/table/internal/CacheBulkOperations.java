package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CacheEvent;
import io.jets.table.TableDeletedException;
import io.jets.table.internal.CachePolicy.Removal;
import io.jets.table.internal.hash.BucketChain;
import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.internal.hash.StripedBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The multi-object writes of a cache table: insertAll, insertNewAll (atomic and isolated, as in
 * every hash table: the batch's stripes are held and the writes published together) and
 * deleteAllObjects. The policy is updated while the stripes are held (stripe before policy, as on
 * the single-key path); removals and listener events follow once every lock is released.
 */
final class CacheBulkOperations<K, V> {

  private final AbstractCacheTable<K, V> table;

  CacheBulkOperations(AbstractCacheTable<K, V> table) {
    this.table = table;
  }

  /** Writes the batch; returns the number of objects written, or -1 if insertNewAll refused it. */
  @SuppressWarnings("unchecked")
  long writeBatch(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects,
      boolean onlyNew,
      String operation) {
    table.requireArgument(objects, "object collection", operation);
    Object[] entries = objects.toArray();
    int n = entries.length;
    K[] keys = (K[]) new Object[n];
    V[] values = (V[]) new Object[n];
    int[] hashes = new int[n];
    int[] weights = new int[n];
    for (int i = 0; i < n; i++) {
      Map.Entry<K, V> entry = (Map.Entry<K, V>) entries[i];
      if (entry == null || entry.getKey() == null || entry.getValue() == null) {
        throw new BadArgumentException(
            table.name(),
            operation
                + ": object "
                + i
                + " is "
                + (entry == null ? "null" : "a null key or value: " + entry));
      }
      keys[i] = entry.getKey();
      values[i] = entry.getValue();
      hashes[i] = BucketChain.mix(keys[i]);
      weights[i] =
          table.weighForBatch(
              keys[i], values[i], operation); // before any lock: a bad weight changes nothing
    }
    if (n == 0) {
      return 0;
    }
    long now = table.now();
    List<CacheEntry> expired = new ArrayList<>();
    List<CacheEvent<K, V>> events = new ArrayList<>();
    List<Removal> removals;
    StripedBatch write = table.store.lockMany(hashes);
    try {
      table.checkNotDeletedLocked(operation);
      if (onlyNew) {
        for (int i = 0; i < n; i++) {
          if (AbstractCacheTable.liveAt(write.find(keys[i], hashes[i]), now) != null) {
            write.abandon();
            return -1;
          }
        }
      }
      table.policy.lock.lock();
      try {
        for (int i = 0; i < n; i++) {
          Node node = write.find(keys[i], hashes[i]);
          CacheEntry old = node == null ? null : (CacheEntry) node.value;
          CacheEntry added = table.newEntryForBatch(keys[i], hashes[i], values[i], now, weights[i]);
          write.put(hashes[i], keys[i], added, old == null ? 1 : 0);
          V previous = null;
          if (old != null) {
            table.policy.removed(old);
            if (old.isExpired(now)) {
              expired.add(old);
            } else {
              previous = (V) old.value;
            }
          }
          table.policy.added(added);
          if (table.hasListener()) {
            events.add(
                new CacheEvent<>(
                    previous == null ? CacheEvent.Kind.INSERTED : CacheEvent.Kind.UPDATED,
                    keys[i],
                    values[i],
                    previous));
          }
        }
        removals = table.policy.maintain(now);
      } finally {
        table.policy.lock.unlock();
      }
    } catch (RuntimeException | Error e) {
      write.commit(); // a key's equals or hashCode threw: keep what was written, release the locks
      throw e;
    }
    write.commit();
    for (CacheEntry old : expired) {
      table.reportExpired(old);
    }
    table.afterWrite(removals);
    table.notifyBatch(events);
    return n;
  }

  @SuppressWarnings("unchecked")
  void deleteAll() {
    long now = table.now();
    List<CacheEntry> cleared = new ArrayList<>();
    StripedBatch all = table.store.lockAll();
    try {
      table.checkNotDeletedLocked("deleteAllObjects");
      // Every writer is locked out, so this walk sees exactly the objects being cleared.
      table.store.forEach(node -> cleared.add((CacheEntry) node.value));
      all.clear();
      table.policy.lock.lock();
      try {
        table.policy.clear();
      } finally {
        table.policy.lock.unlock();
      }
    } catch (TableDeletedException e) {
      all.abandon();
      throw e;
    }
    all.commit();
    List<CacheEvent<K, V>> events = new ArrayList<>();
    for (CacheEntry entry : cleared) {
      if (entry.isExpired(now)) {
        table.reportExpired(entry);
      } else if (table.hasListener()) {
        events.add(new CacheEvent<>(CacheEvent.Kind.DELETED, (K) entry.key, (V) entry.value, null));
      }
    }
    table.notifyBatch(events);
  }
}
