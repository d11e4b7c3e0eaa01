package io.jets.table.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.OrderedTable;
import io.jets.table.TableDeletedException;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import org.junit.jupiter.api.Test;

/**
 * An ordered map view's iterators walk the table's leaves (one descent, then a cursor): each step
 * still checks the table, removal goes through the view, and values and range sizes come from the
 * same range.
 */
class OrderedMapIterationTest {

  private static OrderedTable<Integer, String> filled(String name, Access access) {
    OrderedTable<Integer, String> table =
        Tables.<Integer, String>orderedSet(Fixtures.unique(name)).access(access).build();
    for (int k = 0; k < 200; k++) {
      table.insert(k, "v" + k);
    }
    return table;
  }

  @Test
  void anIteratorOfADeletedTableThrowsAtItsNextStep() {
    OrderedTable<Integer, String> table = filled("deleted-walk", Access.PUBLIC);
    Iterator<Integer> keys = table.asNavigableMap().keySet().iterator();
    assertEquals(0, keys.next());
    assertEquals(1, keys.next());
    table.delete();
    assertThrows(TableDeletedException.class, keys::hasNext);
  }

  @Test
  void aPrivateTablesViewIteratesForItsOwnerOnly() {
    try (OwnerScope owner = OwnerScope.open("owner")) {
      OrderedTable<Integer, String> table;
      List<Integer> seen = new ArrayList<>();
      try (Owner.Binding bound = owner.bind()) {
        table = filled("private-walk", Access.PRIVATE);
        table.asNavigableMap().headMap(3).keySet().forEach(seen::add);
      }
      assertEquals(List.of(0, 1, 2), seen);
      ConcurrentNavigableMap<Integer, String> view = table.asNavigableMap();
      assertThrows(AccessDeniedException.class, () -> view.keySet().iterator());
      assertThrows(AccessDeniedException.class, () -> view.values().iterator());
    }
  }

  @Test
  void removeThroughARangeIteratorDeletesFromTheTable() {
    OrderedTable<Integer, String> table = filled("remove-walk", Access.PUBLIC);
    ConcurrentNavigableMap<Integer, String> range = table.asNavigableMap().subMap(50, 150);
    for (Iterator<Map.Entry<Integer, String>> it = range.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, String> e = it.next();
      assertEquals("v" + e.getKey(), e.getValue());
      if (e.getKey() % 2 == 0) {
        it.remove();
      }
    }
    assertEquals(150, table.size());
    assertEquals(50, range.size());
    assertTrue(range.keySet().stream().allMatch(k -> k % 2 == 1));
    Iterator<String> down = range.descendingMap().values().iterator();
    assertEquals(List.of("v149", "v147", "v145"), List.of(down.next(), down.next(), down.next()));
    table.delete();
  }

  @Test
  void valuesAndRangeSizesFollowTheRangeInTheViewsDirection() {
    OrderedTable<Integer, String> table = filled("values-walk", Access.PUBLIC);
    ConcurrentNavigableMap<Integer, String> view = table.asNavigableMap();
    List<String> expected = new ArrayList<>();
    for (int k = 120; k > 10; k--) {
      expected.add("v" + k);
    }
    ConcurrentNavigableMap<Integer, String> range =
        view.descendingMap().subMap(120, true, 10, false);
    assertEquals(expected, new ArrayList<>(range.values()));
    assertEquals(110, range.size());
    assertEquals(110, range.values().size());
    assertTrue(range.containsValue("v120"));
    assertTrue(range.values().contains("v11"));
    assertFalse(range.containsValue("v10"), "outside the range");
    assertTrue(view.containsValue("v10"));
    assertEquals(0, view.subMap(500, 600).size());
    assertEquals(200, view.size());
    table.delete();
  }
}
