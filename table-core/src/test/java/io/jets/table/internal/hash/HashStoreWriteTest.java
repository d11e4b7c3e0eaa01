package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jets.table.WriteConcurrency;
import io.jets.table.spi.StoredObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hash store's single-key write protocol: a present key takes its new value in place, and a
 * node that the caller found but that is gone by the time it writes is never written in place.
 */
class HashStoreWriteTest {

  /** A key whose hash code is fixed, so several keys share one chain. */
  record Colliding(String name) {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  private static void put(HashStore store, Object key, Object value, long delta) {
    Object lock = store.lock(key);
    try {
      StoredObject present = store.findLocked(lock, key);
      store.putLocked(lock, present, key, value, delta);
    } finally {
      store.unlock(lock);
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aPresentKeyTakesItsNewValueInItsOwnNode(WriteConcurrency mode) {
    HashStore store = new HashStore(mode, false, false);
    for (int i = 0; i < 3; i++) {
      put(store, new Colliding("k" + i), "v" + i, 1);
    }
    Colliding key = new Colliding("k1");
    StoredObject before = store.find(key);

    put(store, key, "w1", 0);

    StoredObject after = store.find(key);
    assertSame(before, after, "replaced in place, not by a new node");
    assertEquals("w1", after.laValue());
    assertEquals("v0", store.find(new Colliding("k0")).laValue());
    assertEquals("v2", store.find(new Colliding("k2")).laValue());
    assertEquals(3, store.objects());
    assertEquals(3, store.keys());
  }

  @Test
  void aNodeRemovedUnderTheSameLockIsNotWrittenButTheKeyIsStoredAfresh() {
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false);
    Colliding key = new Colliding("a");
    put(store, new Colliding("b"), "b", 1);
    put(store, key, "v1", 1);
    Object lock = store.lock(key);
    try {
      StoredObject found = store.findLocked(lock, key);
      // The key goes and comes back under the same (reentrant) lock, as a function that wrote the
      // table on this thread would make it; the caller still holds the node it found first.
      put(store, key, null, -1);
      put(store, key, "v2", 1);
      assertNotSame(found, store.find(key));

      store.putLocked(lock, found, key, "v3", 0);

      assertEquals("v1", found.laValue(), "the detached node was not written");
      assertEquals("v3", store.find(key).laValue());
    } finally {
      store.unlock(lock);
    }
    assertEquals("v3", store.find(key).laValue());
    assertEquals("b", store.find(new Colliding("b")).laValue());
    assertEquals(2, store.objects());
    assertEquals(2, store.keys());
  }

  @Test
  void anAbsenceSeenBeforeAWriteUnderTheSameLockIsNotTrusted() {
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false);
    Colliding key = new Colliding("a");
    Object lock = store.lock(key);
    try {
      assertNull(store.findLocked(lock, key));
      put(store, key, "inner", 1); // a nested write of the same key

      store.putLocked(lock, null, key, "outer", 1);
    } finally {
      store.unlock(lock);
    }
    assertEquals("outer", store.find(key).laValue());
    assertEquals(1, store.keys(), "one key, not a duplicate");
  }

  @Test
  void aWriterThatDidNotLookReplacesThePresentKeyWithoutDuplicatingIt() {
    HashStore store = new HashStore(WriteConcurrency.ON, false, false);
    Colliding key = new Colliding("a");
    put(store, key, "v1", 1);
    Object lock = store.lock(key);
    try {
      store.putLocked(lock, null, key, "v2", 0);
    } finally {
      store.unlock(lock);
    }
    assertEquals("v2", store.find(key).laValue());
    put(store, key, null, -1);
    assertNull(store.find(key), "one node only: removing it once leaves none");
    assertEquals(0, store.keys());
  }

  @Test
  void aLockTakenForOneKeyServesAnotherKeyOfTheSameStripe() {
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false); // one stripe for all
    Object lock = store.lock("first");
    try {
      assertNull(store.findLocked(lock, "second"));
      store.putLocked(lock, null, "second", "two", 1);
      assertEquals("two", store.findLocked(lock, "second").laValue());
    } finally {
      store.unlock(lock);
    }
    assertEquals("two", store.find("second").laValue());
    assertNull(store.find("first"));
  }

  @Test
  void aReaderHoldingTheNodeSeesTheValueWrittenInPlace() throws Exception {
    HashStore store = new HashStore(WriteConcurrency.ON, false, false);
    put(store, "key", "old", 1);
    StoredObject held = store.find("key");
    CountDownLatch written = new CountDownLatch(1);
    AtomicReference<Object> seen = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                written.await();
                seen.set(held.laValue());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    reader.start();
    put(store, "key", "new", 0);
    written.countDown();
    reader.join();
    assertEquals("new", seen.get());
  }
}
