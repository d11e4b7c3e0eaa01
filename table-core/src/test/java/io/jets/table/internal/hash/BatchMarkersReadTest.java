package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jets.table.WriteConcurrency;
import io.jets.table.internal.CommitMarker.Commit;
import io.jets.table.spi.StoredObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hash table's multi-object write held between its markers and its commit, every stripe it needs
 * locked: readers on another thread neither wait nor retry, and see the chains before until the
 * commit flag is set, the chains after from then on.
 */
class BatchMarkersReadTest {

  private static final int KEYS = 200;

  private static void insert(HashStore store, Object key, Object value) {
    Object lock = store.lock(key);
    try {
      StoredObject present = store.findLocked(lock, key);
      store.putLocked(lock, present, key, value, present == null ? 1 : 0);
    } finally {
      store.unlock(lock);
    }
  }

  /** The sum of every key's value, and of the values a full traversal meets, on another thread. */
  private static long readElsewhere(HashStore store) throws Exception {
    CompletableFuture<Long> read =
        CompletableFuture.supplyAsync(
            () -> {
              long sum = 0;
              for (int k = 0; k < KEYS; k++) {
                sum += (Integer) store.find(k).laValue();
              }
              for (StoredObject o = store.step(null, true);
                  o != null;
                  o = store.step(o.key, true)) {
                sum += (Integer) o.laValue();
              }
              return sum;
            });
    // The bound only turns a reader that waits for the held write into a failure; a reader that
    // never waits returns at once.
    return read.get(1, TimeUnit.MINUTES);
  }

  @ParameterizedTest
  @CsvSource({"OFF,false", "ON,false", "ON,true", "AUTO,false", "AUTO,true"})
  void aReaderTakesTheChainsBeforeUntilTheCommitAndNeverWaits(
      WriteConcurrency mode, boolean decentralized) throws Exception {
    HashStore store = new HashStore(mode, decentralized, false);
    for (int k = 0; k < KEYS; k++) {
      insert(store, k, k);
    }
    long before = 2L * (KEYS * (KEYS - 1) / 2);
    Object[] changed = {3, 77, 150};
    int[] spreads = new int[changed.length];
    for (int i = 0; i < changed.length; i++) {
      spreads[i] = BucketChain.spread(changed[i]);
    }
    // Their three low bits differ, so they lie in three buckets at any table size from 8: the
    // batch publishes through markers (a batch of one bucket needs none).
    assertNotEquals(spreads[0] & 7, spreads[1] & 7);
    assertNotEquals(spreads[0] & 7, spreads[2] & 7);
    assertNotEquals(spreads[1] & 7, spreads[2] & 7);
    StripedBatch batch = StripedBatch.lockMany(store, spreads);
    try {
      for (int i = 0; i < changed.length; i++) {
        batch.put(spreads[i], changed[i], (Integer) changed[i] + 1_000, 0);
      }
      assertEquals(before, readElsewhere(store), "staged only: nothing published");
      Commit commit = batch.placeMarkers();
      assertEquals(
          before, readElsewhere(store), "markers placed, not committed: the chains before");
      commit.srCommitted();
      long after = before + 2L * 1_000 * changed.length;
      assertEquals(after, readElsewhere(store), "committed: the chains after, through the markers");
      batch.replaceMarkers();
      assertEquals(after, readElsewhere(store));
    } finally {
      batch.abandon(); // releases the locks; the values were replaced in place of present keys
    }
    assertEquals(KEYS, store.objects());
  }
}
