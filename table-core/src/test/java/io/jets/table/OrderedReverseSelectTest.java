package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.internal.tree.TreeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reverse select of a key range takes each leaf's run at once, last to first: its values, its
 * keys, its objects or a computed result, and a limited reverse select stops inside a run and
 * resumes after it. Checked against a {@link TreeMap} model on leaves a writer changed in place
 * (keys inserted out of order, deleted and overwritten: slots out of key order, dead slots) and
 * across forced base splits, in every write mode, over ranges with either bound open or closed,
 * empty ones, single keys and ones that cross leaves and bases.
 */
class OrderedReverseSelectTest {

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aReverseRangeSelectReturnsWhatTheModelHoldsLastToFirst(WriteConcurrency mode) {
    OrderedTable<Integer, Integer> table =
        Tables.<Integer, Integer>orderedSet("reverse-" + mode).writeConcurrency(mode).build();
    TreeMap<Integer, Integer> model = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(17L + mode.ordinal());
    try {
      for (int round = 0; round < 80; round++) {
        for (int i = 0; i < 30; i++) { // out of key order: leaves filled in place
          int key = random.nextInt(2_000);
          int value = random.nextInt(1_000_000);
          table.insert(key, value);
          model.put(key, value);
        }
        for (int i = 0; i < 8; i++) {
          int key = random.nextInt(2_000);
          table.delete(key);
          model.remove(key);
        }
        if (round % 10 == 0) {
          TreeTables.forceSplit(table, random.nextInt(2_000));
        }
        for (int probe = 0; probe < 5; probe++) {
          int lo = random.nextInt(2_100) - 50;
          int hi = lo + (probe == 0 ? 0 : probe == 1 ? 1 : random.nextInt(700));
          boolean loInclusive = random.nextBoolean();
          boolean hiInclusive = random.nextBoolean();
          check(table, model, lo, loInclusive, hi, hiInclusive, mode + " round " + round);
        }
      }
    } finally {
      table.delete();
    }
  }

  private static void check(
      OrderedTable<Integer, Integer> table,
      TreeMap<Integer, Integer> model,
      int lo,
      boolean loInclusive,
      int hi,
      boolean hiInclusive,
      String round) {
    String where =
        round + " " + (loInclusive ? "[" : "(") + lo + ", " + hi + (hiInclusive ? "]" : ")");
    NavigableMap<Integer, Integer> expected =
        lo > hi || (lo == hi && !(loInclusive && hiInclusive))
            ? new TreeMap<>()
            : model.subMap(lo, loInclusive, hi, hiInclusive).descendingMap();
    KeyPattern<Integer> range = KeyPattern.range(lo, loInclusive, hi, hiInclusive);
    assertEquals(
        new ArrayList<>(expected.values()),
        table.selectReverse(MatchSpec.<Integer, Integer>where(range).returnValue()),
        "values " + where);
    assertEquals(
        new ArrayList<>(expected.keySet()),
        table.selectReverse(MatchSpec.<Integer, Integer>where(range).returnKey()),
        "keys " + where);
    assertEquals(
        new ArrayList<>(expected.entrySet()),
        table.selectReverse(MatchSpec.<Integer, Integer>where(range).returnObject()),
        "objects " + where);
    List<String> computed = new ArrayList<>();
    expected.forEach((k, v) -> computed.add(k + "=" + v));
    assertEquals(
        computed,
        table.selectReverse(
            MatchSpec.<Integer, Integer>where(range).returnResult((k, v) -> k + "=" + v)),
        "computed " + where);
    List<Integer> guarded = new ArrayList<>();
    expected.forEach(
        (k, v) -> {
          if (v % 2 == 0) {
            guarded.add(k);
          }
        });
    assertEquals(
        guarded,
        table.selectReverse(
            MatchSpec.<Integer, Integer>where(range).guard((k, v) -> v % 2 == 0).returnKey()),
        "guarded " + where);
    List<Integer> paged = new ArrayList<>();
    Page<Integer> page =
        table.selectReverse(MatchSpec.<Integer, Integer>where(range).returnValue(), 7);
    paged.addAll(page.results());
    while (page.hasNext()) {
      page = page.next();
      paged.addAll(page.results());
    }
    assertEquals(new ArrayList<>(expected.values()), paged, "pages of 7 " + where);
  }
}
