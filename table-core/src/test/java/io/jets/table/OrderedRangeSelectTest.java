package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * A select of a key range takes each leaf's run at once, first to last or (reverse) last to first:
 * its values, its keys, its objects or a computed result, and a limited reverse select stops inside
 * a run and resumes after it. Checked against a {@link TreeMap} model on leaves a writer changed in
 * place (keys inserted out of order, deleted and overwritten: slots out of key order, dead slots)
 * and across forced base splits, in every write mode, over ranges with either bound open or closed,
 * empty ones, single keys and ones that cross leaves and bases.
 */
class OrderedRangeSelectTest {

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void aRangeSelectReturnsWhatTheModelHoldsInEitherOrder(WriteConcurrency mode) {
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
    checkForward(table, expected.descendingMap(), range, where);
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

  /**
   * The same range first to last: the values and keys a select takes from leaves written out of
   * order (as copies of their slots) read alike through the list's iterator, forEach, get and
   * toArray.
   */
  private static void checkForward(
      OrderedTable<Integer, Integer> table,
      NavigableMap<Integer, Integer> ascending,
      KeyPattern<Integer> range,
      String where) {
    List<Integer> values = table.select(MatchSpec.<Integer, Integer>where(range).returnValue());
    List<Integer> keys = table.select(MatchSpec.<Integer, Integer>where(range).returnKey());
    List<Integer> expectedValues = new ArrayList<>(ascending.values());
    List<Integer> expectedKeys = new ArrayList<>(ascending.keySet());
    assertEquals(expectedValues, values, "forward values " + where);
    assertEquals(expectedKeys, keys, "forward keys " + where);
    List<Integer> each = new ArrayList<>();
    values.forEach(each::add);
    assertEquals(expectedValues, each, "forward values, forEach " + where);
    assertArrayEquals(expectedKeys.toArray(), keys.toArray(), "forward keys, toArray " + where);
    for (int i = 0; i < expectedValues.size(); i++) {
      assertEquals(expectedValues.get(i), values.get(i), "forward value " + i + " " + where);
    }
  }
}
