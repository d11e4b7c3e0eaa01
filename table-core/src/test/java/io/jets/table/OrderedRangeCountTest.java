package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.TreeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code selectCount} over a bare key range on an {@code ordered_set}, counted from leaf lengths,
 * against a {@link TreeMap} model: every bound kind, empty and inverted ranges, every write mode,
 * with and without readConcurrency, across many bases (split by hand, as contention would).
 */
class OrderedRangeCountTest {

  private static long modelCount(
      TreeMap<Integer, Integer> model, Integer lo, boolean loIn, Integer hi, boolean hiIn) {
    if (lo != null && hi != null && (lo > hi || (lo.equals(hi) && !(loIn && hiIn)))) {
      return 0;
    }
    var view = model;
    if (lo != null && hi != null) {
      return view.subMap(lo, loIn, hi, hiIn).size();
    }
    if (lo != null) {
      return view.tailMap(lo, loIn).size();
    }
    if (hi != null) {
      return view.headMap(hi, hiIn).size();
    }
    return view.size();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aBareRangeIsCountedExactly(WriteConcurrency mode) {
    for (boolean readConcurrency : new boolean[] {false, true}) {
      OrderedTable<Integer, Integer> table =
          Tables.<Integer, Integer>orderedSet("count-" + mode + "-" + readConcurrency)
              .writeConcurrency(mode)
              .readConcurrency(readConcurrency)
              .build();
      TreeMap<Integer, Integer> model = new TreeMap<>();
      SplittableRandom random =
          new SplittableRandom(mode.ordinal() * 2L + (readConcurrency ? 1 : 0));
      for (int round = 0; round < 200; round++) {
        for (int i = 0; i < 50; i++) {
          int key = random.nextInt(2_000);
          if (random.nextInt(4) == 0) {
            table.delete(key);
            model.remove(key);
          } else {
            table.insert(key, i);
            model.put(key, i);
          }
        }
        if (round % 10 == 0) {
          List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            int key = random.nextInt(2_000);
            batch.add(Map.entry(key, -i));
          }
          table.insertAll(batch);
          batch.forEach(e -> model.put(e.getKey(), e.getValue()));
        }
        if (round % 5 == 0) {
          TreeTables.forceSplit(table, random.nextInt(2_000)); // more bases: more count steps
        }
        Integer lo = random.nextInt(8) == 0 ? null : random.nextInt(2_100) - 50;
        Integer hi = random.nextInt(8) == 0 ? null : random.nextInt(2_100) - 50;
        boolean loIn = random.nextBoolean();
        boolean hiIn = random.nextBoolean();
        long counted =
            table.selectCount(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, loIn, hi, hiIn))
                    .returnTrue());
        assertEquals(
            modelCount(model, lo, loIn, hi, hiIn),
            counted,
            "range " + (loIn ? "[" : "(") + lo + ", " + hi + (hiIn ? "]" : ")"));
        // The same range with a guard that passes everything is scanned: the same count.
        long scanned =
            table.selectCount(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, loIn, hi, hiIn))
                    .guard((k, v) -> true)
                    .returnTrue());
        assertEquals(counted, scanned, "counted vs scanned");
      }
      assertEquals(
          model.size(), table.selectCount(MatchSpec.<Integer, Integer>anyKey().returnTrue()));
      if (mode != WriteConcurrency.OFF) {
        assertTrue(table.info().lockStripes() > 10, "bases: " + table.info().lockStripes());
      }
      table.delete();
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void rangesEndingAtEveryKeyAreCountedExactly(WriteConcurrency mode) {
    // Every key is a candidate separator of some inner node: ends placed on each key, inclusive
    // and exclusive, reach the case where an end falls exactly between two children. Under a
    // comparator and under natural order (whose inner nodes compare Integer values).
    for (boolean natural : new boolean[] {true, false}) {
      OrderedTableBuilder<Integer, Integer> builder =
          Tables.<Integer, Integer>orderedSet("count-ends-" + mode + "-" + natural)
              .writeConcurrency(mode);
      OrderedTable<Integer, Integer> table =
          (natural ? builder : builder.<Integer>comparator(Integer::compare)).build();
      TreeMap<Integer, Integer> model = new TreeMap<>();
      SplittableRandom random = new SplittableRandom(7 + mode.ordinal());
      for (int i = 0; i < 4_000; i++) {
        int key = random.nextInt(12_000);
        table.insert(key, i);
        model.put(key, i);
      }
      if (mode != WriteConcurrency.OFF) {
        for (int i = 0; i < 5; i++) {
          TreeTables.forceSplit(table, random.nextInt(12_000));
        }
      }
      List<Integer> keys = new ArrayList<>(model.keySet());
      for (int end : keys) {
        int start = keys.get(random.nextInt(keys.size()));
        int lo = Math.min(start, end);
        int hi = Math.max(start, end);
        for (int bounds = 0; bounds < 4; bounds++) {
          boolean loIn = (bounds & 1) == 0;
          boolean hiIn = (bounds & 2) == 0;
          assertEquals(
              modelCount(model, lo, loIn, hi, hiIn),
              table.selectCount(
                  MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, loIn, hi, hiIn))
                      .returnTrue()),
              "range " + (loIn ? "[" : "(") + lo + ", " + hi + (hiIn ? "]" : ")"));
        }
      }
      table.delete();
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aBoundTheTableCannotOrderIsABadArgumentNamingTheTable(WriteConcurrency mode) {
    OrderedTable<Object, Integer> table =
        Tables.<Object, Integer>orderedSet("count-bad-" + mode).writeConcurrency(mode).build();
    table.insert(1, 1);
    BadArgumentException e =
        assertThrows(
            BadArgumentException.class,
            () ->
                table.selectCount(
                    MatchSpec.<Object, Integer>where(KeyPattern.range("a", true, "z", true))
                        .returnTrue()));
    assertEquals(true, e.getMessage().contains("count-bad-" + mode), e.getMessage());
    assertEquals(1, table.size());
    table.delete();
  }
}
