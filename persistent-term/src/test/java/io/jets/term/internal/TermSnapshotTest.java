package io.jets.term.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermSnapshotTest {

  /** A key whose hash code is chosen by the test, so that clusters and wrap-around happen. */
  private record Collider(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Collider c && c.id == id;
    }
  }

  @Test
  void randomPutsAndErasesAgreeWithHashMap() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      Map<Object, Object> model = new HashMap<>();
      TermSnapshot snapshot = TermSnapshot.EMPTY;
      int hashes = 1 + random.nextInt(64); // few distinct hashes: long clusters
      for (int step = 0; step < 3_000; step++) {
        int id = random.nextInt(400);
        Collider key = new Collider(id, (id % hashes) * 0x01000193);
        TermSnapshot before = snapshot;
        Map<Object, Object> beforeModel = step % 50 == 0 ? Map.copyOf(model) : null;
        if (random.nextInt(3) == 0) {
          snapshot = snapshot.without(key, 0);
          model.remove(key);
        } else {
          Integer value = step;
          snapshot = snapshot.with(key, value, 0);
          model.put(key, value);
        }
        assertEquals(model.size(), snapshot.size());
        if (beforeModel != null) {
          assertEquals(beforeModel, before.asMap(), "an older snapshot changed");
        }
        if (step % 97 == 0) {
          assertEquals(model, snapshot.asMap());
          for (Object k : model.keySet()) {
            assertSame(model.get(k), snapshot.get(k));
          }
        }
      }
      assertEquals(model, snapshot.asMap());
    }
  }

  @Test
  void growsAndShrinksKeepingEveryTerm() {
    TermSnapshot snapshot = TermSnapshot.EMPTY;
    for (int i = 0; i < 10_000; i++) {
      snapshot = snapshot.with("k" + i, i, 1);
    }
    assertEquals(10_000, snapshot.size());
    assertEquals(10_000, snapshot.termBytes());
    long bigTable = snapshot.memoryBytes() - snapshot.termBytes();
    for (int i = 0; i < 9_990; i++) {
      snapshot = snapshot.without("k" + i, -1);
    }
    assertEquals(10, snapshot.size());
    assertEquals(10, snapshot.termBytes());
    for (int i = 9_990; i < 10_000; i++) {
      assertEquals(i, snapshot.get("k" + i));
    }
    assertNull(snapshot.get("k0"));
    assertEquals(
        true,
        snapshot.memoryBytes() - snapshot.termBytes() < bigTable / 100,
        "the table did not shrink");
  }

  @Test
  void withoutAllRemovesInOneCopyAndIgnoresAbsentKeys() {
    TermSnapshot snapshot = TermSnapshot.EMPTY;
    for (int i = 0; i < 100; i++) {
      snapshot = snapshot.with(i, "v" + i, 0);
    }
    TermSnapshot fewer = snapshot.withoutAll(List.of(3, 5, 7, 1_000), 0);
    assertEquals(97, fewer.size());
    assertNull(fewer.get(5));
    assertEquals("v6", fewer.get(6));
    assertEquals(100, snapshot.size());
    assertSame(snapshot, snapshot.withoutAll(List.of(-1, -2), 0));
  }

  @Test
  void mapViewIsUnmodifiable() {
    Map<Object, Object> map = TermSnapshot.EMPTY.with("a", 1, 0).asMap();
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
    assertThrows(
        UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(3));
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertEquals(Map.of("a", 1), map);
  }
}
