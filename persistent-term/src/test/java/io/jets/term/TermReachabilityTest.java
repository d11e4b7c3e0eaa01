package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.OwnerScope;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Overwritten and erased values, and dropped handles, must become collectable. */
class TermReachabilityTest {

  /** A value that is only reachable through the store once the helper that made it returns. */
  private record Payload(long id, byte[] ballast) {
    Payload(long id) {
      this(id, null);
    }
  }

  private static Object garbageSink;

  /**
   * Runs System.gc() and allocates until {@code ref} clears, at most 50 rounds; returns whether it
   * cleared. Bounded, and no sleeping: each round is a full collection request plus allocation
   * pressure.
   */
  private static boolean clears(WeakReference<?> ref) {
    for (int round = 0; round < 50 && ref.get() != null; round++) {
      System.gc();
      for (int i = 0; i < 64; i++) {
        garbageSink = new byte[64 * 1024];
      }
    }
    garbageSink = null;
    return ref.get() == null;
  }

  private static WeakReference<Payload> putFresh(TermStore store, Object key, long id) {
    Payload payload = new Payload(id);
    store.put(key, payload);
    return new WeakReference<>(payload);
  }

  @Test
  void overwrittenValueBecomesUnreachable() {
    TermStore store = new TermStore();
    WeakReference<Payload> first = putFresh(store, "k", 1);
    WeakReference<Payload> second = putFresh(store, "k", 2);
    assertTrue(clears(first), "the overwritten value is still reachable");
    assertFalse(clears(second), "the stored value was collected");
    assertEquals(new Payload(2), store.find("k"));
  }

  @Test
  void erasedValueBecomesUnreachable() {
    TermStore store = new TermStore();
    WeakReference<Payload> value = putFresh(store, "k", 1);
    assertTrue(store.erase("k"));
    assertTrue(clears(value), "the erased value is still reachable");
  }

  @Test
  void valuesSeenThroughAHandleBecomeUnreachableAfterOverwriteAndErase() {
    TermStore store = new TermStore();
    Term<Payload> handle = store.handle("k");
    WeakReference<Payload> first = putFresh(store, "k", 1);
    assertEquals(1, handle.get().id());
    WeakReference<Payload> second = putFresh(store, "k", 2);
    assertEquals(2, handle.get().id());
    assertTrue(clears(first), "the handle keeps the overwritten value");
    store.erase("k");
    assertTrue(clears(second), "the handle keeps the erased value");
    assertEquals(null, handle.getOrDefault(null));
  }

  @Test
  void valueOfAnExitedOwnerBecomesUnreachable() {
    TermStore store = new TermStore();
    WeakReference<Payload> value;
    try (OwnerScope scope = OwnerScope.open("owner")) {
      value = putOwned(store, scope);
    }
    assertTrue(clears(value), "the exited owner's value is still reachable");
  }

  private static WeakReference<Payload> putOwned(TermStore store, OwnerScope scope) {
    Payload payload = new Payload(1);
    store.put(scope, "k", payload);
    return new WeakReference<>(payload);
  }

  /**
   * Whether the store holds a handle for {@code key} that is still referenced (read by reflection).
   */
  private static boolean hasLiveHandle(TermStore store, Object key) {
    try {
      java.lang.reflect.Field field = TermStore.class.getDeclaredField("handles");
      field.setAccessible(true);
      Object ref = ((java.util.Map<?, ?>) field.get(store)).get(key);
      return ref != null && ((java.lang.ref.Reference<?>) ref).get() != null;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void droppedHandlesAreForgotten() {
    TermStore store = new TermStore();
    WeakReference<Term<Object>> handle = new WeakReference<>(store.handle("k"));
    assertTrue(hasLiveHandle(store, "k"));
    assertTrue(clears(handle), "the store keeps the handle alive");
    assertFalse(hasLiveHandle(store, "k"));
    store.put("k", 1);
    assertEquals(1, store.<Integer>handle("k").get());
  }

  @Test
  void payloadRecordEqualityIsByValue() {
    assertEquals(new Payload(3), new Payload(3));
    assertNull(new Payload(3).ballast());
  }
}
