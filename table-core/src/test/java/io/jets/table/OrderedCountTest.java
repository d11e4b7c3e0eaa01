package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The object count of an {@code ordered_set} comes from the write itself, so it cannot drift from
 * the contents, even under a comparator that breaks its contract (answers at random for unequal
 * keys): a lookup before the write may miss a key the write then replaces, or find one it then
 * misses.
 */
class OrderedCountTest {

  /** Equal keys compare 0; any two others in an order drawn at random on every call. */
  private static Comparator<Integer> lying(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return (a, b) -> a.equals(b) ? 0 : (random.nextBoolean() ? -1 : 1);
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void sizeMatchesTheContentsUnderAComparatorThatLies(WriteConcurrency mode) {
    for (long seed = 1; seed <= 5; seed++) {
      OrderedTable<Integer, Integer> table =
          Tables.orderedSet("lying-" + mode + "-" + seed)
              .comparator(lying(seed))
              .writeConcurrency(mode)
              .build();
      SplittableRandom ops = new SplittableRandom(seed * 31);
      for (int i = 0; i < 4_000; i++) {
        int key = ops.nextInt(64);
        switch (ops.nextInt(4)) {
          case 0, 1 -> table.insert(key, i);
          case 2 -> table.delete(key);
          default -> {
            List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
              batch.add(new AbstractMap.SimpleImmutableEntry<>(ops.nextInt(64), i));
            }
            table.insertAll(batch);
          }
        }
      }
      assertEquals(
          table.toList().size(), table.size(), "seed " + seed + ": size() vs the contents");
      table.delete();
    }
  }
}
