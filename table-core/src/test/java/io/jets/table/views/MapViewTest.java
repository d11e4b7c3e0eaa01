package io.jets.table.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/** asMap honours the table's access mode, owner lifecycle and key order. */
class MapViewTest {

  @Test
  void aProtectedTablesViewReadsForEveryoneAndWritesForItsOwnerOnly() {
    try (OwnerScope owner = OwnerScope.open("owner")) {
      SetTable<String, Integer> table;
      try (Owner.Binding bound = owner.bind()) {
        table = Tables.<String, Integer>set(Fixtures.unique("protected")).build();
        assertNull(table.asMap().put("a", 1));
        assertEquals(1, table.asMap().put("a", 2));
      }
      ConcurrentMap<String, Integer> view = table.asMap();
      assertEquals(Map.of("a", 2), view);
      assertThrows(AccessDeniedException.class, () -> view.put("b", 3));
      assertThrows(AccessDeniedException.class, () -> view.remove("a"));
      assertThrows(AccessDeniedException.class, view::clear);
      assertEquals(Map.of("a", 2), Map.copyOf(table.asMap()), "unchanged");
    }
  }

  @Test
  void theViewOfADeletedTableThrowsTableDeleted() {
    SetTable<String, Integer> table = Tables.<String, Integer>set(Fixtures.unique("gone")).build();
    ConcurrentMap<String, Integer> view = table.asMap();
    view.put("a", 1);
    table.delete();
    assertThrows(TableDeletedException.class, () -> view.get("a"));
    assertThrows(TableDeletedException.class, () -> view.put("a", 2));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void anOrderedTablesViewIteratesInKeyOrderAndRefusesKeysItCannotOrder() {
    OrderedTable<Integer, String> table =
        Tables.<Integer, String>orderedSet(Fixtures.unique("ordered")).build();
    ConcurrentMap<Integer, String> view = table.asMap();
    for (int k : new int[] {5, 1, 3}) {
      view.put(k, "v" + k);
    }
    assertEquals(List.of(1, 3, 5), new ArrayList<>(view.keySet()));
    Map raw = view;
    assertThrows(ClassCastException.class, () -> raw.get("not an integer"));
    assertThrows(ClassCastException.class, () -> raw.put("not an integer", "x"));
    assertEquals(3, view.size(), "unchanged");
    table.delete();
  }

  @Test
  void iteratorRemoveDeletesTheKeyAndWritesThroughEntries() {
    SetTable<String, Integer> table = Tables.<String, Integer>set(Fixtures.unique("iter")).build();
    ConcurrentMap<String, Integer> view = table.asMap();
    view.put("a", 1);
    view.put("b", 2);
    var it = view.entrySet().iterator();
    Map.Entry<String, Integer> first = it.next();
    first.setValue(10);
    assertEquals(10, table.get(first.getKey()));
    it.remove();
    assertTrue(table.lookup(first.getKey()).isEmpty());
    assertEquals(1, table.size());
    table.delete();
  }

  @Test
  void aRangeViewOfAnOrderedTableSeesAndTakesOnlyItsRange() {
    OrderedTable<Integer, String> table =
        Tables.<Integer, String>orderedSet(Fixtures.unique("range")).build();
    var all = table.asNavigableMap();
    for (int k = 0; k < 10; k++) {
      all.put(k, "v" + k);
    }
    var middle = all.subMap(3, true, 7, false);
    assertEquals(List.of(3, 4, 5, 6), new ArrayList<>(middle.keySet()));
    assertEquals(List.of(6, 5, 4, 3), new ArrayList<>(middle.descendingMap().keySet()));
    assertThrows(IllegalArgumentException.class, () -> middle.put(8, "out of range"));
    assertEquals(Map.entry(3, "v3"), middle.pollFirstEntry());
    assertTrue(table.lookup(3).isEmpty(), "the poll deleted it from the table");
    middle.clear();
    assertEquals(List.of(0, 1, 2, 7, 8, 9), new ArrayList<>(all.keySet()));
    table.delete();
  }

  @Test
  void replaceAndPutIfAbsentAreAtomicPerKeyUnderConcurrentWriters() throws Exception {
    SetTable<String, Integer> table =
        Tables.<String, Integer>set(Fixtures.unique("atomic"))
            .access(io.jets.table.Access.PUBLIC)
            .writeConcurrency(io.jets.table.WriteConcurrency.ON)
            .build();
    ConcurrentMap<String, Integer> view = table.asMap();
    int threads = 4;
    int increments = 5_000;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.atomic.AtomicInteger firstPuts =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    if (view.putIfAbsent("n", 0) == null) {
                      firstPuts.incrementAndGet();
                    }
                    for (int i = 0; i < increments; i++) {
                      Integer seen;
                      do {
                        seen = view.get("n");
                      } while (!view.replace("n", seen, seen + 1)); // a lost update would show
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    assertEquals(1, firstPuts.get(), "exactly one putIfAbsent found the key absent");
    assertEquals(threads * increments, table.get("n"), "no replace was lost");
    table.delete();
  }

  /**
   * A compute, merge or computeIfAbsent function that throws reaches the caller as thrown and
   * changes nothing (SetTable#asMap, package documentation "Failures"), on an ordered table's views
   * too: a BadArgumentException the function meets (here from another table it calls) is not
   * reported as a ClassCastException, as though the key could not be ordered.
   */
  @Test
  void aFunctionsBadArgumentReachesTheCallerAsThrownFromAnOrderedTablesViews() {
    OrderedTable<Integer, String> table =
        Tables.<Integer, String>orderedSet(Fixtures.unique("ordered")).build();
    SetTable<String, String> other = Tables.<String, String>set(Fixtures.unique("other")).build();
    other.insert("word", "not a counter");
    table.insert(1, "one");
    for (ConcurrentMap<Integer, String> view : List.of(table.asMap(), table.asNavigableMap())) {
      List<Runnable> calls =
          List.of(
              () -> view.compute(1, (k, v) -> v + other.updateCounter("word", 1)),
              () -> view.computeIfPresent(1, (k, v) -> v + other.updateCounter("word", 1)),
              () -> view.merge(1, "x", (a, b) -> a + other.updateCounter("word", 1)),
              () -> view.computeIfAbsent(2, k -> "v" + other.updateCounter("word", 1)));
      for (Runnable call : calls) {
        BadArgumentException thrown = assertThrows(BadArgumentException.class, call::run);
        assertEquals(other.name(), thrown.tableName(), "the function's own exception");
      }
      assertEquals(Map.of(1, "one"), Map.copyOf(view), "unchanged");
    }
    table.delete();
    other.delete();
  }
}
