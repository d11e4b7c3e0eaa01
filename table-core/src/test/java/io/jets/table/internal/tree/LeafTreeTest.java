package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.internal.tree.LeafTree.Node;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LeafTree against a TreeMap model: contents, shape invariants, batch isolation, split, join. */
class LeafTreeTest {

  private static final Comparator<Object> ORDER = (a, b) -> ((Integer) a).compareTo((Integer) b);

  /**
   * Checks the shape (every leaf at one depth, no empty node, no node over capacity, keys sorted
   * and inside the interval their separators imply) and appends the pairs in key order.
   */
  private static int check(
      Node t, Integer lower, Integer upper, List<Map.Entry<Integer, Long>> to) {
    assertTrue(t.size() > 0, "no empty node");
    if (t instanceof Leaf leaf) {
      long o = leaf.laOrder();
      assertTrue(Leaf.count(o) <= LeafTree.LEAF_MAX, "leaf within capacity");
      for (int i = 0; i < Leaf.count(o); i++) {
        Integer key = (Integer) leaf.key(o, i);
        assertSame(key, leaf.object(o, i).key, "a pair's object has its key");
        assertTrue(lower == null || key >= lower, key + " at or above " + lower);
        assertTrue(upper == null || key < upper, key + " below " + upper);
        if (!to.isEmpty()) {
          assertTrue(to.get(to.size() - 1).getKey() < key, "ascending keys");
        }
        to.add(Map.entry(key, (Long) leaf.value(o, i)));
      }
      return 0;
    }
    Inner inner = (Inner) t;
    assertTrue(inner.size() <= LeafTree.INNER_MAX, "inner node within capacity");
    assertEquals(inner.size() - 1, inner.keys.length);
    int depth = -1;
    for (int i = 0; i < inner.size(); i++) {
      Integer lo = i == 0 ? lower : (Integer) inner.keys[i - 1];
      Integer hi = i == inner.keys.length ? upper : (Integer) inner.keys[i];
      int d = check(inner.laChild(i), lo, hi, to);
      assertTrue(depth < 0 || depth == d, "every leaf at one depth");
      depth = d;
    }
    assertEquals(depth + 1, inner.height);
    return depth + 1;
  }

  private static List<Map.Entry<Integer, Long>> contents(Node t) {
    List<Map.Entry<Integer, Long>> to = new ArrayList<>();
    if (t != null) {
      check(t, null, null, to);
    }
    return to;
  }

  private static Node apply(Node t, int key, Long value, Edit edit, TreeMap<Integer, Long> model) {
    long before = model.size();
    Node after;
    if (value == null) {
      after = LeafTree.remove(t, key, ORDER, edit);
      model.remove(key);
    } else {
      after = LeafTree.put(t, key, value, ORDER, edit);
      model.put(key, value);
    }
    assertEquals(model.size() - before, edit.delta, "the descent's own count");
    return after;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void liveWritesMatchATreeMapThroughGrowthAndShrinking(int seed) {
    Random random = new Random(seed);
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    int range = 5_000;
    for (int round = 0; round < 60_000; round++) {
      int key = random.nextInt(range);
      // grow for the first third, then shrink to nothing, then mix
      boolean remove =
          round < 20_000 ? random.nextInt(4) == 0 : round < 40_000 || random.nextBoolean();
      t = apply(t, key, remove ? null : (long) round, edit, model);
      if (round % 997 == 0) {
        assertEquals(new ArrayList<>(model.entrySet()), contents(t));
      }
      StoredObject found = LeafTree.find(t, key, ORDER);
      assertEquals(model.get(key), found == null ? null : found.laValue());
    }
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
    assertEquals(model.size(), LeafTree.size(t));
  }

  /** The leaves of {@code t} in key order. */
  private static List<Leaf> leaves(Node t, List<Leaf> to) {
    if (t instanceof Leaf leaf) {
      to.add(leaf);
    } else if (t instanceof Inner inner) {
      for (int i = 0; i < inner.size(); i++) {
        leaves(inner.laChild(i), to);
      }
    }
    return to;
  }

  /**
   * Keys arriving in order past the last key (or before the first) fill every leaf but the one
   * being filled, and the full leaf is kept as it is, not copied, when the next one starts.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void keysInOrderFillEveryLeaf(boolean ascending) {
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    int n = 50 * LeafTree.LEAF_MAX + 7;
    Leaf firstFilled = null;
    for (int i = 0; i < n; i++) {
      t = apply(t, ascending ? i : n - i, (long) i, edit, model);
      if (i == LeafTree.LEAF_MAX - 1) {
        firstFilled = (Leaf) t;
      }
    }
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
    List<Leaf> leaves = leaves(t, new ArrayList<>());
    assertEquals((n + LeafTree.LEAF_MAX - 1) / LeafTree.LEAF_MAX, leaves.size(), "full leaves");
    int open = ascending ? leaves.size() - 1 : 0; // the leaf still being filled
    for (int i = 0; i < leaves.size(); i++) {
      if (i != open) {
        assertEquals(LeafTree.LEAF_MAX, leaves.get(i).size(), "leaf " + i + " full");
      }
    }
    assertSame(firstFilled, leaves.get(ascending ? 0 : leaves.size() - 1), "kept, not copied");
  }

  /**
   * Keys inserted in random order fill leaves to about ln 2 of their capacity, as splits in halves
   * leave a B+tree: more than two thirds, which a split that kept fewer pairs per leaf, or a leaf
   * rebuilt at less than its capacity, would not reach.
   */
  @ParameterizedTest
  @ValueSource(ints = {11, 12, 13})
  void keysInRandomOrderFillLeavesAsSplitsInHalvesDo(int seed) {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < 24_576; i++) {
      keys.add(i);
    }
    Collections.shuffle(keys, new Random(seed));
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    for (int key : keys) {
      t = apply(t, key, (long) key, edit, model);
    }
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
    List<Leaf> leaves = leaves(t, new ArrayList<>());
    double fill = (double) keys.size() / leaves.size() / LeafTree.LEAF_MAX;
    assertTrue(fill > 0.67 && fill < 0.75, "average fill " + fill + " of " + leaves.size());
  }

  /**
   * A full leaf that overflows splits in halves, wherever the new key falls in it: both built
   * compact with fresh slots from its slots and the new pair, the right one's first key the new
   * separator, its neighbours untouched, and the leaf it replaced unchanged for readers that loaded
   * it.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 8, 14, 15}) // (not 0: a key below 100 belongs to the leaf before)
  void aFullLeafSplitsInHalvesWhereverTheNewKeyFalls(int position) {
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    int max = LeafTree.LEAF_MAX;
    for (int i = 0; i < max; i++) {
      t = apply(t, 100 + 2 * i, (long) i, edit, model); // a full leaf of even keys from 100
    }
    for (int i = 0; i < 5; i++) {
      t = apply(t, 200 + i, (long) i, edit, model); // a leaf after it
      t = apply(t, i, (long) i, edit, model); // and one before it
    }
    List<Leaf> before = leaves(t, new ArrayList<>());
    assertEquals(List.of(5, max, 5), before.stream().map(Leaf::size).toList());
    Leaf full = before.get(1);
    List<Map.Entry<Integer, Long>> fullContents = contents(full);

    t = apply(t, 99 + 2 * position, -1L, edit, model); // an odd key at that position in it
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
    List<Leaf> after = leaves(t, new ArrayList<>());
    assertEquals(List.of(5, 8, 8, 5), after.stream().map(Leaf::size).toList(), "halves");
    assertSame(before.get(0), after.get(0), "the leaf before untouched");
    assertSame(before.get(2), after.get(3), "the leaf after untouched");
    for (Leaf half : after.subList(1, 3)) {
      assertTrue(half != full && half.hasFreshSlot(), "a new half with room");
    }
    assertEquals(fullContents, contents(full), "the replaced leaf unchanged for its readers");
    assertEquals(LeafTree.firstKey(after.get(2)), ((Inner) t).keys[1], "the right half's first");
  }

  /**
   * A write that would rebuild a leaf full (no fresh slot left) splits it instead, so the writes
   * that follow go in place; keys inserted in order elsewhere than at an end are not taken for keys
   * arriving in order.
   */
  @Test
  void aLeafRebuiltFullSplitsSoTheNextWritesGoInPlace() {
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    int max = LeafTree.LEAF_MAX;
    for (int i = 0; i < 3 * max; i++) {
      t = apply(t, 2 * i, (long) i, edit, model); // three full leaves of even keys
    }
    assertEquals(3, leaves(t, new ArrayList<>()).size());
    t = apply(t, 2 * max + 2, null, edit, model); // the middle leaf: one pair fewer, no fresh slot
    t = apply(t, 2 * max + 3, 1L, edit, model); // rebuilt with max pairs: split instead
    List<Leaf> split = leaves(t, new ArrayList<>());
    assertEquals(4, split.size(), "the rebuilt leaf split");
    for (Leaf leaf : split.subList(1, 3)) {
      assertTrue(leaf.size() < max && leaf.hasFreshSlot(), "room left in " + leaf.size());
    }
    Leaf middle = split.get(2);
    t = apply(t, 4 * max - 3, 2L, edit, model); // an odd key into the third leaf's interval
    assertSame(middle, leaves(t, new ArrayList<>()).get(2), "written in place");
    // Filling the middle leaves past their ends splits them in halves, not in order.
    for (int key = 2 * max + 1; key < 4 * max; key += 2) {
      t = apply(t, key, 3L, edit, model);
    }
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
    for (Leaf leaf : leaves(t, new ArrayList<>())) {
      assertTrue(leaf.size() >= LeafTree.LEAF_MIN, "no nearly empty leaf: " + leaf.size());
    }
  }

  /**
   * A locked lookup keeps its path for the write that follows; a write of another key between
   * (which may split or merge the leaf the path ends in) or another root makes the path stale.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void writesAfterALockedLookupMatchATreeMapWhateverCameBetween(int seed) {
    Random random = new Random(seed);
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit edit = Edit.live();
    Node t = null;
    for (int round = 0; round < 40_000; round++) {
      Integer key = random.nextInt(600);
      StoredObject found = edit.findForWrite(t, key, ORDER);
      assertEquals(model.get(key), found == null ? null : found.laValue(), "the locked lookup");
      if (random.nextInt(3) == 0) { // another key's write comes between
        int other = random.nextInt(600);
        t = apply(t, other, random.nextInt(3) == 0 ? null : (long) -round, edit, model);
      }
      // the same key object, or an equal one, or the stored key the lookup found
      Integer written =
          switch (random.nextInt(3)) {
            case 0 -> key;
            case 1 -> Integer.valueOf(key.intValue() + 1000 - 1000);
            default -> found != null ? (Integer) found.key : key;
          };
      boolean remove = random.nextInt(round < 20_000 ? 4 : 2) == 0;
      t = apply(t, written, remove ? null : (long) round, edit, model);
      if (round % 499 == 0) {
        assertEquals(new ArrayList<>(model.entrySet()), contents(t));
      }
    }
    assertEquals(new ArrayList<>(model.entrySet()), contents(t));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aBatchLeavesTheVersionItStartedFromUnchanged(int seed) {
    Random random = new Random(seed);
    TreeMap<Integer, Long> model = new TreeMap<>();
    Edit live = Edit.live();
    Node t = null;
    for (int k = 0; k < 3_000; k++) {
      t = apply(t, random.nextInt(10_000), (long) k, live, model);
    }
    for (int batch = 0; batch < 20; batch++) {
      List<Map.Entry<Integer, Long>> before = contents(t);
      TreeMap<Integer, Long> staged = new TreeMap<>(model);
      Edit edit = Edit.batch();
      Node version = t;
      for (int i = 0; i < 400; i++) {
        int key = random.nextInt(10_000);
        version = apply(version, key, random.nextInt(3) == 0 ? null : (long) -i, edit, staged);
      }
      assertEquals(before, contents(t), "the live version is untouched by the staged one");
      assertEquals(new ArrayList<>(staged.entrySet()), contents(version));
      if (batch % 2 == 0) { // publish it, and write on over it
        t = version;
        model = staged;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 31, 32, 33, 500, 5_000})
  void splitThenJoinRestoresEveryKeyAndTheShape(int size) {
    TreeMap<Integer, Long> model = new TreeMap<>();
    Node t = null;
    Edit edit = Edit.live();
    for (int k = 0; k < size; k++) {
      t = apply(t, k * 2, (long) k, edit, model);
    }
    List<Map.Entry<Integer, Long>> all = contents(t);
    LeafTree.Split parts = LeafTreeSplits.split(t);
    if (size < 2) {
      assertNull(parts);
      return;
    }
    assertNotNull(parts);
    List<Map.Entry<Integer, Long>> left = contents(parts.left());
    List<Map.Entry<Integer, Long>> right = contents(parts.right());
    assertTrue(!left.isEmpty() && !right.isEmpty(), "both halves hold keys");
    assertTrue(left.get(left.size() - 1).getKey() < (Integer) parts.key());
    assertEquals(parts.key(), right.get(0).getKey());
    List<Map.Entry<Integer, Long>> both = new ArrayList<>(left);
    both.addAll(right);
    assertEquals(all, both);
    assertEquals(all, contents(LeafTreeSplits.join(parts.left(), parts.right())));
    assertEquals(all, contents(t), "splitting copies: the tree split stays as it was");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 40, 900, 20_000})
  void joinsOfUnevenHeightsKeepEveryLeafAtOneDepth(int small) {
    Edit edit = Edit.live();
    TreeMap<Integer, Long> model = new TreeMap<>();
    Node big = null;
    for (int k = 0; k < 30_000; k++) {
      big = apply(big, 100_000 + k, (long) k, edit, model);
    }
    Node tiny = null;
    for (int k = 0; k < small; k++) {
      tiny = apply(tiny, k, (long) -k, edit, model);
    }
    List<Map.Entry<Integer, Long>> expected = new ArrayList<>(model.entrySet());
    assertEquals(expected, contents(LeafTreeSplits.join(tiny, big)), "short tree first");
    TreeMap<Integer, Long> above = new TreeMap<>();
    Node high = null;
    for (int k = 0; k < small; k++) {
      high = apply(high, 1_000_000 + k, (long) k, edit, above);
    }
    List<Map.Entry<Integer, Long>> expectedHigh = contents(big);
    expectedHigh.addAll(above.entrySet());
    assertEquals(expectedHigh, contents(LeafTreeSplits.join(big, high)), "short tree last");
  }

  /**
   * One writer changes leaves in place while a reader looks up keys the writer never touches: the
   * writer fills the gaps between the stable keys and empties them again, so the leaves holding
   * them split and merge on every cycle (and their parents with them). Every stable key is found,
   * with its value, on every look; a write that published a half-made change (a split's left half
   * stored before its right half is linked) makes the reader miss a key.
   */
  @Test
  void readersFindEveryStableKeyWhileOneWriterSplitsAndMergesLeaves() throws Exception {
    Edit edit = Edit.live();
    AtomicReference<Node> root = new AtomicReference<>(); // the base's published root
    int stable = 400; // multiples of 4, 0 to 1,596; the writer churns the three keys after each
    for (int k = 0; k < 4 * stable; k += 4) {
      root.set(LeafTree.put(root.get(), k, (long) k, ORDER, edit));
    }
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Thread writer =
        gapFiller(
            stable,
            400,
            new GapWrites() {
              @Override
              public void insert(int key, long value) {
                publish(root, LeafTree.put(root.get(), key, value, ORDER, edit));
              }

              @Override
              public void delete(int key) {
                publish(root, LeafTree.remove(root.get(), key, ORDER, edit));
              }
            },
            done,
            failures);
    long looks = 0;
    try {
      while (!done.get()) {
        for (int k = 0; k < 4 * stable; k += 4) {
          StoredObject found = LeafTree.find(root.get(), k, ORDER);
          assertNotNull(found, "stable key " + k + " after " + looks + " looks");
          assertEquals((long) k, found.laValue());
          looks++;
        }
      }
    } finally {
      done.set(true);
      writer.join();
    }
    assertTrue(failures.isEmpty(), () -> "writer failed: " + failures);
    assertEquals(stable, contents(root.get()).size(), "the churned keys are gone again");
  }

  /**
   * Walks (ascending and descending, whole and ranged) while one writer makes the walked leaves
   * split and merge: every stable key once, in order, and no key twice.
   */
  @ParameterizedTest
  @ValueSource(strings = {"OFF", "ON"})
  void walksMeetEveryStableKeyOnceWhileLeavesSplitAndMerge(String mode) throws Exception {
    var all = io.jets.table.MatchSpec.<Integer, Long>anyKey().returnKey();
    var half =
        io.jets.table.MatchSpec.<Integer, Long>where(
                io.jets.table.KeyPattern.range(100, true, 4 * STABLE - 100, false))
            .returnKey();
    walkWhileGapsFill(
        "leaf-walks-" + mode,
        mode,
        table -> {
          checkWalk(table.select(all), 0, 4 * STABLE, false);
          checkWalk(table.selectReverse(all), 0, 4 * STABLE, true);
          checkWalk(table.select(half), 100, 4 * STABLE - 100, false);
          checkWalk(table.selectReverse(half), 100, 4 * STABLE - 100, true);
        });
  }

  /** Stable keys of {@link #walkWhileGapsFill}: the multiples of 4 below 4 * STABLE. */
  static final int STABLE = 300;

  /**
   * Runs {@code walks} over a table of {@link #STABLE} keys (split into two bases in ON) again and
   * again, at least once, while the {@link #gapFiller} writer makes the walked leaves split and
   * merge; then checks the writer's outcome.
   */
  static void walkWhileGapsFill(
      String name,
      String mode,
      java.util.function.Consumer<io.jets.table.OrderedTable<Integer, Long>> walks)
      throws Exception {
    io.jets.table.OrderedTable<Integer, Long> table =
        io.jets.table.Tables.orderedSet(name)
            .access(io.jets.table.Access.PUBLIC)
            .writeConcurrency(io.jets.table.WriteConcurrency.valueOf(mode))
            .<Integer, Long>build();
    for (int k = 0; k < 4 * STABLE; k += 4) {
      table.insert(k, (long) k);
    }
    if (mode.equals("ON")) {
      ContentionAdaptingTreeTest.forceSplit(TreeTables.treeOf(table), 4 * STABLE / 2);
    }
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Thread writer = gapFiller(STABLE, 150, GapWrites.to(table), done, failures);
    int rounds = 0;
    try {
      while (!done.get() || rounds == 0) {
        walks.accept(table);
        rounds++;
      }
    } finally {
      done.set(true);
      writer.join();
    }
    assertTrue(failures.isEmpty(), () -> "writer failed: " + failures);
    assertEquals(STABLE, table.size());
    table.delete();
  }

  /** Keys strictly in order, and every multiple of 4 in [from, to) exactly once. */
  static void checkWalk(List<Integer> keys, int from, int to, boolean descending) {
    int stableSeen = 0;
    for (int i = 0; i < keys.size(); i++) {
      int key = keys.get(i);
      assertTrue(key >= from && key < to, key + " inside the range");
      if (i > 0) {
        int c = Integer.compare(keys.get(i - 1), key);
        assertTrue(descending ? c > 0 : c < 0, "strict order at " + key);
      }
      if (key % 4 == 0) {
        stableSeen++;
      }
    }
    int seen = stableSeen;
    assertEquals(
        (to - from + 3) / 4,
        seen,
        () ->
            "every stable key once; missing: "
                + missing(keys, from, to)
                + ", walk of "
                + keys.size());
  }

  private static List<Integer> missing(List<Integer> keys, int from, int to) {
    List<Integer> missing = new ArrayList<>();
    for (int k = from + (4 - from % 4) % 4; k < to; k += 4) {
      if (!keys.contains(k)) {
        missing.add(k);
      }
    }
    return missing;
  }

  /** The writes of {@link #gapFiller}: one key in, one key out. */
  interface GapWrites {
    void insert(int key, long value);

    void delete(int key);

    /** The gap writes as a table's inserts and deletes. */
    static GapWrites to(io.jets.table.OrderedTable<Integer, Long> table) {
      return new GapWrites() {
        @Override
        public void insert(int key, long value) {
          table.insert(key, value);
        }

        @Override
        public void delete(int key) {
          table.delete(key);
        }
      };
    }
  }

  /**
   * Starts the writer of the concurrent tests and returns once it runs: {@code cycles} times it
   * fills every gap between the stable keys (the multiples of 4 below {@code 4 * stable}), so the
   * leaves holding them grow to four times their keys and split, then empties the gaps, so they
   * merge; then it sets {@code done}. What it throws goes to {@code failures}.
   */
  static Thread gapFiller(
      int stable,
      int cycles,
      GapWrites writes,
      AtomicBoolean done,
      ConcurrentLinkedQueue<Throwable> failures)
      throws InterruptedException {
    CountDownLatch writing = new CountDownLatch(1);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    writing.countDown();
                    for (int cycle = 0; cycle < cycles; cycle++) {
                      for (int k = 0; k < 4 * stable; k++) {
                        if (k % 4 != 0) {
                          writes.insert(k, -cycle);
                        }
                      }
                      for (int k = 0; k < 4 * stable; k++) {
                        if (k % 4 != 0) {
                          writes.delete(k);
                        }
                      }
                    }
                  } catch (Throwable t) {
                    failures.add(t);
                  } finally {
                    done.set(true);
                  }
                });
    writing.await();
    return writer;
  }

  /** Publishes a write's new root, as a base does, unless the write went in place. */
  private static void publish(AtomicReference<Node> root, Node after) {
    if (after != root.get()) {
      root.set(after);
    }
  }
}
