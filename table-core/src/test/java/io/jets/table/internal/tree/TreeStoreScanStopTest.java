package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store's own contract for a visitor that takes objects one at a time (the defaults {@code
 * Store.Visitor.visitRun} and {@code visitRunReversed}): a walk hands it each leaf as a run, in
 * either direction, and it still visits every object in order and stops exactly at the object whose
 * visit returned false.
 */
class TreeStoreScanStopTest {

  @Test
  void aPlainVisitorStopsAtTheObjectWhoseVisitReturnedFalse() {
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      OrderedTable<Integer, Integer> table =
          Tables.orderedSet("store-stop-" + mode)
              .access(Access.PUBLIC)
              .writeConcurrency(mode)
              .<Integer, Integer>build();
      for (int i = 0; i < 500; i++) {
        table.insert(i, i);
      }
      TreeTables.forceSplit(table, 250);
      TreeStore store = TreeTables.storeOf(table);
      var range = MatchSpec.<Integer, Integer>where(KeyPattern.range(10, 400)).returnKey();
      for (int stopAt : new int[] {1, 5, 15, 16, 240, 241, 390}) {
        List<Object> keys = new ArrayList<>();
        boolean ended =
            store.scan(
                range,
                false,
                false,
                null,
                objects -> {
                  keys.add(objects.key);
                  return keys.size() < stopAt;
                });
        assertFalse(ended, mode + " stop " + stopAt);
        assertEquals(stopAt, keys.size(), mode + " stop " + stopAt);
        assertEquals(10 + stopAt - 1, keys.get(keys.size() - 1), mode + " last key");
      }
      List<Object> all = new ArrayList<>();
      assertTrue(store.scan(range, false, false, null, objects -> all.add(objects.key)));
      assertEquals(390, all.size());
      // Reversed: each leaf handed over as a run last to first (Store.Visitor.visitRunReversed).
      for (int stopAt : new int[] {1, 5, 15, 16, 149, 150, 151, 390}) {
        List<Object> keys = new ArrayList<>();
        boolean ended =
            store.scan(
                range,
                true,
                false,
                null,
                objects -> {
                  keys.add(objects.key);
                  return keys.size() < stopAt;
                });
        assertFalse(ended, mode + " reversed, stop " + stopAt);
        assertEquals(stopAt, keys.size(), mode + " reversed, stop " + stopAt);
        assertEquals(399 - stopAt + 1, keys.get(keys.size() - 1), mode + " reversed, last key");
      }
      List<Object> reversed = new ArrayList<>();
      assertTrue(store.scan(range, true, false, null, objects -> reversed.add(objects.key)));
      assertEquals(all.reversed(), reversed);
      table.delete();
    }
  }
}
