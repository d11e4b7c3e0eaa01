package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * first/next/last/prev and their lookup variants, folds, and growth, on each hash type of the
 * tables under test in every mode.
 */
public abstract class AbstractTraversalTest extends SharedTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  /** Walks with first/next and returns the keys in the order visited. */
  private static <K> List<K> walk(Table<K, ?> t) {
    List<K> keys = new ArrayList<>();
    for (K k = t.first(); k != null; k = t.next(k)) {
      keys.add(k);
      if (keys.size() > 10_000_000) {
        throw new AssertionError("walk does not end");
      }
    }
    return keys;
  }

  private static <K> List<K> walkBackwards(Table<K, ?> t) {
    List<K> keys = new ArrayList<>();
    for (K k = t.last(); k != null; k = t.prev(k)) {
      keys.add(k);
    }
    return keys;
  }

  /** Counts occurrences of each element. */
  private static <T> Map<T, Integer> counts(List<T> items) {
    Map<T, Integer> m = new HashMap<>();
    for (T item : items) {
      m.merge(item, 1, Integer::sum);
    }
    return m;
  }

  private static void assertEachOnce(Set<?> expected, List<?> visited) {
    Map<?, Integer> c = counts(visited);
    for (Object k : expected) {
      assertEquals(
          1,
          c.getOrDefault(k, 0),
          () -> "key " + k + " visited " + c.getOrDefault(k, 0) + " times");
    }
    c.forEach((k, n) -> assertEquals(1, n, () -> "key " + k + " visited " + n + " times"));
  }

  @ParameterizedTest
  @TypesAndModes
  void emptyTable(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    assertNull(t.first());
    assertNull(t.last());
    assertNull(t.firstLookup());
    assertNull(t.lastLookup());
    assertNull(t.next(1), "next of a key never present, on an empty table");
    assertNull(t.prev(1));
    assertNull(t.nextLookup(1));
    assertNull(t.prevLookup(1));
  }

  @ParameterizedTest
  @TypesAndModes
  void fullWalkVisitsEachKeyOnce(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    Set<Integer> keys = IntStream.range(0, 2000).boxed().collect(Collectors.toSet());
    for (int k : keys) {
      t.insert(k, k);
      t.insert(k, -k);
    }
    List<Integer> forward = walk(t);
    assertEachOnce(keys, forward);
    assertEquals(forward, walk(t), "the order is stable while the table is unchanged");
    assertEquals(forward, walkBackwards(t), "hash tables: last/prev are first/next");
    assertEquals(t.first(), t.last());
  }

  @ParameterizedTest
  @TypesAndModes
  void lookupVariantsReturnKeyAndValues(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    for (int k = 0; k < 300; k++) {
      t.insert(k, k);
      t.insert(k, k + 1000);
    }
    List<Integer> keys = walk(t);
    List<Integer> seen = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e = t.firstLookup();
        e != null;
        e = t.nextLookup(e.getKey())) {
      assertEquals(t.lookup(e.getKey()), e.getValue());
      seen.add(e.getKey());
    }
    assertEquals(keys, seen);
    seen.clear();
    for (Map.Entry<Integer, List<Integer>> e = t.lastLookup();
        e != null;
        e = t.prevLookup(e.getKey())) {
      seen.add(e.getKey());
    }
    assertEquals(keys, seen);
    assertEquals(t.first(), t.firstLookup().getKey());
    // the lookup variants mix with next
    assertEquals(t.next(keys.get(0)), t.nextLookup(keys.get(0)).getKey());
    assertEquals(keys.get(1), t.next(keys.get(0)));
    assertNull(t.next(keys.get(keys.size() - 1)));
    assertNull(t.nextLookup(keys.get(keys.size() - 1)));
  }

  @ParameterizedTest
  @TypesAndModes
  void nextOfADeletedKeyContinues(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    Set<Integer> keys = IntStream.range(0, 1000).boxed().collect(Collectors.toSet());
    keys.forEach(k -> t.insert(k, k));
    List<Integer> visited = new ArrayList<>();
    for (Integer k = t.first(); k != null; ) {
      visited.add(k);
      t.delete(k); // delete the key the walk stands on
      k = t.next(k);
    }
    assertEachOnce(keys, visited);
    assertEquals(0, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void nextOfAKeyNeverPresentReturnsAKeyAfterIt(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    for (int k = 0; k < 500; k += 2) {
      t.insert(k, k);
    }
    List<Integer> order = walk(t);
    // inserting then deleting an odd key places it somewhere in the order: next continues from
    // there
    for (int odd = 1; odd < 500; odd += 2) {
      t.insert(odd, odd);
      List<Integer> withOdd = walk(t);
      int pos = withOdd.indexOf(odd);
      Integer expected = pos + 1 < withOdd.size() ? withOdd.get(pos + 1) : null;
      t.delete(odd);
      assertEquals(expected, t.next(odd), "next of a deleted key " + odd);
      if (odd > 50) {
        break; // enough positions checked
      }
    }
    assertEquals(order, walk(t));
  }

  @ParameterizedTest
  @TypesAndModes
  void collidingComparableKeysAreWalkedOnceEvenWhenDeleted(TableType type, WriteConcurrency mode) {
    // "Aa" and "BB" have the same hashCode, so all 2^8 strings made of those blocks collide.
    List<String> colliding = new ArrayList<>();
    for (int bits = 0; bits < 256; bits++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append((bits >> i & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(sb.toString());
    }
    assertEquals(1, colliding.stream().map(String::hashCode).distinct().count());
    Table<String, Integer> t = tables.table(type, mode);
    for (int i = 0; i < colliding.size(); i++) {
      t.insert(colliding.get(i), i);
      t.insert("plain" + i, i);
    }
    Set<String> all = new HashSet<>(walk(t));
    assertEquals(2 * colliding.size(), all.size());
    colliding.forEach(k -> assertTrue(t.member(k)));
    List<String> visited = new ArrayList<>();
    for (String k = t.first(); k != null; ) {
      visited.add(k);
      t.delete(k);
      k = t.next(k);
    }
    assertEachOnce(all, visited);
  }

  /**
   * A key that is not Comparable and whose instances all share one hash code; Serializable, as an
   * implementation that encodes its keys needs.
   */
  record Opaque(int id) implements Serializable {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  @ParameterizedTest
  @TypesAndModes
  void collidingKeysWithoutAnOrderAreFoundAndWalkedOnce(TableType type, WriteConcurrency mode) {
    Table<Opaque, Integer> t = tables.table(type, mode);
    Set<Opaque> all = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      t.insert(new Opaque(i), i);
      all.add(new Opaque(i));
    }
    for (int i = 0; i < 50; i++) {
      assertEquals(List.of(i), t.lookup(new Opaque(i)));
    }
    assertEachOnce(all, walk(t));
    for (int i = 0; i < 50; i += 2) {
      assertTrue(t.delete(new Opaque(i)));
    }
    Set<Opaque> odd = new HashSet<>();
    all.stream().filter(k -> k.id() % 2 == 1).forEach(odd::add);
    assertEachOnce(odd, walk(t));
    assertEquals(25, t.size());
  }

  /**
   * Regression: next() of a deleted key whose hash collides with keys that are not Comparable used
   * to skip the rest of the colliding run, so a walk that deleted as it went missed keys present
   * for the whole walk.
   */
  @ParameterizedTest
  @TypesAndModes
  void nextOfADeletedCollidingKeyWithoutAnOrderContinues(TableType type, WriteConcurrency mode) {
    Table<Opaque, Integer> t = tables.table(type, mode);
    Set<Opaque> all = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      t.insert(new Opaque(i), i);
      all.add(new Opaque(i));
    }
    List<Opaque> visited = new ArrayList<>();
    for (Opaque k = t.first(); k != null; ) {
      visited.add(k);
      t.delete(k);
      k = t.next(k);
    }
    assertEachOnce(all, visited);
    assertEquals(0, t.size());
  }

  /**
   * Key {@code id} of the test's own class in a colliding run: not Comparable, hash code 2112 (the
   * hash of "Aa"), and distinct from the key of every other id.
   */
  protected abstract Object collidingUnorderedKey(int id);

  /**
   * Regression: the same, for a colliding run that mixes key classes (2112 is the hash of "Aa").
   */
  @ParameterizedTest
  @TypesAndModes
  void nextOfADeletedKeyInAMixedClassCollisionContinues(TableType type, WriteConcurrency mode) {
    List<Object> keys =
        new ArrayList<>(List.of(2112, 2112L, "Aa", "BB", "AaAa".substring(0, 2) + "X"));
    keys.removeIf(k -> k.hashCode() != 2112);
    for (int i = 0; i < 10; i++) {
      keys.add(collidingUnorderedKey(i));
    }
    assertEquals(14, keys.size());
    for (int rotation = 0; rotation < keys.size(); rotation++) {
      Table<Object, Integer> t = tables.table(type, mode);
      for (int i = 0; i < keys.size(); i++) {
        t.insert(keys.get((i + rotation) % keys.size()), i); // every insertion order position
      }
      List<Object> visited = new ArrayList<>();
      for (Object k = t.first(); k != null; ) {
        visited.add(k);
        t.delete(k);
        k = t.next(k);
      }
      assertEachOnce(new HashSet<>(keys), visited);
      t.delete();
    }
  }

  @ParameterizedTest
  @TypesAndModes
  void growthPastManyResizesKeepsEverythingFindableAndWalkable(
      TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    int n = 100_000;
    for (int k = 0; k < n; k++) {
      t.insert(k, k);
    }
    assertEquals(n, t.size());
    for (int k = 0; k < n; k++) {
      assertEquals(List.of(k), t.lookup(k));
    }
    assertEquals(List.of(), t.lookup(n));
    List<Integer> visited = walk(t);
    assertEquals(n, visited.size());
    assertEquals(n, new HashSet<>(visited).size());
    assertEquals(n, t.toList().size());
    assertEquals((long) n * (n - 1) / 2, (long) t.foldl(0L, (k, v, acc) -> acc + v));
    for (int k = 0; k < n; k += 2) {
      t.delete(k);
    }
    assertEquals(n / 2, t.size());
    assertEquals(n / 2, walk(t).size());
    assertTrue(t.member(1) && !t.member(0));
  }

  @ParameterizedTest
  @TypesAndModes
  void growthByInsertAllKeepsEverythingFindable(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
    for (int k = 0; k < 20_000; k++) {
      batch.add(Map.entry(k, k));
    }
    t.insertAll(batch);
    for (int k = 20_000; k < 40_000; k++) {
      t.insert(k, k); // keeps growing a table that one batch over-filled
    }
    assertEquals(40_000, t.size());
    for (int k = 0; k < 40_000; k++) {
      assertTrue(t.member(k), "key " + k);
    }
    assertEquals(40_000, new HashSet<>(walk(t)).size());
  }

  @ParameterizedTest
  @TypesAndModes
  void walkAcrossResizesAndDeletesVisitsStableKeysOnce(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    Set<Integer> stable = new HashSet<>();
    for (int k = 0; k < 200; k++) {
      t.insert(k, k);
      stable.add(k);
    }
    int next = 1_000_000;
    List<Integer> visited = new ArrayList<>();
    List<Integer> churn = new ArrayList<>();
    for (Integer k = t.first(); k != null; k = t.next(k)) {
      visited.add(k);
      // between the first 300 steps: grow the table (several doublings) and delete churn keys;
      // bounded, since the walk may also visit the new keys
      if (visited.size() <= 300) {
        for (int i = 0; i < 100; i++) {
          t.insert(next, next);
          churn.add(next++);
        }
        for (int i = 0; i < 30; i++) {
          t.delete(churn.remove(churn.size() - 1 - 2 * i));
        }
      }
    }
    assertTrue(t.size() > 10_000, "the table grew during the walk: " + t.size());
    Map<Integer, Integer> c = counts(visited);
    for (int k : stable) {
      assertEquals(1, c.getOrDefault(k, 0), "stable key " + k);
    }
    c.forEach((k, n) -> assertEquals(1, n, "key " + k + " visited twice"));
  }

  @ParameterizedTest
  @TypesAndModes
  void foldAcrossResizesVisitsStableObjectsOnce(TableType type, WriteConcurrency mode)
      throws Exception {
    Table<Integer, Integer> t = tables.table(type, mode);
    Set<Integer> stable = new HashSet<>();
    for (int k = 0; k < 300; k++) {
      t.insert(k, k);
      stable.add(k);
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      int[] next = {1_000_000};
      // The folder must not write, so another thread writes while the fold waits for it.
      List<Integer> visited =
          t.foldl(
              new ArrayList<>(),
              (k, v, acc) -> {
                acc.add(k);
                if (acc.size() > 300) {
                  return acc; // bounded churn: the fold may also visit the new keys
                }
                try {
                  writer
                      .submit(
                          () -> {
                            for (int i = 0; i < 100; i++) {
                              t.insert(next[0], next[0]);
                              if (next[0] % 3 == 0) {
                                t.delete(next[0] - 1);
                              }
                              next[0]++;
                            }
                          })
                      .get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
                return acc;
              });
      assertTrue(t.size() > 10_000, "the table grew during the fold: " + t.size());
      Map<Integer, Integer> c = counts(visited);
      for (int k : stable) {
        assertEquals(1, c.getOrDefault(k, 0), "stable key " + k);
      }
      c.forEach((k, n) -> assertEquals(1, n, "key " + k + " visited twice"));
    } finally {
      writer.shutdownNow();
    }
  }

  @ParameterizedTest
  @TypesAndModes
  void walkContinuesAcrossDeleteAllObjects(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    for (int k = 0; k < 1000; k++) {
      t.insert(k, k);
    }
    Integer first = t.first();
    t.deleteAllObjects();
    assertNull(t.next(first), "nothing after a key once the table is empty");
    for (int k = 5000; k < 5100; k++) {
      t.insert(k, k);
    }
    Set<Integer> rest = new HashSet<>();
    for (Integer k = t.next(first); k != null; k = t.next(k)) {
      assertTrue(k >= 5000, "only new keys remain");
      assertTrue(rest.add(k), "no key twice");
    }
  }

  /** Reads slots 0, 1, ... up to the end of table; fails if the end is not where it should be. */
  private static <K, V> List<List<Map.Entry<K, V>>> slots(Table<K, V> t) {
    List<List<Map.Entry<K, V>>> slots = new ArrayList<>();
    for (List<Map.Entry<K, V>> slot = t.slot(0); slot != null; slot = t.slot(slots.size())) {
      slots.add(slot);
      if (slots.size() > 10_000_000) {
        throw new AssertionError("the slots do not end");
      }
    }
    int end = slots.size();
    BadArgumentException further = assertThrows(BadArgumentException.class, () -> t.slot(end + 1));
    assertTrue(further.getMessage().startsWith("table '" + t.name() + "': slot: "));
    assertTrue(further.getMessage().contains(String.valueOf(end + 1)), further.getMessage());
    assertThrows(BadArgumentException.class, () -> t.slot(Long.MAX_VALUE));
    BadArgumentException negative = assertThrows(BadArgumentException.class, () -> t.slot(-1));
    assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
    return slots;
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void slotsHoldEveryObjectOnceAndEndWithEndOfTable(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    assertTrue(slots(t).stream().allMatch(List::isEmpty), "an empty table's slots are empty");
    boolean bag = type == TableType.BAG || type == TableType.DUPLICATE_BAG;
    for (int k = 0; k < 3000; k++) {
      t.insert(k, k);
      if (bag) {
        t.insert(k, -k);
      }
    }
    List<List<Map.Entry<Integer, Integer>>> slots = slots(t);
    List<Map.Entry<Integer, Integer>> all = new ArrayList<>();
    slots.forEach(all::addAll);
    assertEquals(counts(t.toList()), counts(all), "the slots hold the table's objects, once each");
    for (List<Map.Entry<Integer, Integer>> slot : slots) {
      assertThrows(UnsupportedOperationException.class, () -> slot.add(Map.entry(0, 0)));
      Set<Integer> keys = new HashSet<>();
      slot.forEach(o -> keys.add(o.getKey()));
      for (int key : keys) { // a key's objects are in one slot
        assertEquals(
            t.lookupObjects(key).size(), slot.stream().filter(o -> o.getKey() == key).count());
      }
    }
    if (type == TableType.ORDERED_SET) {
      assertEquals(3000, slots.size(), "an ordered set's slot i is its i-th object");
      for (int i = 0; i < 3000; i++) {
        assertEquals(List.of(Map.entry(i, i)), slots.get(i));
      }
    } else {
      assertTrue(
          slots.stream().filter(slot -> !slot.isEmpty()).count() > 1,
          "a hash table's slot is one of its buckets (or segments), and it has many");
    }
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG})
  void slotOfADeletedTableThrowsTableDeleted(TableType type, WriteConcurrency mode) {
    Table<Integer, Integer> t = tables.table(type, mode);
    t.insert(1, 1);
    t.delete();
    assertThrows(TableDeletedException.class, () -> t.slot(0));
  }
}
