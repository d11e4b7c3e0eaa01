package io.jets.table.tck;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static io.jets.table.tck.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.TableInfo;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The operations every hash table type shares, on each hash type of the tables under test in every
 * mode.
 */
public abstract class AbstractTableOperationsTest extends SharedTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  /** The objects of a table as a multiset: key to sorted values. */
  private static Map<String, List<Integer>> contents(Table<String, Integer> t) {
    Map<String, List<Integer>> m = new HashMap<>();
    for (Map.Entry<String, Integer> e : t.toList()) {
      m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    m.values().forEach(Collections::sort);
    return m;
  }

  @ParameterizedTest
  @TypesAndModes
  void insertThenLookupAndMember(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    assertEquals(List.of(), t.lookup("a"));
    assertFalse(t.member("a"));
    assertEquals(0, t.size());
    t.insert("a", 1);
    assertEquals(List.of(1), t.lookup("a"));
    assertTrue(t.member("a"));
    assertFalse(t.member("b"));
    assertEquals(1, t.size());
    List<Integer> found = t.lookup("a");
    assertThrows(
        UnsupportedOperationException.class, () -> found.add(2), "lookup results are immutable");
    assertEquals(List.of(1), t.lookup("a"));
  }

  @ParameterizedTest
  @TypesAndModes
  void insertUnderAnExistingKeyFollowsTheType(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("a", 1);
    t.insert("a", 2);
    t.insert("a", 1);
    switch (type) {
      case SET -> {
        assertEquals(List.of(1), t.lookup("a"), "a set replaces");
        assertEquals(1, t.size());
      }
      case BAG -> {
        assertEquals(List.of(1, 2), t.lookup("a"), "a bag ignores an equal object, keeps order");
        assertEquals(2, t.size());
      }
      case DUPLICATE_BAG -> {
        assertEquals(List.of(1, 2, 1), t.lookup("a"), "a duplicate bag keeps every copy in order");
        assertEquals(3, t.size());
      }
      default -> throw new AssertionError(type);
    }
  }

  @ParameterizedTest
  @TypesAndModes
  void insertAllInsertsEveryObjectInOrder(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insertAll(
        List.of(Map.entry("a", 1), Map.entry("b", 2), Map.entry("a", 3), Map.entry("a", 1)));
    assertEquals(List.of(2), t.lookup("b"));
    switch (type) {
      case SET -> assertEquals(List.of(1), t.lookup("a"), "the last object with a key wins");
      case BAG -> assertEquals(List.of(1, 3), t.lookup("a"));
      case DUPLICATE_BAG -> assertEquals(List.of(1, 3, 1), t.lookup("a"));
      default -> throw new AssertionError(type);
    }
    long size = t.size();
    t.insertAll(List.of());
    assertEquals(size, t.size(), "an empty insertAll changes nothing");
  }

  @ParameterizedTest
  @TypesAndModes
  void insertAllWithABadObjectInsertsNothing(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("x", 0);
    List<Map.Entry<String, Integer>> withNullKey =
        List.of(Map.entry("a", 1), object(null, 2), Map.entry("c", 3));
    List<Map.Entry<String, Integer>> withNullValue =
        List.of(Map.entry("a", 1), object("b", null), Map.entry("c", 3));
    List<Map.Entry<String, Integer>> withNullEntry = new ArrayList<>();
    withNullEntry.add(Map.entry("a", 1));
    withNullEntry.add(null);
    for (List<Map.Entry<String, Integer>> bad :
        List.of(withNullKey, withNullValue, withNullEntry)) {
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.insertAll(bad));
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.insertNewAll(bad));
    }
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.insertAll(null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.insertNewAll(null));
    assertEquals(Map.of("x", List.of(0)), contents(t));
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void insertNewOnlyInsertsAnAbsentKey(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    assertTrue(t.insertNew("a", 1));
    assertFalse(t.insertNew("a", 2));
    assertFalse(t.insertNew("a", 1));
    assertEquals(List.of(1), t.lookup("a"));
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void insertNewAllIsAllOrNothing(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("c", 30);
    assertFalse(t.insertNewAll(List.of(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3))));
    assertEquals(Map.of("c", List.of(30)), contents(t), "nothing inserted when one key is present");
    assertTrue(t.insertNewAll(List.of(Map.entry("a", 1), Map.entry("b", 2))));
    assertEquals(Map.of("a", List.of(1), "b", List.of(2), "c", List.of(30)), contents(t));
    assertEquals(3, t.size());
    assertTrue(t.insertNewAll(List.of()), "nothing to insert: trivially all inserted");
    assertEquals(3, t.size());
  }

  /**
   * One present key refuses the whole batch wherever it stands in it: first, in the middle or last
   * (a check that only looked at some of the keys, or let a later absent key override an earlier
   * present one, would insert the others).
   */
  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void insertNewAllInsertsNothingWhereverThePresentKeyStandsInTheBatch(
      TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("p", 0);
    List<List<Map.Entry<String, Integer>>> batches =
        List.of(
            List.of(Map.entry("p", 1), Map.entry("a", 1), Map.entry("b", 2)),
            List.of(Map.entry("a", 1), Map.entry("p", 1), Map.entry("b", 2)),
            List.of(Map.entry("a", 1), Map.entry("b", 2), Map.entry("p", 1)),
            List.of(Map.entry("z", 1), Map.entry("p", 1), Map.entry("a", 2)));
    for (List<Map.Entry<String, Integer>> batch : batches) {
      assertFalse(t.insertNewAll(batch), type + ": " + batch);
      assertEquals(Map.of("p", List.of(0)), contents(t), type + ": nothing inserted from " + batch);
      assertEquals(1, t.size(), type + ": " + batch);
    }
  }

  @ParameterizedTest
  @TypesAndModes
  void deleteRemovesEveryObjectWithTheKey(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("a", 1);
    t.insert("a", 2);
    t.insert("b", 3);
    assertTrue(t.delete("a"));
    assertEquals(List.of(), t.lookup("a"));
    assertFalse(t.member("a"));
    assertEquals(1, t.size());
    assertFalse(t.delete("a"));
    assertFalse(t.delete("zzz"));
    assertEquals(List.of(3), t.lookup("b"));
  }

  @ParameterizedTest
  @TypesAndModes
  void deleteObjectRemovesOnlyThatObject(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    assertFalse(t.deleteObject("a", 1), "absent key");
    t.insert("a", 1);
    assertFalse(t.deleteObject("a", 2), "no such object");
    assertEquals(List.of(1), t.lookup("a"));
    if (type == TableType.SET) {
      assertTrue(t.deleteObject("a", 1));
      assertEquals(List.of(), t.lookup("a"));
      assertEquals(0, t.size());
      return;
    }
    t.insert("a", 2);
    t.insert("a", 1);
    t.insert("a", 3);
    assertTrue(t.deleteObject("a", 1));
    assertEquals(
        List.of(2, 3), t.lookup("a"), "every equal copy goes; the others keep their order");
    assertEquals(2, t.size());
    assertTrue(t.deleteObject("a", 2));
    assertTrue(t.deleteObject("a", 3));
    assertFalse(t.member("a"), "the key goes with its last object");
    assertEquals(0, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void deleteAllObjectsEmptiesTheTable(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    for (int i = 0; i < 1000; i++) {
      t.insert("k" + i, i);
    }
    t.deleteAllObjects();
    assertEquals(0, t.size());
    assertEquals(List.of(), t.toList());
    assertNull(t.first());
    assertFalse(t.member("k1"));
    t.insert("k1", 7);
    assertEquals(List.of(7), t.lookup("k1"));
    assertEquals(1, t.size());
    t.deleteAllObjects();
    t.deleteAllObjects();
    assertEquals(0, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void takeReturnsAndRemoves(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    assertEquals(List.of(), t.take("a"));
    t.insert("a", 1);
    t.insert("a", 2);
    t.insert("b", 5);
    List<Integer> expected = type == TableType.SET ? List.of(2) : List.of(1, 2);
    assertEquals(expected, t.take("a"));
    assertFalse(t.member("a"));
    assertEquals(List.of(), t.take("a"));
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @TypesAndModes
  void sizeCountsObjects(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    for (int i = 0; i < 100; i++) {
      t.insert("k" + (i % 10), i % 3);
    }
    long expected =
        switch (type) {
          case SET -> 10;
          case BAG -> 10 * 3; // each key sees values 0, 1 and 2
          case DUPLICATE_BAG -> 100;
          default -> throw new AssertionError(type);
        };
    assertEquals(expected, t.size());
    assertEquals(expected, t.toList().size());
    assertEquals(expected, t.info().size());
  }

  @ParameterizedTest
  @TypesAndModes
  void foldsAndToListSeeEveryObject(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    assertEquals(List.of(), t.toList());
    assertEquals("init", t.foldl("init", (k, v, acc) -> acc + k));
    assertEquals("init", t.foldr("init", (k, v, acc) -> acc + k));
    t.insertAll(List.of(Map.entry("a", 1), Map.entry("b", 2), Map.entry("a", 3)));
    Map<String, List<Integer>> expected =
        type == TableType.SET
            ? Map.of("a", List.of(3), "b", List.of(2))
            : Map.of("a", List.of(1, 3), "b", List.of(2));
    assertEquals(expected, contents(t));
    int sum = expected.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
    assertEquals(sum, t.foldl(0, (k, v, acc) -> acc + v));
    assertEquals(sum, t.foldr(0, (k, v, acc) -> acc + v));
    List<String> leftKeys =
        t.foldl(
            new ArrayList<>(),
            (k, v, acc) -> {
              acc.add(k + "=" + v);
              return acc;
            });
    List<String> listKeys = t.toList().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    assertEquals(listKeys, leftKeys, "toList and foldl share the traversal order");
    RuntimeException boom = new RuntimeException("folder failed");
    assertSame(
        boom,
        assertThrows(
            RuntimeException.class,
            () ->
                t.foldl(
                    0,
                    (k, v, acc) -> {
                      throw boom;
                    })));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.foldl(0, null));
    assertEquals(expected, contents(t));
  }

  @ParameterizedTest
  @TypesAndModes
  void nullKeysAndValuesAreRejectedNamingTheTable(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    t.insert("a", 1);
    String n = t.name();
    assertFailsNaming(BadArgumentException.class, n, () -> t.insert(null, 1));
    assertFailsNaming(BadArgumentException.class, n, () -> t.insert("b", null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.insertNew(null, 1));
    assertFailsNaming(BadArgumentException.class, n, () -> t.insertNew("b", null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.lookup(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.member(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.delete(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.deleteObject(null, 1));
    assertFailsNaming(BadArgumentException.class, n, () -> t.deleteObject("a", null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.take(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.next(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.prev(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.nextLookup(null));
    assertFailsNaming(BadArgumentException.class, n, () -> t.prevLookup(null));
    BadArgumentException ex =
        assertFailsNaming(BadArgumentException.class, n, () -> t.insert(null, 1));
    assertTrue(ex.getMessage().contains("key"), ex.getMessage());
    ex = assertFailsNaming(BadArgumentException.class, n, () -> t.insert("b", null));
    assertTrue(ex.getMessage().contains("value"), ex.getMessage());
    assertEquals(List.of(Map.entry("a", 1)), t.toList(), "failed operations changed nothing");
  }

  /**
   * How many locks a new table of the tables under test has in {@code mode}, as {@link
   * TableInfo#lockStripes()}.
   */
  protected abstract int expectedLockStripes(WriteConcurrency mode);

  @ParameterizedTest
  @TypesAndModes
  void infoReportsEveryField(TableType type, WriteConcurrency mode) {
    Table<String, Integer> t = tables.table(type, mode);
    for (int i = 0; i < 50; i++) {
      t.insert("k" + i, i);
    }
    TableInfo info = t.info();
    assertEquals(t.name(), info.name());
    assertFalse(info.named());
    assertEquals(type, info.type());
    assertEquals(type, t.type());
    assertEquals(Access.PROTECTED, info.access());
    assertSame(Owner.current(), info.owner());
    assertSame(Owner.current(), t.owner());
    assertEquals(Optional.empty(), info.heir());
    assertFalse(info.readConcurrency());
    assertEquals(mode, info.writeConcurrency());
    assertEquals(mode == WriteConcurrency.AUTO, info.decentralizedCounters());
    assertEquals(
        expectedLockStripes(mode), info.lockStripes(), "lock stripes of a new table in " + mode);
    assertEquals(50, info.size());
    assertTrue(info.memoryBytes() > 0);
    assertFalse(info.fixed());
    for (int i = 50; i < 5000; i++) {
      t.insert("k" + i, i);
    }
    assertTrue(t.info().memoryBytes() > info.memoryBytes(), "memory grows with the table");
  }
}
