package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ORDERED_SET semantics: key order, comparator equality, neighbours, slot, folds, bad keys. */
class OrderedTableTest {

  private static OrderedTable<Integer, String> numbers(WriteConcurrency mode, int... keys) {
    OrderedTable<Integer, String> table =
        Tables.orderedSet("numbers-" + mode).access(Access.PUBLIC).writeConcurrency(mode).build();
    for (int key : keys) {
      table.insert(key, "v" + key);
    }
    return table;
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void traversalIsInKeyOrderAndNeighboursOfAbsentKeysAreFound(WriteConcurrency mode) {
    OrderedTable<Integer, String> table = numbers(mode, 50, 10, 40, 20, 30);
    assertEquals(TableType.ORDERED_SET, table.type());
    assertEquals(
        List.of(10, 20, 30, 40, 50), table.toList().stream().map(Map.Entry::getKey).toList());
    assertEquals(10, table.first());
    assertEquals(50, table.last());
    assertEquals(20, table.next(10));
    assertEquals(30, table.next(25)); // absent key: its successor
    assertEquals(20, table.prev(25)); // absent key: its predecessor
    assertNull(table.next(50));
    assertNull(table.prev(10));
    assertEquals(10, table.next(-100));
    assertEquals(50, table.prev(1_000));
    assertEquals(Map.entry(30, List.of("v30")), table.nextLookup(20));
    assertEquals(Map.entry(40, List.of("v40")), table.prevLookup(45));
    assertEquals(Map.entry(10, List.of("v10")), table.firstLookup());
    assertEquals(Map.entry(50, List.of("v50")), table.lastLookup());
    List<Integer> left =
        table.foldl(
            new ArrayList<>(),
            (k, v, acc) -> {
              acc.add(k);
              return acc;
            });
    List<Integer> right =
        table.foldr(
            new ArrayList<>(),
            (k, v, acc) -> {
              acc.add(k);
              return acc;
            });
    assertEquals(List.of(10, 20, 30, 40, 50), left);
    assertEquals(List.of(50, 40, 30, 20, 10), right);
    table.delete();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void slotIsTheIthObjectThenEndOfTableThenBadArgument(WriteConcurrency mode) {
    OrderedTable<Integer, String> table = numbers(mode, 3, 1, 2);
    assertEquals(List.of(Map.entry(1, "v1")), table.slot(0));
    assertEquals(List.of(Map.entry(3, "v3")), table.slot(2));
    assertNull(table.slot(3));
    BadArgumentException further =
        assertThrows(BadArgumentException.class, () -> table.slot(1_000));
    assertTrue(further.getMessage().contains("1000"), further.getMessage());
    BadArgumentException negative = assertThrows(BadArgumentException.class, () -> table.slot(-1));
    assertTrue(
        negative.getMessage().startsWith("table '" + table.name() + "': slot: "),
        negative.getMessage());
    table.delete();
  }

  @Test
  void keysThatCompareEqualAreTheSameKeyAndTheLastInsertedKeyIsKept() {
    OrderedTable<String, Integer> table =
        Tables.orderedSet("case-insensitive").comparator(String.CASE_INSENSITIVE_ORDER).build();
    assertSame(String.CASE_INSENSITIVE_ORDER, table.comparator());
    table.insert("Alice", 1);
    table.insert("ALICE", 2);
    assertEquals(1, table.size());
    assertEquals(2, table.get("alice"));
    assertEquals(List.of(Map.entry("ALICE", 2)), table.toList());
    assertFalse(table.insertNew("aLiCe", 3));
    assertTrue(table.member("alice"));
    assertEquals(List.of(2), table.take("Alice"));
    assertEquals(0, table.size());
    table.delete();
  }

  @Test
  void objectReadsTellWhichOfTwoEqualComparingKeysIsStored() {
    Comparator<Number> byValue = Comparator.comparingDouble(Number::doubleValue);
    OrderedTable<Number, String> table = Tables.orderedSet("numbers").comparator(byValue).build();
    table.insert(1.0, "one");
    assertEquals(List.of("one"), table.lookup(1), "1 and 1.0 are one key");
    assertEquals(List.of(Map.entry(1.0, "one")), table.lookupObjects(1), "the stored key is 1.0");
    assertEquals(List.of(), table.lookupObjects(2));
    assertEquals(List.of(Map.entry(1.0, "one")), table.takeObjects(1));
    assertEquals(0, table.size());
    assertEquals(List.of(), table.takeObjects(1));
    table.delete();
  }

  @Test
  void naturalOrderTableRejectsKeysItCannotOrderAndStaysUnchanged() {
    OrderedTable<Object, String> table = Tables.orderedSet("natural").build();
    assertNull(table.comparator());
    Object notComparable = new Object();
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> table.insert(notComparable, "x"));
    assertTrue(
        e.getMessage().startsWith("table 'natural': insert: key " + notComparable), e.getMessage());
    assertEquals(0, table.size());
    table.insert(1, "one");
    assertThrows(BadArgumentException.class, () -> table.insert("one", "x")); // String vs Integer
    assertThrows(BadArgumentException.class, () -> table.lookup("one"));
    assertThrows(
        BadArgumentException.class,
        () -> table.insertAll(List.of(Map.entry(2, "two"), Map.entry("three", "three"))));
    assertEquals(List.of(Map.entry(1, "one")), table.toList()); // nothing of the batch went in
    assertThrows(BadArgumentException.class, () -> table.insert(null, "x"));
    MatchSpec<Object, String, Object> wrongBound =
        MatchSpec.<Object, String>where(KeyPattern.range("a", "b")).returnKey();
    BadArgumentException bound =
        assertThrows(
            BadArgumentException.class,
            () ->
                table.selectCount(
                    MatchSpec.<Object, String>where(KeyPattern.range("a", "b")).returnTrue()));
    assertTrue(
        bound.getMessage().startsWith("table 'natural': selectCount: a key bound"),
        bound.getMessage());
    assertThrows(BadArgumentException.class, () -> table.select(wrongBound, 2));
    table.delete();
  }

  @Test
  void aComparatorThatThrowsIsReportedNamingTheKey() {
    Comparator<Integer> picky =
        (a, b) -> {
          if (a == 13 || b == 13) {
            throw new IllegalArgumentException("unlucky");
          }
          return Integer.compare(a, b);
        };
    OrderedTable<Integer, String> table = Tables.orderedSet("picky").comparator(picky).build();
    table.insert(1, "one");
    BadArgumentException e = assertThrows(BadArgumentException.class, () -> table.insert(13, "x"));
    assertTrue(e.getMessage().contains("key 13"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
    assertEquals(List.of(Map.entry(1, "one")), table.toList());
    table.delete();
  }

  /**
   * A batch with a key the order cannot place is bad input whatever else it holds: an insertNewAll
   * that meets a present key before it still throws (it returned false with one base and threw with
   * several), and the table is unchanged.
   */
  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aBatchWithAKeyTheOrderRejectsIsBadInputEvenAfterAPresentKey(WriteConcurrency mode) {
    Comparator<Integer> picky = // 13 compares with itself only
        (a, b) -> {
          if ((a == 13) != (b == 13)) {
            throw new IllegalArgumentException("unlucky");
          }
          return Integer.compare(a, b);
        };
    OrderedTable<Integer, String> table =
        Tables.orderedSet("picky-batch-" + mode).comparator(picky).writeConcurrency(mode).build();
    for (int key = 0; key < 500; key += 2) {
      table.insert(key, "even");
    }
    List<Map.Entry<Integer, String>> before = table.toList();
    List<Map.Entry<Integer, String>> batch = new ArrayList<>();
    batch.add(Map.entry(2, "present"));
    for (int key = 101; key < 400; key += 2) {
      batch.add(Map.entry(key, "odd"));
    }
    batch.add(Map.entry(13, "unlucky"));
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> table.insertNewAll(batch));
    assertTrue(e.getMessage().contains("picky-batch-" + mode), e.getMessage());
    assertThrows(BadArgumentException.class, () -> table.insertAll(batch));
    assertEquals(before, table.toList());
    assertEquals(before.size(), table.size());
    table.delete();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void setOperationsBehaveAsOnAHashSet(WriteConcurrency mode) {
    OrderedTable<String, Long> table =
        Tables.orderedSet("counters-" + mode).access(Access.PUBLIC).writeConcurrency(mode).build();
    assertEquals(1, table.updateCounter("hits", 1, 0L));
    assertEquals(11, table.updateCounter("hits", 10));
    assertEquals(0, table.updateCounter("hits", 100, 50, 0));
    assertEquals(
        List.of(5L, 3L),
        java.util.Arrays.stream(
                table.updateCounter(
                    "hits", List.of(CounterOp.increment(5), CounterOp.increment(-2))))
            .boxed()
            .toList());
    assertThrows(MissingKeyException.class, () -> table.updateCounter("missing", 1));
    assertTrue(table.update("hits", v -> v * 2));
    assertEquals(6L, table.get("hits"));
    assertFalse(table.update("nope", v -> v));
    assertEquals(7L, table.update("new", v -> v + 1, 6L));
    assertEquals(Long.valueOf(6L), table.<Long>lookupElement("hits", v -> v));
    assertEquals(Long.valueOf(-1L), table.<Long>lookupElement("absent", v -> v, -1L));
    assertThrows(MissingKeyException.class, () -> table.lookupElement("absent", v -> v));
    assertFalse(table.deleteObject("hits", 5L));
    assertTrue(table.deleteObject("hits", 6L));
    assertTrue(table.insertNewAll(List.of(Map.entry("a", 1L), Map.entry("b", 2L))));
    assertFalse(table.insertNewAll(List.of(Map.entry("c", 3L), Map.entry("a", 9L))));
    assertNull(table.get("c"));
    table.deleteAllObjects();
    assertEquals(0, table.size());
    assertNull(table.first());
    TableInfo info = table.info();
    assertEquals(TableType.ORDERED_SET, info.type());
    assertEquals(mode, info.writeConcurrency());
    assertEquals(1, info.lockStripes());
    table.delete();
    assertThrows(TableDeletedException.class, () -> table.get("a"));
    assertThrows(TableDeletedException.class, table::first);
  }

  @Test
  void decentralizedCountersDefaultOnForOrderedSetsWithWriteConcurrencyOn() {
    OrderedTable<Integer, Integer> on =
        Tables.orderedSet("dc-on")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    assertTrue(on.info().decentralizedCounters());
    on.delete();
  }
}
