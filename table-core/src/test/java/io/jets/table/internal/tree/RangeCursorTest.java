package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cursor behind an ordered map view's iteration ({@link RangeCursor}) returns what the walk of
 * a select returns: checked against a TreeMap over random ranges, in both directions, across bases,
 * and, while a writer splits and merges the leaves it reads, every stable key once and in order.
 */
class RangeCursorTest {

  /** The keys a cursor returns for a range, to the end. */
  private static List<Integer> drain(RangeCursor cursor) {
    List<Integer> keys = new ArrayList<>();
    while (cursor.next()) {
      keys.add((Integer) cursor.key());
    }
    assertFalse(cursor.next(), "still at the end");
    return keys;
  }

  private static OrderedTable<Integer, Integer> table(String name, String mode) {
    return Tables.orderedSet(name + "-" + mode)
        .access(Access.PUBLIC)
        .writeConcurrency(WriteConcurrency.valueOf(mode))
        .<Integer, Integer>build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"OFF", "ON"})
  void aCursorReturnsTheKeysOfItsRangeAsATreeMapDoes(String mode) {
    Random random = new Random(mode.hashCode());
    for (int round = 0; round < 12; round++) {
      OrderedTable<Integer, Integer> table = table("cursor-model-" + round, mode);
      TreeMap<Integer, Integer> model = new TreeMap<>();
      int size = round == 0 ? 0 : random.nextInt(3_000);
      for (int i = 0; i < size; i++) {
        int key = random.nextInt(10_000);
        table.insert(key, -key);
        model.put(key, -key);
      }
      if (mode.equals("ON")) {
        // Several bases: a cursor crosses from one to the next at their bounds.
        for (int split = 0; split < 6; split++) {
          TreeTables.forceSplit(table, random.nextInt(10_000));
        }
      }
      TreeStore store = TreeTables.storeOf(table);
      for (int probe = 0; probe < 200; probe++) {
        Integer lo = random.nextInt(8) == 0 ? null : random.nextInt(10_200) - 100;
        Integer hi = random.nextInt(8) == 0 ? null : random.nextInt(10_200) - 100;
        if (lo != null && hi != null && lo > hi) {
          Integer t = lo;
          lo = hi;
          hi = t;
        }
        boolean loIn = random.nextBoolean();
        boolean hiIn = random.nextBoolean();
        var spec =
            MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, loIn, hi, hiIn)).returnTrue();
        TreeMap<Integer, Integer> expected = new TreeMap<>();
        for (var e : model.entrySet()) {
          int k = e.getKey();
          if ((lo == null || k > lo || (loIn && k == lo))
              && (hi == null || k < hi || (hiIn && k == hi))) {
            expected.put(k, e.getValue());
          }
        }
        String what = "[" + lo + (loIn ? "=" : "") + ", " + hi + (hiIn ? "=" : "") + "]";
        assertEquals(
            new ArrayList<>(expected.keySet()),
            drain(store.cursor(spec, false)),
            "ascending " + what);
        assertEquals(
            new ArrayList<>(expected.descendingKeySet()),
            drain(store.cursor(spec, true)),
            "descending " + what);
      }
      table.delete();
    }
  }

  /**
   * Map-view iteration (keys ascending and descending, whole and ranged) while one writer makes the
   * leaves it reads split and merge: every stable key once, in order, and no key twice.
   */
  @ParameterizedTest
  @ValueSource(strings = {"OFF", "ON"})
  void iterationMeetsEveryStableKeyOnceWhileLeavesSplitAndMerge(String mode) throws Exception {
    int end = 4 * LeafTreeTest.STABLE;
    LeafTreeTest.walkWhileGapsFill(
        "cursor-walks-" + mode,
        mode,
        table -> {
          NavigableSet<Integer> all = table.asNavigableMap().navigableKeySet();
          NavigableSet<Integer> part = all.subSet(100, true, end - 100, false);
          LeafTreeTest.checkWalk(new ArrayList<>(all), 0, end, false);
          LeafTreeTest.checkWalk(new ArrayList<>(all.descendingSet()), 0, end, true);
          LeafTreeTest.checkWalk(new ArrayList<>(part), 100, end - 100, false);
          LeafTreeTest.checkWalk(new ArrayList<>(part.descendingSet()), 100, end - 100, true);
        });
  }
}
