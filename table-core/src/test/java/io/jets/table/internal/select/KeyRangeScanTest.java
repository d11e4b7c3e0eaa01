package io.jets.table.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.tree.TreeTables;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A bound key pattern makes a select visit only its key range (ordered) or one key (hash). */
class KeyRangeScanTest {

  private static int visited(
      SelectableTable<?, ?> table, MatchSpec<?, ?, ?> spec, boolean reverse) {
    int[] count = {0};
    table.scan(
        spec,
        reverse,
        false,
        null,
        (k, v) -> {
          count[0]++;
          return true;
        });
    return count[0];
  }

  @Test
  void orderedScansVisitOnlyTheBoundRangeInEveryMode() {
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      OrderedTable<String, Integer> table =
          (OrderedTable<String, Integer>)
              Tables.orderedSet("scan-" + mode)
                  .access(Access.PUBLIC)
                  .writeConcurrency(mode)
                  .<String, Integer>build();
      for (int i = 0; i < 1_000; i++) {
        table.insert(String.format("k%04d", i), i);
      }
      for (int i = 0; i < 30; i++) {
        TreeTables.forceSplit(table, String.format("k%04d", i * 33));
      }
      var range = MatchSpec.<String, Integer>where(KeyPattern.range("k0100", "k0200")).returnKey();
      assertEquals(100, visited((SelectableTable<?, ?>) table, range, false));
      assertEquals(100, visited((SelectableTable<?, ?>) table, range, true));
      assertEquals(100, table.select(range).size());
      var closed =
          MatchSpec.<String, Integer>where(KeyPattern.range("k0100", false, "k0200", true))
              .returnKey();
      assertEquals(100, visited((SelectableTable<?, ?>) table, closed, false));
      assertEquals("k0101", table.select(closed).get(0));
      assertEquals("k0200", table.selectReverse(closed).get(0));
      var exact = MatchSpec.<String, Integer>where(KeyPattern.exact("k0500")).returnValue();
      assertEquals(1, visited((SelectableTable<?, ?>) table, exact, false));
      var prefix = MatchSpec.<String, Integer>where(KeyPattern.prefix("k03")).returnKey();
      assertEquals(100, visited((SelectableTable<?, ?>) table, prefix, false));
      assertEquals(100, visited((SelectableTable<?, ?>) table, prefix, true));
      var twoClauses =
          MatchSpec.<String, Integer>where(KeyPattern.exact("k0010"))
              .returnKey()
              .orWhere(KeyPattern.range("k0020", "k0030"))
              .returnResult((k, v) -> k);
      assertEquals(
          20, visited((SelectableTable<?, ?>) table, twoClauses, false)); // the hull [k0010, k0030)
      assertEquals(11, table.select(twoClauses).size());
      var any = MatchSpec.<String, Integer>anyKey().returnKey();
      assertEquals(1_000, visited((SelectableTable<?, ?>) table, any, false));
      table.delete();
    }
  }

  /**
   * A scan stops at the object whose visit returned false, wherever it falls in a leaf's run (its
   * first, its middle, its last, the next leaf's first) and on either side of a base boundary, and
   * reports that it was stopped; a scan that is not stopped reports the end.
   */
  @Test
  void anOrderedScanStopsAtTheVisitThatReturnsFalse() {
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      OrderedTable<Integer, Integer> table =
          (OrderedTable<Integer, Integer>)
              Tables.orderedSet("scan-stop-" + mode)
                  .access(Access.PUBLIC)
                  .writeConcurrency(mode)
                  .<Integer, Integer>build();
      for (int i = 0; i < 1_000; i++) {
        table.insert(i, i); // in key order: full leaves of 15
      }
      for (int i = 1; i < 10; i++) {
        TreeTables.forceSplit(table, i * 97);
      }
      var all = MatchSpec.<Integer, Integer>anyKey().returnKey();
      var range = MatchSpec.<Integer, Integer>where(KeyPattern.range(100, 900)).returnKey();
      for (var spec : java.util.List.of(all, range)) {
        for (boolean reverse : new boolean[] {false, true}) {
          for (int stopAt : new int[] {1, 2, 7, 14, 15, 16, 30, 31, 97, 100, 333}) {
            int[] count = {0};
            boolean ended =
                ((SelectableTable<Integer, Integer>) table)
                    .scan(spec, reverse, false, null, (k, v) -> ++count[0] < stopAt);
            String where = mode + " " + spec + (reverse ? " reversed" : "") + " stop " + stopAt;
            assertEquals(stopAt, count[0], where);
            assertEquals(false, ended, where);
          }
          assertEquals(
              true,
              ((SelectableTable<Integer, Integer>) table)
                  .scan(spec, reverse, false, null, (k, v) -> true));
        }
      }
      table.delete();
    }
  }

  @Test
  void aCountingComparatorShowsARangeSelectDoesNotTouchTheRestOfTheTable() {
    AtomicInteger comparisons = new AtomicInteger();
    Comparator<Integer> counting =
        (a, b) -> {
          comparisons.incrementAndGet();
          return Integer.compare(a, b);
        };
    OrderedTable<Integer, Integer> table =
        (OrderedTable<Integer, Integer>)
            Tables.orderedSet("scan-counting").comparator(counting).<Integer, Integer>build();
    for (int i = 0; i < 100_000; i++) {
      table.insert(i, i);
    }
    comparisons.set(0);
    assertEquals(
        10,
        table
            .select(MatchSpec.<Integer, Integer>where(KeyPattern.range(500, 510)).returnKey())
            .size());
    // A full scan would compare each of the 100 000 keys at least once.
    assertEquals(true, comparisons.get() < 500, "comparisons: " + comparisons.get());
    table.delete();
  }

  @Test
  void hashScanOfExactKeysIsOneLookupPerKey() {
    SetTable<Integer, Integer> set = Tables.set("scan-hash").build();
    for (int i = 0; i < 1_000; i++) {
      set.insert(i, i);
    }
    var exact =
        MatchSpec.<Integer, Integer>where(KeyPattern.exact(7))
            .returnValue()
            .orWhere(KeyPattern.exact(9))
            .returnResult((k, v) -> v);
    assertEquals(2, visited((SelectableTable<?, ?>) set, exact, false));
    assertEquals(java.util.List.of(7, 9), set.select(exact));
    assertEquals(
        1_000, visited((SelectableTable<?, ?>) set, MatchSpec.anyKey().returnKey(), false));
    set.delete();
  }
}
