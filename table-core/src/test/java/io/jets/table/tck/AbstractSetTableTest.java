package io.jets.table.tck;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.MissingKeyException;
import io.jets.table.SetTable;
import io.jets.table.WriteConcurrency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SET-only operations of the tables under test: get, lookupElement, updateCounter and update, in
 * every mode.
 */
public abstract class AbstractSetTableTest extends SharedTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private <V> SetTable<String, V> set(WriteConcurrency mode) {
    return tables.set(Fixtures.unique("set")).writeConcurrency(mode).build();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void getAndGetOrDefault(WriteConcurrency mode) {
    SetTable<String, Integer> t = set(mode);
    assertNull(t.get("a"));
    assertEquals(9, t.getOrDefault("a", 9));
    t.insert("a", 1);
    assertEquals(1, t.get("a"));
    assertEquals(1, t.getOrDefault("a", 9));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.get(null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.getOrDefault(null, 1));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void lookupElementWithAndWithoutDefault(WriteConcurrency mode) {
    SetTable<String, String> t = set(mode);
    t.insert("a", "hello");
    assertEquals(5, t.lookupElement("a", String::length));
    assertEquals(5, t.lookupElement("a", String::length, -1));
    assertEquals(-1, t.lookupElement("b", String::length, -1));
    assertNull(t.lookupElement("b", String::length, null));
    MissingKeyException ex =
        assertFailsNaming(
            MissingKeyException.class, t.name(), () -> t.lookupElement("b", String::length));
    assertEquals("b", ex.key());
    assertTrue(ex.getMessage().contains("b"));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.lookupElement("a", null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.lookupElement("a", null, 0));
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.lookupElement(null, String::length));
  }

  // ---- updateCounter ----

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterIncrementsAndDecrements(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    t.insert("c", 10L);
    assertEquals(11, t.updateCounter("c", 1));
    assertEquals(6, t.updateCounter("c", -5));
    assertEquals(6, t.updateCounter("c", 0));
    assertEquals(6L, t.get("c"));
    assertInstanceOf(Long.class, t.get("c"));
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterOnMissingKeyFailsAndInsertsNothing(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    MissingKeyException ex =
        assertFailsNaming(MissingKeyException.class, t.name(), () -> t.updateCounter("c", 1));
    assertEquals("c", ex.key());
    assertFailsNaming(MissingKeyException.class, t.name(), () -> t.updateCounter("c", 1, 10, 0));
    assertFailsNaming(
        MissingKeyException.class,
        t.name(),
        () -> t.updateCounter("c", List.of(CounterOp.increment(1))));
    assertFalse(t.member("c"));
    assertEquals(0, t.size());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterThresholdUpwards(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    t.insert("c", 5L);
    assertEquals(12, t.updateCounter("c", 7, 12, 0), "reaching the threshold is not passing it");
    assertEquals(0, t.updateCounter("c", 1 + 12, 12, 0), "passing it stores the set value");
    assertEquals(0L, t.get("c"));
    assertEquals(99, t.updateCounter("c", 0, -1, 99), "increment 0 counts as upwards");
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterWithThresholdAndDefaultIsOneStep(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    assertEquals(0, t.updateCounter("c", 5, 10, 0, 8L), "absent: 8 + 5 passes 10, stores 0");
    assertEquals(0L, t.get("c"));
    assertEquals(3, t.updateCounter("c", 3, 10, 0, 100L), "present: the default is not used");
    assertEquals(3L, t.get("c"));
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.updateCounter("d", 1, 10, 0, null));
    assertFalse(t.member("d"), "refused, nothing stored");
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterThresholdDownwards(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    t.insert("c", 5L);
    assertEquals(0, t.updateCounter("c", -5, 0, 100), "reaching the threshold is not passing it");
    assertEquals(100, t.updateCounter("c", -1, 0, 100), "going below stores the set value");
    assertEquals(100L, t.get("c"));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterWithThresholdNeverOverflows(WriteConcurrency mode) {
    // ETS counters are unbounded: a sum past the threshold stores the set value even when it
    // would not fit in a long. The threshold is itself a long, so the set value always applies.
    SetTable<String, Long> t = set(mode);
    t.insert("up", Long.MAX_VALUE - 1);
    t.insert("down", Long.MIN_VALUE + 1);
    assertEquals(7, t.updateCounter("up", 10, 100, 7));
    assertEquals(-7, t.updateCounter("down", -10, -100, -7));
    assertEquals(7L, t.get("up"));
    assertEquals(-7L, t.get("down"));
    assertEquals(3, CounterOp.increment(Long.MAX_VALUE, Long.MAX_VALUE, 3).apply(1));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterWithDefaultObject(WriteConcurrency mode) {
    SetTable<String, Number> t = set(mode);
    assertEquals(15, t.updateCounter("c", 5, 10L));
    assertEquals(15L, t.get("c"));
    assertEquals(16, t.updateCounter("c", 1, 1000L), "the default is ignored when the key exists");
    assertEquals(3, t.updateCounter("i", 2, 1));
    assertInstanceOf(Integer.class, t.get("i"), "an Integer default stays an Integer");
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.updateCounter("d", 1, Integer.MAX_VALUE));
    assertFalse(t.member("d"), "an Integer default that would overflow is not inserted");
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.updateCounter("d", 1, (Number) null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("d", 1, 1.5));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("c", 1, 1.5));
    assertFalse(t.member("d"));
    assertEquals(16L, t.get("c"));
    assertEquals(2, t.size());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void integerCounterKeepsItsTypeAndRejectsOverflow(WriteConcurrency mode) {
    SetTable<String, Integer> t = set(mode);
    t.insert("i", Integer.MAX_VALUE - 1);
    assertEquals(Integer.MAX_VALUE, t.updateCounter("i", 1));
    assertInstanceOf(Integer.class, t.get("i"));
    BadArgumentException ex =
        assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("i", 1));
    assertTrue(ex.getMessage().contains("i"));
    assertEquals(Integer.MAX_VALUE, t.get("i"), "unchanged after the rejected overflow");
    t.insert("n", Integer.MIN_VALUE);
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("n", -1));
    assertEquals(Integer.MIN_VALUE, t.get("n"));
    assertEquals(0, t.updateCounter("i", 1, Integer.MAX_VALUE, 0), "a threshold keeps it in range");
    assertInstanceOf(Integer.class, t.get("i"));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void longCounterRejectsOverflow(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    t.insert("l", Long.MAX_VALUE);
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("l", 1));
    assertEquals(Long.MAX_VALUE, t.get("l"));
    t.insert("m", Long.MIN_VALUE);
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("m", -1));
    assertEquals(Long.MIN_VALUE, t.get("m"));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void nonNumericCounterIsRejected(WriteConcurrency mode) {
    SetTable<String, Object> t = set(mode);
    t.insert("s", "text");
    t.insert("d", 1.5);
    for (String key : List.of("s", "d")) {
      BadArgumentException ex =
          assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter(key, 1));
      assertTrue(ex.getMessage().contains("counter"), ex.getMessage());
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter(key, 1, 5, 0));
      assertFailsNaming(
          BadArgumentException.class,
          t.name(),
          () -> t.updateCounter(key, List.of(CounterOp.increment(1))));
    }
    assertEquals("text", t.get("s"));
    assertEquals(1.5, t.get("d"));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterListAppliesInOrderAndReturnsEachStep(WriteConcurrency mode) {
    SetTable<String, Long> t = set(mode);
    t.insert("c", 5L);
    long[] results =
        t.updateCounter(
            "c",
            List.of(
                CounterOp.increment(1),
                CounterOp.increment(10, 10, 0),
                CounterOp.increment(-3),
                CounterOp.increment(-10, -5, 42)));
    assertArrayEquals(new long[] {6, 0, -3, 42}, results);
    assertEquals(42L, t.get("c"));
    assertArrayEquals(new long[0], t.updateCounter("c", List.of()));
    assertEquals(42L, t.get("c"), "an empty list changes nothing");
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateCounterListIsAllOrNothing(WriteConcurrency mode) {
    SetTable<String, Number> t = set(mode);
    t.insert("c", 5L);
    t.insert("i", 5);
    assertFailsNaming(
        BadArgumentException.class,
        t.name(),
        () ->
            t.updateCounter(
                "c", List.of(CounterOp.increment(1), CounterOp.increment(Long.MAX_VALUE))));
    assertEquals(5L, t.get("c"), "a failing step leaves the value unchanged");
    assertFailsNaming(
        BadArgumentException.class,
        t.name(),
        () ->
            t.updateCounter(
                "i", List.of(CounterOp.increment(1), CounterOp.increment(Integer.MAX_VALUE))));
    assertEquals(5, t.get("i"));
    assertInstanceOf(Integer.class, t.get("i"));
    assertArrayEquals(
        new long[] {6, 7},
        t.updateCounter("i", List.of(CounterOp.increment(1), CounterOp.increment(1))));
    assertInstanceOf(Integer.class, t.get("i"));
    assertFailsNaming(
        BadArgumentException.class, t.name(), () -> t.updateCounter("c", (List<CounterOp>) null));
    java.util.ArrayList<CounterOp> withNull = new java.util.ArrayList<>();
    withNull.add(CounterOp.increment(1));
    withNull.add(null);
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter("c", withNull));
    assertEquals(5L, t.get("c"));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.updateCounter(null, 1));
  }

  // ---- update by function ----

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateAppliesTheFunctionToAPresentKey(WriteConcurrency mode) {
    SetTable<String, String> t = set(mode);
    assertFalse(t.update("a", v -> v + "!"));
    assertFalse(t.member("a"), "an absent key is not inserted");
    t.insert("a", "x");
    assertTrue(t.update("a", v -> v + "!"));
    assertEquals("x!", t.get("a"));
    assertEquals(1, t.size());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateWithDefault(WriteConcurrency mode) {
    SetTable<String, String> t = set(mode);
    assertEquals("d!", t.update("a", v -> v + "!", "d"));
    assertEquals("d!", t.get("a"));
    assertEquals("d!!", t.update("a", v -> v + "!", "ignored"));
    assertEquals("d!!", t.get("a"));
    assertEquals(1, t.size());
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.update("b", v -> v, null));
    assertFalse(t.member("b"));
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void updateReturningNullOrThrowingLeavesTheTableUnchanged(WriteConcurrency mode) {
    SetTable<String, String> t = set(mode);
    t.insert("a", "x");
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.update("a", v -> null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.update("b", v -> null, "d"));
    IllegalStateException boom = new IllegalStateException("function failed");
    assertSame(
        boom,
        assertThrows(
            IllegalStateException.class,
            () ->
                t.update(
                    "a",
                    v -> {
                      throw boom;
                    })));
    assertSame(
        boom,
        assertThrows(
            IllegalStateException.class,
            () ->
                t.update(
                    "b",
                    v -> {
                      throw boom;
                    },
                    "d")));
    assertEquals(List.of(Map.entry("a", "x")), t.toList());
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.update("a", null));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.update(null, v -> v));
    // the lock was released after each failure: writes still work
    t.insert("a", "y");
    assertTrue(t.update("a", v -> v + "1"));
    assertEquals("y1", t.get("a"));
  }
}
