package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * A stored value whose {@code equals} throws, met midway through a key's objects, changes nothing
   * and reaches the caller as thrown (package documentation, "Failures"): {@code deleteObject}
   * keeps every object of the key, the one compared equal before the throw too; in a bag (which
   * compares a new object with the key's) {@code insert} adds nothing and {@code insertAll}, all or
   * nothing, inserts none of its objects, not even those staged before the throw.
   */
  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#bagTypesAndModes")
  void aValueWhoseEqualsThrowsChangesNothing(TableType type, WriteConcurrency mode) {
    BagTable<String, Object> t =
        assertInstanceOf(BagTable.class, new HeapTableFactory().table(type, mode));
    TouchyValue touchy = new TouchyValue();
    t.insert("k", "x");
    t.insert("k", touchy);
    t.insert("k", "y");
    List<Object> before = List.of("x", touchy, "y");
    touchy.armed = true;
    assertSame(
        touchy.failure, assertThrows(IllegalStateException.class, () -> t.deleteObject("k", "x")));
    assertEquals(before, t.lookup("k"));
    if (type == TableType.BAG) {
      assertSame(
          touchy.failure, assertThrows(IllegalStateException.class, () -> t.insert("k", "z")));
      assertEquals(before, t.lookup("k"));
      List<Map.Entry<String, Object>> batch = List.of(Map.entry("a", "1"), Map.entry("k", "z"));
      assertSame(
          touchy.failure, assertThrows(IllegalStateException.class, () -> t.insertAll(batch)));
      // New keys only, the batch's second object under "b" compared with its first:
      List<Map.Entry<String, Object>> fresh =
          List.of(Map.entry("a", "1"), Map.entry("b", touchy), Map.entry("b", "z"));
      assertSame(
          touchy.failure, assertThrows(IllegalStateException.class, () -> t.insertNewAll(fresh)));
      assertEquals(List.of(), t.lookup("a"), "nothing of the batches was kept");
      assertEquals(List.of(), t.lookup("b"));
      assertEquals(before, t.lookup("k"));
    }
    assertEquals(3, t.size());
    touchy.armed = false;
    assertTrue(t.deleteObject("k", "x"));
    assertEquals(List.of(touchy, "y"), t.lookup("k"));
  }

  /** A value whose {@code equals} throws while armed. */
  private static final class TouchyValue {
    final IllegalStateException failure = new IllegalStateException("equals refused");
    volatile boolean armed;

    @Override
    public boolean equals(Object other) {
      if (armed) {
        throw failure;
      }
      return this == other;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}
