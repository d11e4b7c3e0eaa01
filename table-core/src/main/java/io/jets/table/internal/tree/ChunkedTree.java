package io.jets.table.internal.tree;

import io.jets.table.spi.StoredObject;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An immutable B+-tree of stored objects: leaves are sorted arrays, inner nodes arrays of children
 * with their least keys and cumulative sizes. Every update returns a new root and shares every node
 * off the changed path. The data of one base of a {@link ContentionAdaptingTree}.
 *
 * <p>Any number of threads may read a root concurrently without synchronization once it has been
 * safely published; nobody writes a node or an array after construction.
 */
final class ChunkedTree {
  /*
   * Design notes
   *
   * Why arrays. The persistent AVL tree this replaces spent a node and a key dereference per level
   * (about 20 levels for a million keys, the lower ones cache misses) and walked ranges by
   * recursion. Here a lookup descends a few inner nodes (binary search over a contiguous array of
   * least keys) into a leaf of up to LEAF_MAX objects; a range walk reads leaves front to back;
   * rank, slot and a range count add cumulative sizes. A write copies one leaf and the inner nodes
   * above it (path copying, as before, but a handful of arrays instead of ~20 nodes).
   *
   * Shape. All leaves are at the same depth. Leaves hold 1..LEAF_MAX objects, inner nodes
   * 1..INNER_MAX children (a node with one child exists only below the root, after deletes or
   * splits; the root never has one child). A leaf that drops below LEAF_MIN merges with (or takes
   * objects from) a neighbour under the same parent. concat(a, b) joins two trees whose keys are
   * ordered by hanging the lower one on the taller one's spine and splitting upwards on overflow;
   * splitAt cuts along one path and rejoins the pieces with concat: both O(height * INNER_MAX),
   * which keeps the CA tree's base split and join cheap.
   */

  static final int LEAF_MAX = 32;
  static final int LEAF_MIN = 8;
  static final int INNER_MAX = 32;

  /** A node: a leaf or an inner node. */
  abstract static sealed class Chunk permits Leaf, Inner {
    abstract int size();

    abstract int height();

    abstract Object low();
  }

  /** Sorted objects, at least one. */
  static final class Leaf extends Chunk {
    final StoredObject[] objects;

    Leaf(StoredObject[] objects) {
      this.objects = objects;
    }

    @Override
    int size() {
      return objects.length;
    }

    @Override
    int height() {
      return 0;
    }

    @Override
    Object low() {
      return objects[0].key;
    }
  }

  /** Children of equal height, at least one, with their least keys and cumulative sizes. */
  static final class Inner extends Chunk {
    final Chunk[] children;
    final Object[] lows; // lows[i]: the least key under children[i]
    final int[] ends; // ends[i]: the objects under children[0..i]
    final int height;

    Inner(Chunk[] children, Object[] lows, int[] ends, int height) {
      this.children = children;
      this.lows = lows;
      this.ends = ends;
      this.height = height;
    }

    /** Over {@code children}, reading each child's least key and size: new nodes only. */
    Inner(Chunk[] children) {
      this.children = children;
      this.lows = new Object[children.length];
      this.ends = new int[children.length];
      int total = 0;
      for (int i = 0; i < children.length; i++) {
        lows[i] = children[i].low();
        total += children[i].size();
        ends[i] = total;
      }
      this.height = children[0].height() + 1;
    }

    @Override
    int size() {
      return ends[ends.length - 1];
    }

    @Override
    int height() {
      return height;
    }

    @Override
    Object low() {
      return lows[0];
    }

    int before(int child) {
      return child == 0 ? 0 : ends[child - 1];
    }
  }

  /** Receives objects in order; returns false to stop. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(StoredObject object);
  }

  private ChunkedTree() {}

  static int size(Chunk t) {
    return t == null ? 0 : t.size();
  }

  // ---- searching ----

  /** The child of {@code in} whose keys {@code key} falls among: the last with low <= key. */
  private static int childIndex(Inner in, Object key, Comparator<Object> order) {
    Object[] lows = in.lows;
    int lo = 1;
    int hi = lows.length - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (order.compare(key, lows[mid]) >= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The index of {@code key} in {@code leaf}, or {@code -(insertion point) - 1}. */
  private static int search(Leaf leaf, Object key, Comparator<Object> order) {
    StoredObject[] objects = leaf.objects;
    int lo = 0;
    int hi = objects.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = order.compare(objects[mid].key, key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** The first index whose key is above {@code key} ({@code inclusive}: at or above). */
  private static int firstFrom(Leaf leaf, Object key, boolean inclusive, Comparator<Object> order) {
    int p = search(leaf, key, order);
    return p >= 0 ? (inclusive ? p : p + 1) : -p - 1;
  }

  private static Leaf leafFor(Chunk t, Object key, Comparator<Object> order) {
    while (t instanceof Inner in) {
      t = in.children[childIndex(in, key, order)];
    }
    return (Leaf) t;
  }

  /** The object whose key compares equal to {@code key}, or null. */
  static StoredObject find(Chunk t, Object key, Comparator<Object> order) {
    if (t == null) {
      return null;
    }
    Leaf leaf = leafFor(t, key, order);
    int p = search(leaf, key, order);
    return p >= 0 ? leaf.objects[p] : null;
  }

  static StoredObject first(Chunk t) {
    if (t == null) {
      return null;
    }
    while (t instanceof Inner in) {
      t = in.children[0];
    }
    return ((Leaf) t).objects[0];
  }

  static StoredObject last(Chunk t) {
    if (t == null) {
      return null;
    }
    while (t instanceof Inner in) {
      t = in.children[in.children.length - 1];
    }
    StoredObject[] objects = ((Leaf) t).objects;
    return objects[objects.length - 1];
  }

  /** The least object with a key above {@code key} ({@code inclusive}: at or above), or null. */
  static StoredObject ceiling(Chunk t, Object key, boolean inclusive, Comparator<Object> order) {
    if (t == null) {
      return null;
    }
    if (t instanceof Leaf leaf) {
      int p = firstFrom(leaf, key, inclusive, order);
      return p < leaf.objects.length ? leaf.objects[p] : null;
    }
    Inner in = (Inner) t;
    int i = childIndex(in, key, order);
    StoredObject found = ceiling(in.children[i], key, inclusive, order);
    if (found != null || i + 1 == in.children.length) {
      return found;
    }
    return first(in.children[i + 1]);
  }

  /** The greatest object with a key below {@code key} ({@code inclusive}: at or below), or null. */
  static StoredObject floor(Chunk t, Object key, boolean inclusive, Comparator<Object> order) {
    if (t == null) {
      return null;
    }
    if (t instanceof Leaf leaf) {
      int p = firstFrom(leaf, key, !inclusive, order) - 1;
      return p >= 0 ? leaf.objects[p] : null;
    }
    Inner in = (Inner) t;
    int i = childIndex(in, key, order);
    StoredObject found = floor(in.children[i], key, inclusive, order);
    if (found != null || i == 0) {
      return found;
    }
    return last(in.children[i - 1]);
  }

  /** The number of keys below {@code key} ({@code inclusive}: at or below). */
  static int rank(Chunk t, Object key, boolean inclusive, Comparator<Object> order) {
    int rank = 0;
    while (t instanceof Inner in) {
      int i = childIndex(in, key, order);
      rank += in.before(i);
      t = in.children[i];
    }
    return t == null ? 0 : rank + firstFrom((Leaf) t, key, !inclusive, order);
  }

  /** The object at position {@code index} (0-based) in key order; null if out of range. */
  static StoredObject nodeAt(Chunk t, int index) {
    if (t == null || index < 0 || index >= t.size()) {
      return null;
    }
    while (t instanceof Inner in) {
      int i = 0;
      while (in.ends[i] <= index) {
        i++;
      }
      index -= in.before(i);
      t = in.children[i];
    }
    return ((Leaf) t).objects[index];
  }

  // ---- walking ----

  /** Visits the objects at or after {@code from} (null: all) in order; false if stopped. */
  static boolean ascend(
      Chunk t, Object from, boolean inclusive, Visitor visitor, Comparator<Object> order) {
    if (t == null) {
      return true;
    }
    if (t instanceof Leaf leaf) {
      StoredObject[] objects = leaf.objects;
      for (int p = from == null ? 0 : firstFrom(leaf, from, inclusive, order);
          p < objects.length;
          p++) {
        if (!visitor.visit(objects[p])) {
          return false;
        }
      }
      return true;
    }
    Inner in = (Inner) t;
    int i = from == null ? 0 : childIndex(in, from, order);
    if (!ascend(in.children[i], from, inclusive, visitor, order)) {
      return false;
    }
    for (int j = i + 1; j < in.children.length; j++) {
      if (!ascend(in.children[j], null, false, visitor, order)) {
        return false;
      }
    }
    return true;
  }

  /** Visits the objects at or before {@code from} (null: all) in reverse; false if stopped. */
  static boolean descend(
      Chunk t, Object from, boolean inclusive, Visitor visitor, Comparator<Object> order) {
    if (t == null) {
      return true;
    }
    if (t instanceof Leaf leaf) {
      StoredObject[] objects = leaf.objects;
      for (int p = from == null ? objects.length - 1 : firstFrom(leaf, from, !inclusive, order) - 1;
          p >= 0;
          p--) {
        if (!visitor.visit(objects[p])) {
          return false;
        }
      }
      return true;
    }
    Inner in = (Inner) t;
    int i = from == null ? in.children.length - 1 : childIndex(in, from, order);
    if (!descend(in.children[i], from, inclusive, visitor, order)) {
      return false;
    }
    for (int j = i - 1; j >= 0; j--) {
      if (!descend(in.children[j], null, false, visitor, order)) {
        return false;
      }
    }
    return true;
  }

  // ---- updates (each returns a new root) ----

  /** {@code t} with {@code (key, value)} stored, replacing the object whose key compares equal. */
  static Chunk put(Chunk t, Object key, Object value, Comparator<Object> order) {
    StoredObject object = new StoredObject(key, value);
    if (t == null) {
      return new Leaf(new StoredObject[] {object});
    }
    Chunk[] parts = insert(t, object, order);
    return parts.length == 1 ? parts[0] : new Inner(parts);
  }

  /** One chunk, or two of the same height if it overflowed. */
  private static Chunk[] insert(Chunk t, StoredObject object, Comparator<Object> order) {
    if (t instanceof Leaf leaf) {
      StoredObject[] objects = leaf.objects;
      int p = search(leaf, object.key, order);
      if (p >= 0) {
        StoredObject[] copy = objects.clone();
        copy[p] = object;
        return new Chunk[] {new Leaf(copy)};
      }
      int at = -p - 1;
      StoredObject[] grown = new StoredObject[objects.length + 1];
      System.arraycopy(objects, 0, grown, 0, at);
      grown[at] = object;
      System.arraycopy(objects, at, grown, at + 1, objects.length - at);
      if (grown.length <= LEAF_MAX) {
        return new Chunk[] {new Leaf(grown)};
      }
      int half = grown.length / 2;
      return new Chunk[] {
        new Leaf(Arrays.copyOfRange(grown, 0, half)),
        new Leaf(Arrays.copyOfRange(grown, half, grown.length))
      };
    }
    Inner in = (Inner) t;
    int i = childIndex(in, object.key, order);
    return replaced(in, i, 1, insert(in.children[i], object, order));
  }

  /**
   * {@code in} with {@code count} children from {@code at} replaced by {@code with} (same height),
   * as one inner node or two if that overflows. Only the new children are read: the others' least
   * keys and sizes are copied from {@code in}, so a write touches no sibling.
   */
  private static Chunk[] replaced(Inner in, int at, int count, Chunk[] with) {
    int n = in.children.length - count + with.length;
    Chunk[] children = new Chunk[n];
    Object[] lows = new Object[n];
    int[] ends = new int[n];
    System.arraycopy(in.children, 0, children, 0, at);
    System.arraycopy(in.lows, 0, lows, 0, at);
    System.arraycopy(in.ends, 0, ends, 0, at);
    int end = in.before(at);
    for (int k = 0; k < with.length; k++) {
      children[at + k] = with[k];
      lows[at + k] = with[k].low();
      end += with[k].size();
      ends[at + k] = end;
    }
    int shift = end - in.ends[at + count - 1];
    for (int j = at + count; j < in.children.length; j++) {
      int to = j - count + with.length;
      children[to] = in.children[j];
      lows[to] = in.lows[j];
      ends[to] = in.ends[j] + shift;
    }
    return grouped(children, lows, ends, in.height);
  }

  /** One inner node over the arrays, or two halves if there are more than INNER_MAX children. */
  private static Chunk[] grouped(Chunk[] children, Object[] lows, int[] ends, int height) {
    if (children.length <= INNER_MAX) {
      return new Chunk[] {new Inner(children, lows, ends, height)};
    }
    int half = children.length / 2;
    return new Chunk[] {
      slice(children, lows, ends, height, 0, half),
      slice(children, lows, ends, height, half, children.length)
    };
  }

  /** The children {@code [from, to)} of the arrays as one inner node of {@code height}. */
  private static Inner slice(
      Chunk[] children, Object[] lows, int[] ends, int height, int from, int to) {
    int base = from == 0 ? 0 : ends[from - 1];
    int[] rebased = new int[to - from];
    for (int j = from; j < to; j++) {
      rebased[j - from] = ends[j] - base;
    }
    return new Inner(
        Arrays.copyOfRange(children, from, to),
        Arrays.copyOfRange(lows, from, to),
        rebased,
        height);
  }

  /** {@code t} without the key that compares equal to {@code key} (the same root if absent). */
  static Chunk remove(Chunk t, Object key, Comparator<Object> order) {
    if (t == null) {
      return null;
    }
    Chunk r = delete(t, key, order);
    while (r instanceof Inner in && in.children.length == 1) {
      r = in.children[0];
    }
    return r;
  }

  /** {@code t} without {@code key}: {@code t} itself if absent, null if nothing is left. */
  private static Chunk delete(Chunk t, Object key, Comparator<Object> order) {
    if (t instanceof Leaf leaf) {
      int p = search(leaf, key, order);
      if (p < 0) {
        return t;
      }
      StoredObject[] objects = leaf.objects;
      if (objects.length == 1) {
        return null;
      }
      StoredObject[] shrunk = new StoredObject[objects.length - 1];
      System.arraycopy(objects, 0, shrunk, 0, p);
      System.arraycopy(objects, p + 1, shrunk, p, objects.length - p - 1);
      return new Leaf(shrunk);
    }
    Inner in = (Inner) t;
    int i = childIndex(in, key, order);
    Chunk child = delete(in.children[i], key, order);
    if (child == in.children[i]) {
      return t;
    }
    Chunk[] children = in.children;
    if (child == null) {
      if (children.length == 1) {
        return null;
      }
      return replaced(in, i, 1, new Chunk[0])[0];
    }
    if (child instanceof Leaf small && small.objects.length < LEAF_MIN && children.length > 1) {
      int left = i > 0 ? i - 1 : i; // merge with the neighbour: left one if there is one
      Leaf a = (Leaf) (left == i ? small : children[left]);
      Leaf b = (Leaf) (left == i ? children[i + 1] : small);
      return replaced(in, left, 2, leaves(a.objects, b.objects))[0];
    }
    return replaced(in, i, 1, new Chunk[] {child})[0];
  }

  /** The objects of two neighbouring leaves as one leaf, or two even ones if that is too many. */
  private static Chunk[] leaves(StoredObject[] a, StoredObject[] b) {
    StoredObject[] all = new StoredObject[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    if (all.length <= LEAF_MAX) {
      return new Chunk[] {new Leaf(all)};
    }
    int half = all.length / 2;
    return new Chunk[] {
      new Leaf(Arrays.copyOfRange(all, 0, half)),
      new Leaf(Arrays.copyOfRange(all, half, all.length))
    };
  }

  // ---- split and join (the CA tree's base adaptation) ----

  /**
   * The objects before position {@code index} and those from it on, as two trees (null when empty).
   */
  static Chunk[] splitAt(Chunk t, int index) {
    if (t == null) {
      return new Chunk[] {null, null};
    }
    if (index <= 0) {
      return new Chunk[] {null, t};
    }
    if (index >= t.size()) {
      return new Chunk[] {t, null};
    }
    if (t instanceof Leaf leaf) {
      StoredObject[] objects = leaf.objects;
      return new Chunk[] {
        new Leaf(Arrays.copyOfRange(objects, 0, index)),
        new Leaf(Arrays.copyOfRange(objects, index, objects.length))
      };
    }
    Inner in = (Inner) t;
    int i = 0;
    while (in.ends[i] <= index) {
      i++;
    }
    Chunk[] inside = splitAt(in.children[i], index - in.before(i));
    Chunk below = join2(over(in, 0, i), inside[0]);
    Chunk above = join2(inside[1], over(in, i + 1, in.children.length));
    return new Chunk[] {below, above};
  }

  /** The children {@code [from, to)} as one tree: null if none, the child itself if one. */
  private static Chunk over(Inner in, int from, int to) {
    if (from >= to) {
      return null;
    }
    if (to - from == 1) {
      return in.children[from];
    }
    return slice(in.children, in.lows, in.ends, in.height, from, to);
  }

  /**
   * Joins two trees whose keys are ordered: every key of {@code below} precedes {@code above}'s.
   */
  static Chunk join2(Chunk below, Chunk above) {
    if (below == null) {
      return above;
    }
    if (above == null) {
      return below;
    }
    Chunk[] parts = concat(below, above);
    return parts.length == 1 ? parts[0] : new Inner(parts);
  }

  /** {@code a} then {@code b} as one or two chunks of the taller one's height. */
  private static Chunk[] concat(Chunk a, Chunk b) {
    int ha = a.height();
    int hb = b.height();
    if (ha == hb) {
      if (a instanceof Leaf la && b instanceof Leaf lb) {
        if (la.objects.length < LEAF_MIN
            || lb.objects.length < LEAF_MIN
            || la.objects.length + lb.objects.length <= LEAF_MAX) {
          return leaves(la.objects, lb.objects);
        }
        return new Chunk[] {a, b};
      }
      Inner ia = (Inner) a;
      Inner ib = (Inner) b;
      if (ia.children.length + ib.children.length <= INNER_MAX) {
        return replaced(ia, ia.children.length - 1, 1, withNext(ia, ib));
      }
      return new Chunk[] {a, b};
    }
    if (ha > hb) {
      Inner ia = (Inner) a;
      int last = ia.children.length - 1;
      return replaced(ia, last, 1, concat(ia.children[last], b));
    }
    Inner ib = (Inner) b;
    return replaced(ib, 0, 1, concat(a, ib.children[0]));
  }

  /** The last child of {@code a} followed by every child of {@code b}. */
  private static Chunk[] withNext(Inner a, Inner b) {
    Chunk[] all = new Chunk[1 + b.children.length];
    all[0] = a.children[a.children.length - 1];
    System.arraycopy(b.children, 0, all, 1, b.children.length);
    return all;
  }
}
