package io.jets.table.internal.tree;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.internal.tree.LeafTree.Node;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Separator keys over children whose slots a live writer replaces in place.
 *
 * <p>When every separator is an {@code Integer}, or every one a {@code Long}, the node also keeps
 * their values in an {@code int[]} or a {@code long[]} (an {@code int[]} for {@code Integer}s: half
 * the bytes a split's parent copy allocates for them, and half the cache lines a search reads, Run
 * AB); under natural order ({@link KeyOrder#isNatural}) a key of the same class then finds its
 * child by comparing values, without loading one separator object per step of the binary search. A
 * lookup in a 24,576-key table spends about a third of its time in these searches, and reads 12-20%
 * faster with the values (BENCHMARKS.md, Run R). Leaves do not keep values: a leaf is rebuilt every
 * few writes, and the array raised the allocation per delete+insert from 53 to 63 B, above the skip
 * list's 60; an inner node is copied only when a child splits or merges, and the same measurement
 * did not move.
 *
 * <p>The children array holds the last child first. G1's young collections (which also promote data
 * to the old generation) appear to copy the objects an array refers to from its last element to its
 * first, each leaf's slots right after it: with children stored in key order, a reverse walk over
 * leaves a collection had copied ran faster than a forward one (BENCHMARKS.md, Run Z). Stored last
 * first, the leaves end up in key order and an ascending walk, the common one, reads forward
 * through memory, as a skip list's iteration does once a collection has copied its nodes from the
 * head (Run AA). Under a collector that copies in another order, the layout is only what it would
 * have been.
 */
final class Inner extends Node {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Node[].class);

  final Object[] keys; // keys.length == children.length - 1
  private final int[] ints; // the keys' values when all are Integers, compared in place of them
  private final long[] longs; // the keys' values when all are Longs
  private final Node[] children; // last child first (see the class comment); laChild / srChild
  final int height; // 1 above leaves
  final Object owner; // the Edit that built this node, which may change it in place

  /**
   * A node over {@code children} in key order; it takes the array (callers pass a fresh one) and
   * stores it last child first.
   */
  Inner(Object[] keys, Node[] children, Edit owner) {
    this(keys, KeyOrder.numberType(keys), reversed(children), owner);
  }

  private static Node[] reversed(Node[] children) {
    for (int i = 0, j = children.length - 1; i < j; i++, j--) {
      Node t = children[i];
      children[i] = children[j];
      children[j] = t;
    }
    return children;
  }

  private Inner(Object[] keys, Class<?> numberType, Node[] children, Edit owner) {
    this(
        keys,
        numberType == Integer.class ? KeyOrder.ints(keys) : null,
        numberType == Long.class ? KeyOrder.longs(keys) : null,
        children,
        owner);
  }

  private Inner(Object[] keys, int[] ints, long[] longs, Node[] children, Edit owner) {
    this.keys = keys;
    this.ints = ints;
    this.longs = longs;
    this.children = children;
    this.height = children[0] instanceof Inner inner ? inner.height + 1 : 1;
    this.owner = owner;
  }

  @Override
  int size() {
    return children.length;
  }

  /** A node with this one's separators over {@code children} (in key order, a fresh array). */
  Inner withChildren(Node[] children, Edit owner) {
    return new Inner(keys, ints, longs, reversed(children), owner);
  }

  /** Child {@code i}, load-acquire: a leaf stored in place is seen fully built. */
  Node laChild(int i) {
    return (Node) SLOT.getAcquire(children, children.length - 1 - i);
  }

  /** Replaces child {@code i} by a version of the same interval, store-release. */
  void srChild(int i, Node child) {
    SLOT.setRelease(children, children.length - 1 - i, child);
  }

  /** The child holding {@code key}: the number of separators at or below it. */
  int childFor(Object key, Comparator<Object> order) {
    return rank(key, order, true);
  }

  /** The child holding the keys just below {@code key}: the separators below it. */
  int childBelow(Object key, Comparator<Object> order) {
    return rank(key, order, false);
  }

  /** The number of separators below {@code key}, or at or below it if {@code inclusive}. */
  private int rank(Object key, Comparator<Object> order, boolean inclusive) {
    int found;
    if (ints != null && key instanceof Integer i && KeyOrder.isNatural(order)) {
      found = Arrays.binarySearch(ints, i);
    } else if (longs != null && key instanceof Long l && KeyOrder.isNatural(order)) {
      found = Arrays.binarySearch(longs, l);
    } else {
      found = Arrays.binarySearch(keys, key, order);
    }
    return KeyOrder.rank(found, inclusive);
  }

  Node[] children() {
    Node[] copy = new Node[children.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = laChild(i);
    }
    return copy;
  }
}
