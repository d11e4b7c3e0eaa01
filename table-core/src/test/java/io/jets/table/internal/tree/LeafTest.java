package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A leaf changed in place: its current order word lists the model's pairs in key order, and every
 * order word a reader loaded earlier still reads the pairs the leaf held then.
 */
class LeafTest {
  @SuppressWarnings("unchecked")
  private static final Comparator<Object> ORDER = (a, b) -> ((Comparable<Object>) a).compareTo(b);

  private static List<Map.Entry<Integer, String>> read(Leaf leaf, long o) {
    List<Map.Entry<Integer, String>> pairs = new ArrayList<>();
    for (int i = 0; i < Leaf.count(o); i++) {
      StoredObject object = leaf.object(o, i);
      assertSame(leaf.key(o, i), object.key, "a position's object has its key");
      pairs.add(Map.entry((Integer) leaf.key(o, i), (String) leaf.value(o, i)));
      assertSame(leaf.value(o, i), object.laValue(), "a position's object has its value");
    }
    assertValuesCopied(leaf, o);
    return pairs;
  }

  /**
   * Leaf.keys and Leaf.values over every range of positions, into an array at an offset: each
   * position's key or value, in order, and nothing written outside the range (stretches of
   * consecutive slots are copied whole, the rest one by one).
   */
  private static void assertValuesCopied(Leaf leaf, long o) {
    int n = Leaf.count(o);
    for (int from = 0; from <= n; from++) {
      for (int to = from; to <= n; to++) {
        Object[] keys = new Object[to - from + 2];
        Object[] values = new Object[to - from + 2];
        leaf.keys(o, from, to, keys, 1);
        leaf.values(o, from, to, values, 1);
        for (int i = from; i < to; i++) {
          assertSame(leaf.key(o, i), keys[1 + i - from], "key at position " + i);
          assertSame(leaf.value(o, i), values[1 + i - from], "value at position " + i);
        }
        for (Object[] copy : List.of(keys, values)) {
          assertNull(copy[0], "nothing before the copy");
          assertNull(copy[copy.length - 1], "nothing after the copy");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void oldOrderWordsKeepReadingTheLeafAsItWas(int seed) {
    Random random = new Random(seed);
    TreeMap<Integer, String> model = new TreeMap<>();
    int n = 4 + random.nextInt(4); // room for 4 to 7 more pairs
    while (model.size() < n) {
      model.put(random.nextInt(40), "v" + model.size());
    }
    Object[] pairs = new Object[n << 1];
    int p = 0;
    for (Map.Entry<Integer, String> e : model.entrySet()) {
      pairs[p++] = e.getKey();
      pairs[p++] = e.getValue();
    }
    Leaf leaf = new Leaf(pairs, 0, n, Edit.live());
    List<Long> words = new ArrayList<>();
    List<List<Map.Entry<Integer, String>>> seen = new ArrayList<>();
    int step = 0;
    while (leaf.hasFreshSlot() || model.size() > 1) {
      long o = leaf.laOrder();
      assertEquals(new ArrayList<>(model.entrySet()), read(leaf, o));
      words.add(o);
      seen.add(read(leaf, o));
      Integer key = random.nextInt(40);
      int at = leaf.search(o, key, ORDER);
      if (at >= 0 && (random.nextBoolean() || !leaf.hasFreshSlot())) {
        leaf.removeInPlace(at);
        model.remove(key);
      } else if (leaf.hasFreshSlot() && (at >= 0 || Leaf.count(o) < Leaf.MAX)) {
        String value = "s" + step;
        Integer stored = Integer.valueOf(key.intValue() + 0); // an equal key, maybe a distinct one
        if (at >= 0) {
          leaf.replaceInPlace(at, stored, value);
        } else {
          leaf.addInPlace(-(at + 1), stored, value);
        }
        model.put(key, value);
      } else if (!leaf.hasFreshSlot()) {
        break;
      }
      step++;
    }
    assertTrue(step > 2, "the leaf changed in place");
    assertFalse(leaf.hasFreshSlot() && model.size() > 1, "ran until no fresh slot was left");
    for (int i = 0; i < words.size(); i++) {
      assertEquals(seen.get(i), read(leaf, words.get(i)), "order word " + i + " reads its leaf");
    }
  }

  /**
   * A value written in place changes that key's value alone: no fresh slot is used, the order word
   * and every other pair stay, and the object a read builds carries the new value.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aValueWrittenInPlaceChangesOnlyItsKey(int at) {
    Object[] pairs = {10, "a", 20, "b", 30, "c", 40, "d", 50, "e"};
    Leaf leaf = new Leaf(pairs, 0, 5, Edit.live());
    long o = leaf.laOrder();
    List<Map.Entry<Integer, String>> before = read(leaf, o);
    boolean fresh = leaf.hasFreshSlot();
    leaf.setValueInPlace(o, at, "new");
    assertEquals(o, leaf.laOrder(), "the order word stays");
    assertEquals(fresh, leaf.hasFreshSlot(), "no fresh slot used");
    List<Map.Entry<Integer, String>> after = read(leaf, o);
    for (int i = 0; i < 5; i++) {
      Map.Entry<Integer, String> expected =
          i == at ? Map.entry(before.get(i).getKey(), "new") : before.get(i);
      assertEquals(expected, after.get(i), "position " + i);
    }
    assertEquals("new", leaf.object(o, at).laValue());
  }
}
