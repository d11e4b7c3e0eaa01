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
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key range with a guard on an {@code ordered_set}: the walk applies the range, and each object
 * in it still meets the clause's guard and result as ETS runs them. A guard that throws fails its
 * clause for that object only; a result function that throws or returns null fails the call, named
 * by the table. Checked against a {@link TreeMap} model over ranges that span many leaves and
 * bases, in both directions, for select, selectCount, the limited select, selectDelete and
 * selectReplace, in every write mode.
 */
class OrderedGuardedRangeTest {

  /** Keeps multiples of three; throws on multiples of seven (which then never match). */
  private static final BiPredicate<Integer, Integer> GUARD =
      (key, value) -> {
        if (key % 7 == 0) {
          throw new IllegalStateException("guard fails on " + key);
        }
        return value % 3 == 0;
      };

  private static boolean kept(int key, int value) {
    return key % 7 != 0 && value % 3 == 0;
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aGuardedRangeSelectsAndCountsWhatTheModelDoes(WriteConcurrency mode) {
    for (boolean readConcurrency : new boolean[] {false, true}) {
      OrderedTable<Integer, Integer> table =
          Tables.<Integer, Integer>orderedSet("guarded-" + mode + "-" + readConcurrency)
              .writeConcurrency(mode)
              .readConcurrency(readConcurrency)
              .build();
      TreeMap<Integer, Integer> model = new TreeMap<>();
      SplittableRandom random =
          new SplittableRandom(31L * mode.ordinal() + (readConcurrency ? 1 : 0));
      for (int round = 0; round < 60; round++) {
        List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          batch.add(Map.entry(random.nextInt(1_000), random.nextInt(100)));
        }
        table.insertAll(batch);
        batch.forEach(e -> model.put(e.getKey(), e.getValue()));
        for (int i = 0; i < 10; i++) {
          int key = random.nextInt(1_000);
          table.delete(key);
          model.remove(key);
        }
        if (round % 6 == 0) {
          TreeTables.forceSplit(table, random.nextInt(1_000));
        }
        int lo = random.nextInt(1_000);
        int hi = lo + random.nextInt(300);
        MatchSpec<Integer, Integer, Integer> keys =
            MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, true, hi, false))
                .guard(GUARD)
                .returnKey();
        List<Integer> expected = new ArrayList<>();
        model
            .subMap(lo, true, hi, false)
            .forEach(
                (k, v) -> {
                  if (kept(k, v)) {
                    expected.add(k);
                  }
                });
        String where = mode + " rc=" + readConcurrency + " [" + lo + ", " + hi + ")";
        assertEquals(expected, table.select(keys), "select " + where);
        assertEquals(expected.reversed(), table.selectReverse(keys), "selectReverse " + where);
        assertEquals(
            expected.size(),
            table.selectCount(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, true, hi, false))
                    .guard(GUARD)
                    .returnTrue()),
            "selectCount " + where);
        List<Integer> paged = new ArrayList<>();
        Page<Integer> page = table.select(keys, 7);
        paged.addAll(page.results());
        while (page.hasNext()) {
          page = page.next();
          paged.addAll(page.results());
        }
        assertEquals(expected, paged, "select with a limit " + where);
      }
      table.delete();
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aGuardedRangeDeletesAndReplacesWhatTheModelDoes(WriteConcurrency mode) {
    OrderedTable<Integer, Integer> table =
        Tables.<Integer, Integer>orderedSet("guarded-writes-" + mode)
            .writeConcurrency(mode)
            .build();
    TreeMap<Integer, Integer> model = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(17L * mode.ordinal());
    for (int round = 0; round < 40; round++) {
      for (int i = 0; i < 60; i++) {
        int key = random.nextInt(1_000);
        int value = random.nextInt(100);
        table.insert(key, value);
        model.put(key, value);
      }
      if (round % 5 == 0) {
        TreeTables.forceSplit(table, random.nextInt(1_000));
      }
      int lo = random.nextInt(1_000);
      int hi = lo + random.nextInt(300);
      String where = mode + " [" + lo + ", " + hi + ")";
      var range = model.subMap(lo, true, hi, false);
      long expected = range.entrySet().stream().filter(e -> kept(e.getKey(), e.getValue())).count();
      if (random.nextBoolean()) {
        long deleted =
            table.selectDelete(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, true, hi, false))
                    .guard(GUARD)
                    .returnTrue());
        range.entrySet().removeIf(e -> kept(e.getKey(), e.getValue()));
        assertEquals(expected, deleted, "selectDelete " + where);
      } else {
        long replaced =
            table.selectReplace(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(lo, true, hi, false))
                    .guard(GUARD)
                    .replaceValue((key, value) -> value + 1));
        range.replaceAll((k, v) -> kept(k, v) ? v + 1 : v);
        assertEquals(expected, replaced, "selectReplace " + where);
      }
      assertEquals(new ArrayList<>(model.entrySet()), table.toList(), "contents after " + where);
    }
    table.delete();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aGuardedRangeWhoseResultFailsIsAnErrorNamingTheTable(WriteConcurrency mode) {
    OrderedTable<Integer, Integer> table =
        Tables.<Integer, Integer>orderedSet("guarded-result-" + mode)
            .writeConcurrency(mode)
            .build();
    for (int key = 0; key < 200; key++) {
      table.insert(key, key);
    }
    MatchSpec<Integer, Integer, Integer> failsAt150 =
        MatchSpec.<Integer, Integer>where(KeyPattern.range(10, true, 190, false))
            .guard((key, value) -> key % 2 == 0)
            .returnResult(
                (key, value) -> {
                  if (key == 150) {
                    throw new ArithmeticException("boom");
                  }
                  return value;
                });
    BadArgumentException failed =
        assertThrows(BadArgumentException.class, () -> table.select(failsAt150));
    assertTrue(failed.getMessage().contains(table.name()), failed.getMessage());
    assertTrue(failed.getMessage().contains("150"), failed.getMessage());
    MatchSpec<Integer, Integer, Integer> nullAt40 =
        MatchSpec.<Integer, Integer>where(KeyPattern.range(10, true, 190, false))
            .guard((key, value) -> key % 2 == 0)
            .returnResult((key, value) -> key == 40 ? null : value);
    BadArgumentException nulled =
        assertThrows(BadArgumentException.class, () -> table.select(nullAt40));
    assertTrue(nulled.getMessage().contains(table.name()), nulled.getMessage());
    assertEquals(200, table.size(), "a failed select changes nothing");
    table.delete();
  }
}
