package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.Page;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.WrongTableTypeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;

/** Every select variant on each type of the tables under test in every write-concurrency mode. */
public abstract class AbstractSelectTest extends SharedTableTest {

  private static final Comparator<Map.Entry<Integer, String>> BY_KEY_THEN_VALUE =
      Map.Entry.<Integer, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

  private static boolean isBag(TableType type) {
    return type == TableType.BAG || type == TableType.DUPLICATE_BAG;
  }

  /** Keys 0..19 with value "v<k>"; bags also hold "w<k>" under even keys. */
  private Table<Integer, String> filled(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table =
        tables
            .builder(type, Fixtures.unique("select-" + type + "-" + mode))
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    for (int k = 0; k < 20; k++) {
      table.insert(k, "v" + k);
      if (isBag(type) && k % 2 == 0) {
        table.insert(k, "w" + k);
      }
    }
    return table;
  }

  private static List<Map.Entry<Integer, String>> sorted(List<Map.Entry<Integer, String>> objects) {
    List<Map.Entry<Integer, String>> copy = new ArrayList<>(objects);
    copy.sort(BY_KEY_THEN_VALUE);
    return copy;
  }

  private static Object serialized(Object object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError("serializing " + object, e);
    }
  }

  private static <R> List<R> drain(Page<R> page) {
    List<R> all = new ArrayList<>(page.results());
    while (page.hasNext()) {
      page = page.next();
      all.addAll(page.results());
    }
    return all;
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void resultListsAreUnmodifiableAndChangeNothing(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    List<Map.Entry<Integer, String>> before = table.toList();
    List<List<?>> results =
        List.of(
            table.select(MatchSpec.<Integer, String>anyKey().returnValue()),
            table.select(
                MatchSpec.<Integer, String>where(KeyPattern.range(3, true, 9, false)).returnKey()),
            table.selectReverse(
                MatchSpec.<Integer, String>where(KeyPattern.range(3, true, 9, false))
                    .guard((k, v) -> k % 2 == 0)
                    .returnKey()),
            table.matchObject(KeyPattern.any(), v -> true),
            table.match(KeyPattern.range(0, true, 40, true), v -> v.startsWith("v")));
    for (List<?> result : results) {
      assertTrue(result.size() >= 3, "a result of several objects: " + result);
      @SuppressWarnings("unchecked")
      List<Object> raw = (List<Object>) result;
      Object first = raw.get(0);
      assertThrows(UnsupportedOperationException.class, () -> raw.add(first));
      assertThrows(UnsupportedOperationException.class, () -> raw.set(0, first));
      assertThrows(UnsupportedOperationException.class, () -> raw.remove(0));
      assertThrows(UnsupportedOperationException.class, raw::clear);
      assertThrows(IndexOutOfBoundsException.class, () -> raw.get(raw.size()));
      assertEquals(new ArrayList<>(raw), List.of(raw.toArray()), "toArray is the list");
      Iterator<Object> it = raw.iterator();
      List<Object> iterated = new ArrayList<>();
      while (it.hasNext()) {
        iterated.add(it.next());
      }
      assertEquals(raw.size(), iterated.size(), "the iterator returns every result");
      for (int i = 0; i < raw.size(); i++) {
        assertEquals(raw.get(i), iterated.get(i), "the iterator returns result " + i + " in place");
      }
      assertThrows(NoSuchElementException.class, it::next, "past the end");
      Iterator<Object> removing = raw.iterator();
      removing.next();
      assertThrows(UnsupportedOperationException.class, removing::remove);
      if (raw.stream().allMatch(r -> r instanceof java.io.Serializable)) { // keys and values
        assertEquals(raw, serialized(raw), "serializes as the same list");
      }
    }
    assertEquals(before, table.toList(), "the table is unchanged");
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void selectSelectReverseAndSelectCount(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    var all = MatchSpec.<Integer, String>anyKey().returnObject();
    assertEquals(table.toList(), table.select(all));
    List<Map.Entry<Integer, String>> reversed = table.selectReverse(all);
    if (type == TableType.ORDERED_SET) {
      List<Map.Entry<Integer, String>> expected = new ArrayList<>(table.toList());
      java.util.Collections.reverse(expected);
      assertEquals(expected, reversed);
    } else {
      assertEquals(table.select(all), reversed);
    }
    var over15 = MatchSpec.<Integer, String>anyKey().guard((k, v) -> k > 15).returnValue();
    List<String> values = new ArrayList<>(table.select(over15));
    values.sort(null);
    assertEquals(
        isBag(type)
            ? List.of("v16", "v17", "v18", "v19", "w16", "w18")
            : List.of("v16", "v17", "v18", "v19"),
        values);
    // Exact key: a lookup on hash tables, a one-key range on ordered ones.
    assertEquals(
        table.lookup(4),
        table.select(MatchSpec.<Integer, String>where(KeyPattern.exact(4)).returnValue()));
    // selectCount counts the objects mapped to exactly TRUE; the first matching clause decides.
    var evenNotCounted =
        MatchSpec.<Integer, String>anyKey()
            .guard((k, v) -> k % 2 == 0)
            .returnFalse()
            .orWhere(KeyPattern.any())
            .returnConstant(true);
    assertEquals(10, table.selectCount(evenNotCounted));
    assertEquals(table.size(), table.selectCount(MatchSpec.<Integer, String>anyKey().returnTrue()));
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void selectDeleteAndMatchDeleteRemoveWhatTheSpecMapsToTrue(
      TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    long before = table.size();
    var lowKeys = MatchSpec.<Integer, String>where(KeyPattern.range(0, 5)).returnTrue();
    long expected = table.selectCount(lowKeys);
    assertEquals(expected, table.selectDelete(lowKeys));
    assertEquals(before - expected, table.size());
    assertTrue(
        table
            .select(MatchSpec.<Integer, String>where(KeyPattern.range(0, 5)).returnKey())
            .isEmpty());
    long removed = table.matchDelete(KeyPattern.any(), v -> v.startsWith("w"));
    assertEquals(isBag(type) ? 7 : 0, removed); // w6, w8, ..., w18
    assertEquals(15, table.size());
    var failing =
        MatchSpec.<Integer, String>anyKey()
            .returnResult(
                (k, v) -> {
                  if (k == 10) {
                    throw new IllegalStateException("no");
                  }
                  return Boolean.TRUE;
                });
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> table.selectDelete(failing));
    assertTrue(
        e.getMessage().startsWith("table '" + table.name() + "': selectDelete: "), e.getMessage());
    assertEquals(15, table.size()); // the first pass failed: nothing deleted
    table.delete();
  }

  /**
   * A result equal to {@code TRUE} counts and deletes whatever its instance: {@code Boolean} is a
   * value-based class, and a deserialized one (Boolean has no readResolve) is not {@code
   * Boolean.TRUE} itself, but a spec that returns it still maps the object to {@code TRUE}.
   */
  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void aResultEqualToTrueCountsAndDeletesWhateverItsInstance(
      TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    Boolean copyOfTrue = (Boolean) serialized(Boolean.TRUE);
    assertTrue(copyOfTrue && copyOfTrue != Boolean.TRUE, "a distinct instance equal to TRUE");
    var lowKeys = MatchSpec.<Integer, String>where(KeyPattern.range(0, 5)).returnTrue();
    long low = table.selectCount(lowKeys);
    var lowKeysCopy =
        MatchSpec.<Integer, String>where(KeyPattern.range(0, 5)).returnResult((k, v) -> copyOfTrue);
    var anyLowCopy =
        MatchSpec.<Integer, String>anyKey().returnResult((k, v) -> k < 5 ? copyOfTrue : false);
    assertEquals(low, table.selectCount(lowKeysCopy));
    assertEquals(low, table.selectCount(anyLowCopy));
    long before = table.size();
    assertEquals(low, table.selectDelete(anyLowCopy));
    assertEquals(before - low, table.size());
    assertEquals(0, table.selectCount(lowKeys));
    long removed = table.matchDelete(KeyPattern.range(5, 10), v -> copyOfTrue);
    assertEquals(isBag(type) ? 7 : 5, removed);
    assertEquals(before - low - removed, table.size());
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void selectReplaceKeepsKeysOrChangesNothing(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    List<Map.Entry<Integer, String>> before = sorted(table.toList());
    var upper =
        MatchSpec.<Integer, String>where(KeyPattern.range(0, 5))
            .replaceValue((k, v) -> v.toUpperCase());
    var moveKey =
        MatchSpec.<Integer, String>anyKey()
            .returnResult((k, v) -> Map.entry(k == 19 ? 99 : k, v + "!"));
    if (type == TableType.BAG) {
      assertThrows(WrongTableTypeException.class, () -> table.selectReplace(upper));
      assertEquals(before, sorted(table.toList()));
      table.delete();
      return;
    }
    if (type == TableType.DUPLICATE_BAG) {
      assertEquals(8, table.selectReplace(upper), "v0..v4 and w0, w2, w4, one object at a time");
      assertEquals(List.of("V0", "W0"), table.lookup(0), "each in its place");
      assertEquals(List.of("V1"), table.lookup(1));
      table.insert(30, "x");
      table.insert(30, "y");
      table.insert(30, "x");
      var xToZ =
          MatchSpec.<Integer, String>where(KeyPattern.exact(30))
              .guard((k, v) -> v.equals("x"))
              .replaceValue((k, v) -> "z");
      assertEquals(2, table.selectReplace(xToZ), "both duplicates");
      assertEquals(List.of("z", "y", "z"), table.lookup(30));
      List<Map.Entry<Integer, String>> kept = sorted(table.toList());
      assertThrows(BadArgumentException.class, () -> table.selectReplace(moveKey));
      assertEquals(kept, sorted(table.toList()));
      table.delete();
      return;
    }
    assertEquals(5, table.selectReplace(upper));
    assertEquals(
        List.of("V0", "V1", "V2", "V3", "V4"),
        table
            .select(MatchSpec.<Integer, String>where(KeyPattern.range(0, 5)).returnValue())
            .stream()
            .sorted()
            .toList());
    List<Map.Entry<Integer, String>> afterUpper = sorted(table.toList());
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> table.selectReplace(moveKey));
    assertTrue(
        e.getMessage().contains("key 19") && e.getMessage().contains("nothing was replaced"),
        e.getMessage());
    assertEquals(afterUpper, sorted(table.toList())); // checked before any object changed
    // Compare-and-set: a replacement whose object changed meanwhile is skipped, not lost.
    var bump =
        MatchSpec.<Integer, String>where(KeyPattern.exact(7)).replaceValue((k, v) -> v + "+");
    assertEquals(1, table.selectReplace(bump));
    assertEquals(1, table.selectReplace(bump));
    assertEquals(List.of("v7++"), table.lookup(7));
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void matchAndMatchObject(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    assertEquals(sorted(table.toList()), sorted(table.matchObject(KeyPattern.any(), v -> true)));
    assertEquals(
        isBag(type) ? List.of("v2", "w2") : List.of("v2"),
        table.match(KeyPattern.exact(2), v -> true).stream().sorted().toList());
    assertEquals(
        List.of(Map.entry(3, "v3")),
        table.matchObject(KeyPattern.range(3, true, 3, true), v -> v.startsWith("v")));
    assertEquals(
        drain(table.matchObject(KeyPattern.any(), v -> true, 4)),
        table.matchObject(KeyPattern.any(), v -> true));
    assertEquals(
        drain(table.match(KeyPattern.any(), v -> true, 4)),
        table.match(KeyPattern.any(), v -> true));
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void chunksHoldExactlyTheLimitUntilTheLast(TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    var all = MatchSpec.<Integer, String>anyKey().returnObject();
    for (int limit : new int[] {1, 3, 7, 30, 100}) {
      for (boolean reverse : new boolean[] {false, true}) {
        Page<Map.Entry<Integer, String>> page =
            reverse ? table.selectReverse(all, limit) : table.select(all, limit);
        List<Map.Entry<Integer, String>> collected = new ArrayList<>(page.results());
        while (page.hasNext()) {
          assertEquals(limit, page.results().size(), "every chunk but the last is full");
          page = page.next();
          collected.addAll(page.results());
        }
        assertTrue(page.results().size() <= limit);
        Page<Map.Entry<Integer, String>> last = page;
        assertThrows(NoSuchElementException.class, last::next);
        assertEquals(
            reverse ? table.selectReverse(all) : table.select(all), collected, "limit " + limit);
      }
    }
    if (type == TableType.ORDERED_SET) {
      assertEquals(
          List.of(19, 18, 17),
          table.selectReverse(MatchSpec.<Integer, String>anyKey().returnKey(), 3).results());
    }
    BadArgumentException badLimit =
        assertThrows(BadArgumentException.class, () -> table.select(all, 0));
    assertTrue(badLimit.getMessage().contains("limit 0"), badLimit.getMessage());
    table.deleteAllObjects();
    Page<Map.Entry<Integer, String>> empty = table.select(all, 5);
    assertTrue(empty.results().isEmpty());
    assertFalse(empty.hasNext());
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void aChunkNeverReturnsAnObjectDeletedBeforeItWasRequested(
      TableType type, WriteConcurrency mode) {
    Table<Integer, String> table = filled(type, mode);
    var keys = MatchSpec.<Integer, String>anyKey().returnKey(); // one result per object
    Page<Integer> first = table.select(keys, 3);
    Set<Integer> returned = new HashSet<>(first.results());
    for (int k = 0; k < 20; k++) {
      if (!returned.contains(k)) {
        table.delete(k);
      }
    }
    List<Integer> later = new ArrayList<>();
    for (Page<Integer> page = first; page.hasNext(); ) {
      page = page.next();
      later.addAll(page.results());
    }
    for (Integer k : later) {
      // Only the rest of a key the first chunk partly returned (a bag's objects, from one read).
      assertTrue(returned.contains(k), "key " + k + " was deleted before its chunk: " + later);
    }
    table.delete();
  }

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG})
  void continuationsSurviveRenameAndFailOnceTheTableIsDeleted(
      TableType type, WriteConcurrency mode) {
    String name = "cont-" + type + "-" + mode;
    Table<Integer, String> table =
        tables.builder(type, name).named().access(Access.PUBLIC).writeConcurrency(mode).build();
    for (int k = 0; k < 10; k++) {
      table.insert(k, "v" + k);
    }
    var keys = MatchSpec.<Integer, String>anyKey().returnKey();
    Page<Integer> first = table.select(keys, 4);
    table.rename(name + "-renamed");
    Page<Integer> second = first.next();
    assertEquals(4, second.results().size());
    Page<Integer> third = second.next();
    assertEquals(2, third.results().size());
    assertFalse(third.hasNext());
    List<Integer> all = new ArrayList<>(first.results());
    all.addAll(second.results());
    all.addAll(third.results());
    assertEquals(table.select(keys), all);

    Page<Integer> pending = table.select(keys, 3);
    table.delete();
    Table<Integer, String> successor = Tables.set(name + "-renamed").named().build();
    successor.insert(1, "other");
    assertThrows(TableDeletedException.class, pending::next);
    assertThrows(TableDeletedException.class, () -> table.select(keys));
    successor.delete();
  }
}
