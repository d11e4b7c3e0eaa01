package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** BAG and DUPLICATE_BAG: insertion order, equal-object suppression, lookupElement and count. */
class BagTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static BagTable<String, String> bag(TableType type, WriteConcurrency mode) {
    return assertInstanceOf(BagTable.class, new HeapTableFactory().table(type, mode));
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void insertionOrderIsKeptPerKey(TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String v = "v" + (199 - i); // deliberately not in natural order
      t.insert(i % 2 == 0 ? "a" : "b", v);
      (i % 2 == 0 ? a : b).add(v);
    }
    assertEquals(a, t.lookup("a"));
    assertEquals(b, t.lookup("b"));
    t.insertAll(List.of(Map.entry("a", "z2"), Map.entry("b", "z1"), Map.entry("a", "z0")));
    a.add("z2");
    a.add("z0");
    b.add("z1");
    assertEquals(a, t.lookup("a"), "insertAll keeps the order of its list");
    assertEquals(b, t.lookup("b"));
    assertEquals(a, t.take("a"));
    assertEquals(b.size(), t.count("b"));
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void objectReadsReturnOneObjectPerValueInOrder(TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    t.insert("k", "b");
    t.insert("k", "a");
    List<Map.Entry<String, String>> both = List.of(Map.entry("k", "b"), Map.entry("k", "a"));
    assertEquals(both, t.lookupObjects("k"));
    assertEquals(both, t.takeObjects("k"));
    assertEquals(List.of(), t.lookupObjects("k"));
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void equalObjectsAreSuppressedOnlyInABag(TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    t.insert("k", "x");
    t.insert("k", new String("x")); // equal, not identical
    t.insertAll(List.of(Map.entry("k", "y"), Map.entry("k", "x"), Map.entry("k", "y")));
    List<String> expected =
        type == TableType.BAG ? List.of("x", "y") : List.of("x", "x", "y", "x", "y");
    assertEquals(expected, t.lookup("k"));
    assertEquals(expected.size(), t.count("k"));
    assertEquals(expected.size(), t.size());
    t.insert("other", "x");
    assertEquals(
        List.of("x"),
        t.lookup("other"),
        "equal objects under different keys are different objects");
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void deleteObjectRemovesEveryEqualCopyAndKeepsTheRestInOrder(
      TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    for (String v : List.of("a", "b", "a", "c", "a", "d")) {
      t.insert("k", v);
    }
    t.deleteObject("k", "a");
    assertEquals(List.of("b", "c", "d"), t.lookup("k"));
    assertEquals(3, t.size());
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void lookupElementMapsEveryObjectInOrder(TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    t.insert("k", "one");
    t.insert("k", "three");
    t.insert("k", "two");
    assertEquals(List.of(3, 5, 3), t.lookupElement("k", String::length));
    MissingKeyException ex =
        assertFailsNaming(
            MissingKeyException.class, t.name(), () -> t.lookupElement("none", String::length));
    assertEquals("none", ex.key());
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.lookupElement("k", null));
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.lookupElement(null, String::length));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.count(null));
    RuntimeException boom = new RuntimeException("element failed");
    assertEquals(
        boom,
        assertThrows(
            RuntimeException.class,
            () ->
                t.lookupElement(
                    "k",
                    v -> {
                      throw boom;
                    })));
    assertEquals(0, t.count("none"));
    assertEquals(3, t.count("k"));
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void insertNewAllWithAPresentKeyInsertsNothing(TableType type, WriteConcurrency mode) {
    BagTable<String, String> t = bag(type, mode);
    t.insert("k", "x");
    assertEquals(false, t.insertNewAll(List.of(Map.entry("n", "1"), Map.entry("k", "y"))));
    assertEquals(false, t.insertNew("k", "y"), "a bag key that has objects is not new");
    assertEquals(List.of("x"), t.lookup("k"));
    assertEquals(List.of(), t.lookup("n"));
    assertEquals(1, t.size());
  }

  /**
   * Regression: selectReplace on a duplicate bag replaced, for each matched object, the first of
   * the key's objects equal to it, which could be one this same call had just written.
   */
  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void selectReplaceOnADuplicateBagReplacesEachMatchedObjectInItsPlace(WriteConcurrency mode) {
    BagTable<String, String> t = bag(TableType.DUPLICATE_BAG, mode);
    t.insert("k", "a");
    t.insert("k", "b");
    t.insert("k", "a");
    var swap = MatchSpec.<String, String>anyKey().replaceValue((k, v) -> v.equals("a") ? "b" : "a");
    assertEquals(3, t.selectReplace(swap));
    assertEquals(List.of("b", "a", "b"), t.lookup("k"));
    assertEquals(3, t.selectReplace(swap));
    assertEquals(List.of("a", "b", "a"), t.lookup("k"));
  }
}
