package io.jets.table.internal.tree;

import io.jets.table.spi.StoredObject;
import java.util.Comparator;

/**
 * An immutable, size-augmented AVL tree of key/value pairs: every update returns a new root and
 * shares every node off the changed path. The data of one base node of a {@link
 * ContentionAdaptingTree}.
 *
 * <p>Any number of threads may read a root concurrently without synchronization once it has been
 * safely published; nobody ever writes a node after construction.
 */
public final class PersistentSortedTree {
  /*
   * Design notes
   *
   * Balance. All rebalancing goes through join(L, k, R) (Blelloch, Ferizovic and Sun [1]), which
   * joins two AVL trees whose keys are separated by k whatever their heights, in O(|h(L)-h(R)|).
   * Insert and delete rebuild the search path with join, so there is one balancing primitive to
   * get right; split(t, k) and join2(L, R) give the O(log n) base split and base join that the
   * contention-adapting tree needs.
   *
   * Sizes. Each node keeps the size of its subtree, so rank, select-by-index (slot) and the median
   * used to split a base cost O(log n).
   *
   * Why a persistent AVL tree rather than a persistent B-tree of small arrays: path copying costs
   * O(log n) small allocations per write, but split and join of bases are O(log n) instead of a
   * copy, which keeps adaptation cheap under the contention that triggers it, and the code is
   * small enough to review line by line.
   *
   * [1] G. Blelloch, D. Ferizovic, Y. Sun. Just join for parallel ordered sets. SPAA 2016.
   */

  /** An immutable tree node. */
  public static final class Node extends StoredObject {
    final Node left;
    final Node right;
    final int height;
    final int size;
    final byte skew; // height(right) - height(left): with height, gives both children's heights

    Node(Node left, Object key, Object value, Node right) {
      super(key, value);
      this.left = left;
      this.right = right;
      int hl = height(left);
      int hr = height(right);
      this.height = 1 + Math.max(hl, hr);
      this.size = 1 + size(left) + size(right);
      this.skew = (byte) (hr - hl);
    }

    /** A node whose height, size and skew the caller computed without loading its children. */
    private Node(Node left, Object key, Object value, Node right, int height, int size, int skew) {
      super(key, value);
      this.left = left;
      this.right = right;
      this.height = height;
      this.size = size;
      this.skew = (byte) skew;
    }

    int leftHeight() {
      return skew < 0 ? height - 1 : height - 1 - skew;
    }

    int rightHeight() {
      return skew < 0 ? height - 1 + skew : height - 1;
    }
  }

  /**
   * The result of {@link #split}: the keys below, the node with the key (or null), the keys above.
   */
  record Split(Node below, Node found, Node above) {}

  private PersistentSortedTree() {}

  static int height(Node t) {
    return t == null ? 0 : t.height;
  }

  public static int size(Node t) {
    return t == null ? 0 : t.size;
  }

  // ---- queries ----

  /** The node whose key compares equal to {@code key}, or null. */
  public static Node find(Node t, Object key, Comparator<Object> order) {
    while (t != null) {
      int c = order.compare(key, t.key);
      if (c == 0) {
        return t;
      }
      t = c < 0 ? t.left : t.right;
    }
    return null;
  }

  /** The node whose key {@code equals} {@code key}, searching every node: O(n). */
  public static Node findEqual(Node t, Object key) {
    while (t != null) {
      if (t.key.equals(key)) {
        return t;
      }
      Node inLeft = findEqual(t.left, key);
      if (inLeft != null) {
        return inLeft;
      }
      t = t.right;
    }
    return null;
  }

  public static Node first(Node t) {
    if (t == null) {
      return null;
    }
    while (t.left != null) {
      t = t.left;
    }
    return t;
  }

  static Node last(Node t) {
    if (t == null) {
      return null;
    }
    while (t.right != null) {
      t = t.right;
    }
    return t;
  }

  /** The least node with a key above {@code key} ({@code inclusive}: at or above), or null. */
  public static Node ceiling(Node t, Object key, boolean inclusive, Comparator<Object> order) {
    Node best = null;
    while (t != null) {
      int c = order.compare(key, t.key);
      if (c < 0 || (inclusive && c == 0)) {
        best = t;
        if (c == 0) {
          return t;
        }
        t = t.left;
      } else {
        t = t.right;
      }
    }
    return best;
  }

  /** The greatest node with a key below {@code key} ({@code inclusive}: at or below), or null. */
  static Node floor(Node t, Object key, boolean inclusive, Comparator<Object> order) {
    Node best = null;
    while (t != null) {
      int c = order.compare(key, t.key);
      if (c > 0 || (inclusive && c == 0)) {
        best = t;
        if (c == 0) {
          return t;
        }
        t = t.right;
      } else {
        t = t.left;
      }
    }
    return best;
  }

  /** The number of keys below {@code key} ({@code inclusive}: at or below). */
  static int rank(Node t, Object key, boolean inclusive, Comparator<Object> order) {
    int rank = 0;
    while (t != null) {
      int c = order.compare(key, t.key);
      if (c < 0 || (c == 0 && !inclusive)) {
        t = t.left;
      } else {
        rank += size(t.left) + 1;
        if (c == 0) {
          return rank;
        }
        t = t.right;
      }
    }
    return rank;
  }

  /** The node at position {@code index} (0-based) in key order; {@code 0 <= index < size(t)}. */
  public static Node nodeAt(Node t, int index) {
    while (t != null) {
      int leftSize = size(t.left);
      if (index < leftSize) {
        t = t.left;
      } else if (index == leftSize) {
        return t;
      } else {
        index -= leftSize + 1;
        t = t.right;
      }
    }
    return null;
  }

  // ---- updates (each returns a new root) ----

  /**
   * A balanced tree of {@code objects[from, to)}, whose keys are in ascending order, in O(n); the
   * objects are copied, not shared.
   */
  public static Node ofSorted(StoredObject[] objects, int from, int to) {
    if (from >= to) {
      return null;
    }
    int mid = (from + to) >>> 1;
    StoredObject o = objects[mid];
    return new Node(
        ofSorted(objects, from, mid), o.key, o.laValue(), ofSorted(objects, mid + 1, to));
  }

  /** Appends the nodes of {@code t} in key order to {@code into}, from index {@code at}. */
  public static int inOrder(Node t, StoredObject[] into, int at) {
    if (t == null) {
      return at;
    }
    int next = inOrder(t.left, into, at);
    into[next] = t;
    return inOrder(t.right, into, next + 1);
  }

  /** {@code t} with {@code (key, value)} stored, replacing the node whose key compares equal. */
  public static Node put(Node t, Object key, Object value, Comparator<Object> order) {
    return insert(t, key, value, order, true);
  }

  /** {@code t} with {@code (key, value)} added, or {@code t} itself if a key compares equal. */
  public static Node putIfAbsent(Node t, Object key, Object value, Comparator<Object> order) {
    return insert(t, key, value, order, false);
  }

  private static Node insert(
      Node t, Object key, Object value, Comparator<Object> order, boolean replace) {
    if (t == null) {
      return new Node(null, key, value, null, 1, 1, 0);
    }
    int c = order.compare(key, t.key);
    if (c == 0) {
      return replace ? new Node(t.left, key, value, t.right, t.height, t.size, t.skew) : t;
    }
    if (c < 0) {
      Node left = insert(t.left, key, value, order, replace);
      return left == t.left ? t : withLeft(t, left);
    }
    Node right = insert(t.right, key, value, order, replace);
    return right == t.right ? t : withRight(t, right);
  }

  /** {@code t} without the key that compares equal to {@code key} (the same root if absent). */
  public static Node remove(Node t, Object key, Comparator<Object> order) {
    if (t == null) {
      return null;
    }
    int c = order.compare(key, t.key);
    if (c == 0) {
      return join2(t.left, t.right);
    }
    if (c < 0) {
      Node left = remove(t.left, key, order);
      return left == t.left ? t : withLeft(t, left);
    }
    Node right = remove(t.right, key, order);
    return right == t.right ? t : withRight(t, right);
  }

  /*
   * A write copies the path to the node it changes. withLeft and withRight copy one node of that
   * path with one child replaced, taking the other child's height from the node's own height and
   * skew and its size from the node's size, so a copy reads only nodes of the path: a write touches
   * O(log n) nodes, not also their O(log n) siblings (which join's constructor loads, one cache
   * miss each in a large tree). Only a copy whose children's heights now differ by two goes through
   * join, which rotates.
   */

  /** {@code t} with {@code left} in place of its left subtree (keys still below t's key). */
  private static Node withLeft(Node t, Node left) {
    int hl = height(left);
    int hr = t.rightHeight();
    if (hl > hr + 1 || hr > hl + 1) {
      return join(left, t.key, t.laValue(), t.right);
    }
    int size = t.size - size(t.left) + size(left);
    return new Node(left, t.key, t.laValue(), t.right, 1 + Math.max(hl, hr), size, hr - hl);
  }

  /** {@code t} with {@code right} in place of its right subtree (keys still above t's key). */
  private static Node withRight(Node t, Node right) {
    int hl = t.leftHeight();
    int hr = height(right);
    if (hl > hr + 1 || hr > hl + 1) {
      return join(t.left, t.key, t.laValue(), right);
    }
    int size = t.size - size(t.right) + size(right);
    return new Node(t.left, t.key, t.laValue(), right, 1 + Math.max(hl, hr), size, hr - hl);
  }

  /** Splits {@code t} around {@code key}. */
  static Split split(Node t, Object key, Comparator<Object> order) {
    if (t == null) {
      return new Split(null, null, null);
    }
    int c = order.compare(key, t.key);
    if (c == 0) {
      return new Split(t.left, t, t.right);
    }
    if (c < 0) {
      Split s = split(t.left, key, order);
      return new Split(s.below(), s.found(), join(s.above(), t.key, t.laValue(), t.right));
    }
    Split s = split(t.right, key, order);
    return new Split(join(t.left, t.key, t.laValue(), s.below()), s.found(), s.above());
  }

  /** Every key of {@code below} precedes {@code key}, which precedes every key of {@code above}. */
  static Node join(Node below, Object key, Object value, Node above) {
    int hl = height(below);
    int hr = height(above);
    if (hl > hr + 1) {
      return joinRight(below, key, value, above);
    }
    if (hr > hl + 1) {
      return joinLeft(below, key, value, above);
    }
    return new Node(below, key, value, above);
  }

  /**
   * Joins two trees whose keys are ordered: every key of {@code below} precedes {@code above}'s.
   */
  static Node join2(Node below, Node above) {
    if (below == null) {
      return above;
    }
    if (above == null) {
      return below;
    }
    Node max = last(below);
    return join(removeLast(below), max.key, max.laValue(), above);
  }

  private static Node removeLast(Node t) {
    if (t.right == null) {
      return t.left;
    }
    return join(t.left, t.key, t.laValue(), removeLast(t.right));
  }

  // below is taller: descend its right spine to a subtree no more than one taller than above.
  private static Node joinRight(Node below, Object key, Object value, Node above) {
    Node l = below.left;
    Node c = below.right;
    if (height(c) <= height(above) + 1) {
      Node joined = new Node(c, key, value, above);
      if (height(joined) <= height(l) + 1) {
        return new Node(l, below.key, below.laValue(), joined);
      }
      return rotateLeft(new Node(l, below.key, below.laValue(), rotateRight(joined)));
    }
    Node joined = joinRight(c, key, value, above);
    Node t = new Node(l, below.key, below.laValue(), joined);
    return height(joined) <= height(l) + 1 ? t : rotateLeft(t);
  }

  private static Node joinLeft(Node below, Object key, Object value, Node above) {
    Node r = above.right;
    Node c = above.left;
    if (height(c) <= height(below) + 1) {
      Node joined = new Node(below, key, value, c);
      if (height(joined) <= height(r) + 1) {
        return new Node(joined, above.key, above.laValue(), r);
      }
      return rotateRight(new Node(rotateLeft(joined), above.key, above.laValue(), r));
    }
    Node joined = joinLeft(below, key, value, c);
    Node t = new Node(joined, above.key, above.laValue(), r);
    return height(joined) <= height(r) + 1 ? t : rotateRight(t);
  }

  private static Node rotateLeft(Node t) {
    Node r = t.right;
    return new Node(new Node(t.left, t.key, t.laValue(), r.left), r.key, r.laValue(), r.right);
  }

  private static Node rotateRight(Node t) {
    Node l = t.left;
    return new Node(l.left, l.key, l.laValue(), new Node(l.right, t.key, t.laValue(), t.right));
  }
}
