package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.PersistentSortedTree.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistentSortedTreeTest {

  private static final Comparator<Object> ORDER =
      (a, b) -> Integer.compare((Integer) a, (Integer) b);

  /** Checks order, AVL balance, heights and sizes; returns the keys in order. */
  private static List<Integer> checkInvariants(Node t) {
    List<Integer> keys = new ArrayList<>();
    check(t, keys);
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(keys.get(i - 1) < keys.get(i), "keys out of order: " + keys);
    }
    return keys;
  }

  private static void check(Node t, List<Integer> into) {
    if (t == null) {
      return;
    }
    check(t.left, into);
    into.add((Integer) t.key);
    check(t.right, into);
    int hl = PersistentSortedTree.height(t.left);
    int hr = PersistentSortedTree.height(t.right);
    assertTrue(Math.abs(hl - hr) <= 1, () -> "unbalanced at " + t.key);
    assertEquals(1 + Math.max(hl, hr), t.height);
    assertEquals(hr - hl, t.skew, () -> "skew at " + t.key);
    assertEquals(
        1 + PersistentSortedTree.size(t.left) + PersistentSortedTree.size(t.right), t.size);
  }

  @Test
  void randomUpdatesMatchATreeMapAndKeepOldVersionsIntact() {
    Random random = new Random(42);
    TreeMap<Integer, Integer> model = new TreeMap<>();
    Node t = null;
    for (int i = 0; i < 20_000; i++) {
      int key = random.nextInt(2_000);
      Node before = t;
      Map<Integer, Integer> snapshot = i % 1000 == 0 ? new TreeMap<>(model) : null;
      int op = random.nextInt(4);
      if (op == 0) {
        t = PersistentSortedTree.remove(t, key, ORDER);
        model.remove(key);
      } else if (op == 1) {
        Node added = PersistentSortedTree.putIfAbsent(t, key, i, ORDER);
        assertEquals(model.containsKey(key), added == t, "putIfAbsent of a present key copies");
        t = added;
        model.putIfAbsent(key, i);
      } else {
        t = PersistentSortedTree.put(t, key, i, ORDER);
        model.put(key, i);
      }
      if (i % 500 == 0) {
        assertEquals(new ArrayList<>(model.keySet()), checkInvariants(t));
        Node found = PersistentSortedTree.find(t, key, ORDER);
        assertEquals(model.get(key), found == null ? null : found.laValue());
      }
      if (snapshot != null) {
        assertEquals(
            new ArrayList<>(snapshot.keySet()), checkInvariants(before), "old version changed");
        for (Map.Entry<Integer, Integer> e : snapshot.entrySet()) {
          assertEquals(
              e.getValue(), PersistentSortedTree.find(before, e.getKey(), ORDER).laValue());
        }
      }
    }
    assertEquals(new ArrayList<>(model.keySet()), checkInvariants(t));
    for (int probe = -1; probe <= 2_001; probe += 7) {
      Map.Entry<Integer, Integer> ceiling = model.ceilingEntry(probe);
      Node c = PersistentSortedTree.ceiling(t, probe, true, ORDER);
      assertEquals(ceiling == null ? null : ceiling.getKey(), c == null ? null : c.key);
      Map.Entry<Integer, Integer> lower = model.lowerEntry(probe);
      Node f = PersistentSortedTree.floor(t, probe, false, ORDER);
      assertEquals(lower == null ? null : lower.getKey(), f == null ? null : f.key);
      assertEquals(model.headMap(probe).size(), PersistentSortedTree.rank(t, probe, false, ORDER));
    }
    List<Integer> keys = new ArrayList<>(model.keySet());
    for (int i = 0; i < keys.size(); i += 13) {
      assertEquals(keys.get(i), PersistentSortedTree.nodeAt(t, i).key);
    }
    assertNull(PersistentSortedTree.nodeAt(t, keys.size()));
  }

  @Test
  void splitAndJoinOfUnevenTreesStayBalanced() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      Node t = null;
      int n = random.nextInt(300);
      for (int i = 0; i < n; i++) {
        t = PersistentSortedTree.put(t, random.nextInt(1000), i, ORDER);
      }
      List<Integer> all = checkInvariants(t);
      int pivot = random.nextInt(1000);
      PersistentSortedTree.Split parts = PersistentSortedTree.split(t, pivot, ORDER);
      List<Integer> below = checkInvariants(parts.below());
      List<Integer> above = checkInvariants(parts.above());
      assertTrue(below.stream().allMatch(k -> k < pivot));
      assertTrue(above.stream().allMatch(k -> k > pivot));
      assertEquals(all.size(), below.size() + above.size() + (parts.found() == null ? 0 : 1));
      Node rejoined =
          PersistentSortedTree.join2(
              parts.below(),
              parts.found() == null
                  ? parts.above()
                  : PersistentSortedTree.join(
                      null, parts.found().key, parts.found().laValue(), parts.above()));
      assertEquals(all, checkInvariants(rejoined));
    }
    assertSame(null, PersistentSortedTree.join2(null, null));
  }
}
