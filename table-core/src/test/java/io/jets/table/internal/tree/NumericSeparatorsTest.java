package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.OrderedTableBuilder;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Inner nodes whose separators are all {@code Integer} or all {@code Long} search their values
 * under natural order ({@link Inner}): lookups, neighbours and ranges must find what the keys' own
 * order finds, for extreme values, for {@code Long}s beyond the {@code int} range, and not at all
 * under a comparator.
 */
class NumericSeparatorsTest {

  private static <K extends Comparable<K>> void checkAgainstModel(
      String name,
      Comparator<K> comparator,
      LongFunction<K> key,
      long[] extremes,
      Random random,
      WriteConcurrency mode) {
    OrderedTableBuilder<K, Long> builder = Tables.<K, Long>orderedSet(name).access(Access.PUBLIC);
    if (comparator != null) {
      builder = builder.<K>comparator(comparator);
    }
    OrderedTable<K, Long> table = builder.writeConcurrency(mode).build();
    TreeMap<K, Long> model = comparator == null ? new TreeMap<>() : new TreeMap<>(comparator);
    List<K> keys = new ArrayList<>();
    for (long e : extremes) {
      keys.add(key.apply(e));
    }
    for (int i = 0; i < 6_000; i++) {
      keys.add(key.apply(random.nextLong()));
    }
    for (int step = 0; step < 20_000; step++) {
      K k = keys.get(random.nextInt(keys.size()));
      if (random.nextInt(4) == 0) {
        assertEquals(model.remove(k) != null, table.delete(k));
      } else {
        table.insert(k, (long) step);
        model.put(k, (long) step);
      }
    }
    if (mode == WriteConcurrency.ON) { // route nodes over several bases, as contention leaves them
      for (int i = 0; i < 6; i++) {
        TreeTables.forceSplit(table, keys.get(random.nextInt(keys.size())));
      }
    }
    assertTrue(model.size() > 2_000, "enough keys for inner nodes above the leaves");
    List<K> probes = new ArrayList<>(keys);
    for (long e : extremes) {
      probes.add(key.apply(e));
    }
    for (K probe : probes) {
      assertEquals(model.get(probe), table.get(probe), () -> name + " get " + probe);
      assertEquals(model.higherKey(probe), table.next(probe), () -> name + " next " + probe);
      assertEquals(model.lowerKey(probe), table.prev(probe), () -> name + " prev " + probe);
    }
    for (int i = 0; i < 300; i++) {
      K a = keys.get(random.nextInt(keys.size()));
      K b = keys.get(random.nextInt(keys.size()));
      boolean ordered =
          model.comparator() == null ? a.compareTo(b) <= 0 : comparator.compare(a, b) <= 0;
      K from = ordered ? a : b;
      K to = ordered ? b : a;
      assertEquals(
          new ArrayList<>(model.subMap(from, true, to, false).keySet()),
          table.select(MatchSpec.<K, Long>where(KeyPattern.range(from, to)).returnKey()),
          () -> name + " range " + from + ".." + to);
    }
    assertEquals(
        new ArrayList<>(model.keySet()), table.select(MatchSpec.<K, Long>anyKey().returnKey()));
    table.delete();
  }

  private static final long[] INT_EXTREMES = {
    Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE
  };

  private static final long[] LONG_EXTREMES = {
    Long.MIN_VALUE,
    Long.MIN_VALUE + 1,
    Integer.MIN_VALUE - 1L,
    Integer.MIN_VALUE,
    -1,
    0,
    1,
    Integer.MAX_VALUE,
    Integer.MAX_VALUE + 1L,
    Long.MAX_VALUE - 1,
    Long.MAX_VALUE
  };

  @Test
  void integerKeysUnderNaturalOrderAreFoundAsTheirOrderFindsThem() {
    for (WriteConcurrency mode : List.of(WriteConcurrency.OFF, WriteConcurrency.ON)) {
      checkAgainstModel("num-int-" + mode, null, v -> (int) v, INT_EXTREMES, new Random(11), mode);
    }
  }

  @Test
  void longKeysBeyondTheIntRangeAreFoundAsTheirOrderFindsThem() {
    for (WriteConcurrency mode : List.of(WriteConcurrency.OFF, WriteConcurrency.ON)) {
      // Values that differ only above bit 31 would collide if the values were cut to ints.
      checkAgainstModel(
          "num-long-" + mode,
          null,
          v -> (v & 0xFFFF_FFFF_0000_0000L) | (v & 7),
          LONG_EXTREMES,
          new Random(12),
          mode);
    }
  }

  @Test
  void integerKeysUnderAComparatorFollowTheComparatorNotTheirValues() {
    for (WriteConcurrency mode : List.of(WriteConcurrency.OFF, WriteConcurrency.ON)) {
      checkAgainstModel(
          "num-reversed-" + mode,
          Comparator.<Integer>reverseOrder(),
          v -> (int) v,
          INT_EXTREMES,
          new Random(13),
          mode);
    }
  }

  @Test
  void aLongProbeOfAnIntegerTableIsABadArgumentAsBefore() {
    OrderedTable<Object, Long> table =
        Tables.<Object, Long>orderedSet("num-mixed").access(Access.PUBLIC).build();
    for (int i = 0; i < 5_000; i++) {
      table.insert(i, (long) i);
    }
    BadArgumentException e = assertThrows(BadArgumentException.class, () -> table.get(70L));
    assertTrue(e.getMessage().contains("num-mixed"), e.getMessage());
    assertEquals(5_000, table.size());
    assertEquals(70L, table.get(70));
    table.delete();
  }
}
