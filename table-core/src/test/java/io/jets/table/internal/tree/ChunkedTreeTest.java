package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.ChunkedTree.Chunk;
import io.jets.table.internal.tree.ChunkedTree.Inner;
import io.jets.table.internal.tree.ChunkedTree.Leaf;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The B+-tree of sorted arrays against a TreeMap: every query, update, split and join. */
class ChunkedTreeTest {

  private static final Comparator<Object> ORDER =
      (a, b) -> Integer.compare((Integer) a, (Integer) b);

  /** Checks order, uniform leaf depth, node bounds, lows and sizes; returns the keys in order. */
  private static List<Integer> check(Chunk t) {
    List<Integer> keys = new ArrayList<>();
    if (t != null) {
      if (t instanceof Inner root) {
        assertTrue(root.children.length >= 2, "a root with one child");
      }
      check(t, t.height(), keys);
    }
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1) >= keys.get(i)) {
        throw new AssertionError("keys out of order at " + i + ": " + keys);
      }
    }
    assertEquals(keys.size(), ChunkedTree.size(t));
    return keys;
  }

  private static void check(Chunk t, int height, List<Integer> into) {
    assertEquals(height, t.height(), "leaves at one depth");
    if (t instanceof Leaf leaf) {
      assertTrue(leaf.objects.length >= 1 && leaf.objects.length <= ChunkedTree.LEAF_MAX);
      for (StoredObject o : leaf.objects) {
        into.add((Integer) o.key);
      }
      return;
    }
    Inner in = (Inner) t;
    assertTrue(in.children.length >= 1 && in.children.length <= ChunkedTree.INNER_MAX);
    int total = 0;
    for (int i = 0; i < in.children.length; i++) {
      int before = into.size();
      check(in.children[i], height - 1, into);
      assertEquals(into.get(before), in.lows[i], "low of child " + i);
      total += in.children[i].size();
      assertEquals(total, in.ends[i], "cumulative size of child " + i);
    }
  }

  private static Map<Integer, Integer> content(Chunk t) {
    Map<Integer, Integer> all = new TreeMap<>();
    ChunkedTree.ascend(
        t,
        null,
        false,
        o -> {
          all.put((Integer) o.key, (Integer) o.laValue());
          return true;
        },
        ORDER);
    return all;
  }

  @Test
  void randomUpdatesMatchATreeMapAndKeepOldVersionsIntact() {
    SplittableRandom random = new SplittableRandom(42);
    TreeMap<Integer, Integer> model = new TreeMap<>();
    Chunk t = null;
    Chunk kept = null;
    Map<Integer, Integer> keptContent = Map.of();
    for (int i = 0; i < 40_000; i++) {
      int key = random.nextInt(3_000);
      if (random.nextInt(3) == 0) {
        t = ChunkedTree.remove(t, key, ORDER);
        model.remove(key);
      } else {
        t = ChunkedTree.put(t, key, i, ORDER);
        model.put(key, i);
      }
      if (i % 2_000 == 0) {
        assertEquals(List.copyOf(model.keySet()), check(t));
        assertEquals(model, content(t));
        assertEquals(keptContent, content(kept), "an old version never changes");
        kept = t;
        keptContent = new TreeMap<>(model);
      }
    }
    assertEquals(model, content(t));
    for (int i = 0; i < 3_000 && !model.isEmpty(); i++) {
      t = ChunkedTree.remove(t, model.firstKey(), ORDER);
      model.pollFirstEntry();
    }
    assertEquals(List.copyOf(model.keySet()), check(t));
  }

  @Test
  void queriesMatchATreeMap() {
    SplittableRandom random = new SplittableRandom(7);
    TreeMap<Integer, Integer> model = new TreeMap<>();
    Chunk t = null;
    for (int i = 0; i < 5_000; i++) {
      int key = random.nextInt(20_000) * 2; // even keys: odd probes fall between them
      t = ChunkedTree.put(t, key, key, ORDER);
      model.put(key, key);
    }
    check(t);
    List<Integer> keys = List.copyOf(model.keySet());
    for (int probe = -3; probe < 40_003; probe += 3) {
      assertEquals(model.containsKey(probe), ChunkedTree.find(t, probe, ORDER) != null);
      assertEquals(model.ceilingKey(probe), key(ChunkedTree.ceiling(t, probe, true, ORDER)));
      assertEquals(model.higherKey(probe), key(ChunkedTree.ceiling(t, probe, false, ORDER)));
      assertEquals(model.floorKey(probe), key(ChunkedTree.floor(t, probe, true, ORDER)));
      assertEquals(model.lowerKey(probe), key(ChunkedTree.floor(t, probe, false, ORDER)));
      int below = Collections.binarySearch(keys, probe);
      int lessThan = below >= 0 ? below : -below - 1;
      int atMost = below >= 0 ? below + 1 : lessThan;
      assertEquals(lessThan, ChunkedTree.rank(t, probe, false, ORDER));
      assertEquals(atMost, ChunkedTree.rank(t, probe, true, ORDER));
      List<Integer> after = new ArrayList<>();
      ChunkedTree.ascend(
          t, probe, true, o -> after.add((Integer) o.key) && after.size() < 5, ORDER);
      assertEquals(keys.subList(lessThan, Math.min(keys.size(), lessThan + 5)), after);
      List<Integer> before = new ArrayList<>();
      ChunkedTree.descend(
          t, probe, false, o -> before.add((Integer) o.key) && before.size() < 5, ORDER);
      List<Integer> expected = new ArrayList<>(keys.subList(Math.max(0, lessThan - 5), lessThan));
      Collections.reverse(expected);
      assertEquals(expected, before);
    }
    for (int index = 0; index < keys.size(); index += 7) {
      assertEquals(keys.get(index), ChunkedTree.nodeAt(t, index).key);
    }
    assertNull(ChunkedTree.nodeAt(t, keys.size()));
    assertEquals(keys.get(0), ChunkedTree.first(t).key);
    assertEquals(keys.get(keys.size() - 1), ChunkedTree.last(t).key);
  }

  private static Integer key(StoredObject o) {
    return o == null ? null : (Integer) o.key;
  }

  @Test
  void splitAtAndJoinTwoRestoreTheTreeAtEveryCutAndSize() {
    SplittableRandom random = new SplittableRandom(3);
    for (int size : new int[] {1, 2, 31, 33, 200, 1_100, 5_000}) {
      Chunk t = null;
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        t = ChunkedTree.put(t, i, i, ORDER);
        keys.add(i);
      }
      for (int cut = 0; cut <= size; cut += Math.max(1, random.nextInt(Math.max(1, size / 10)))) {
        Chunk[] parts = ChunkedTree.splitAt(t, cut);
        assertEquals(keys.subList(0, cut), check(parts[0]));
        assertEquals(keys.subList(cut, size), check(parts[1]));
        Chunk joined = ChunkedTree.join2(parts[0], parts[1]);
        assertEquals(keys, check(joined));
        // Joins of very different sizes, then updates on the result, keep the shape.
        Chunk small = ChunkedTree.splitAt(parts[1], 1)[0];
        Chunk uneven = ChunkedTree.join2(parts[0], small);
        List<Integer> unevenKeys = check(uneven);
        assertEquals(Math.min(cut + 1, size), unevenKeys.size());
        uneven = ChunkedTree.put(uneven, size + 10, 0, ORDER);
        uneven = ChunkedTree.remove(uneven, 0, ORDER);
        check(uneven);
      }
    }
  }
}
