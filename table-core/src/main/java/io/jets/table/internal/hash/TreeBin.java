package io.jets.table.internal.hash;

import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.internal.tree.PersistentSortedTree;
import io.jets.table.spi.StoredObject;
import java.util.Comparator;

/**
 * A bucket of a {@link StripedBuckets} whose chain grew long, held as a balanced immutable tree:
 * keys whose hash codes collide (chosen by whoever controls the keys, or simply unlucky) cost O(log
 * n) per read and write instead of O(n), as ConcurrentHashMap's tree bins do.
 *
 * <p>The tree is ordered exactly as the chain it replaces (by {@link BucketChain#order}, then by
 * {@link BucketChain#tieOrder}), so a traversal sees the same order whichever form a bucket takes
 * and can step on from a deleted key. A bucket becomes a tree only while all its keys are of one
 * class and that order tells every two of them apart. For a {@link Comparable} class the order also
 * finds a key: reads and writes cost O(log n). For other keys the tie order is the stored
 * instances' identity hash, which places them but cannot find an equal instance: a lookup scans the
 * tree with {@code equals} (O(n), as ConcurrentHashMap's tree bins do for such keys), while a write
 * still copies only O(log n) nodes where a chain copies O(n). A write that would break the rule (a
 * key of another class, or one the order ties with an unequal key) turns the bucket back into a
 * chain, which handles any keys; so does shrinking below {@link #CHAIN_AT} keys. Like a chain, a
 * tree bin is immutable: a writer publishes a new one (path copying).
 */
final class TreeBin {

  /** A chain reaching this many keys becomes a tree (ConcurrentHashMap's TREEIFY_THRESHOLD). */
  static final int TREE_AT = 8;

  /** A tree shrinking to this many keys becomes a chain again (UNTREEIFY_THRESHOLD). */
  static final int CHAIN_AT = 6;

  /** The order of chains: by key order (unsigned), then by tie order. */
  static final Comparator<Object> ORDER =
      (a, b) -> {
        int c = Integer.compareUnsigned(BucketChain.order(a), BucketChain.order(b));
        return c != 0 ? c : BucketChain.tieOrder(a, b);
      };

  final PersistentSortedTree.Node root;
  final Class<?> keyClass;
  final boolean comparable; // whether the order finds keys (keyClass implements Comparable)

  private TreeBin(PersistentSortedTree.Node root, Class<?> keyClass) {
    this.root = root;
    this.keyClass = keyClass;
    this.comparable = Comparable.class.isAssignableFrom(keyClass);
  }

  int size() {
    return PersistentSortedTree.size(root);
  }

  /**
   * The chain {@code head} of {@code length} keys as a tree, or null if its keys do not allow it.
   */
  static TreeBin of(Node head, int length) {
    Class<?> keyClass = head.key.getClass();
    StoredObject[] sorted = new StoredObject[length];
    int k = 0;
    for (Node n = head; n != null; n = n.next) {
      if (n.key.getClass() != keyClass
          || (k > 0
              && ((Node) sorted[k - 1]).hash == n.hash
              && ORDER.compare(sorted[k - 1].key, n.key) == 0)) {
        return null; // another class, or unequal keys the order cannot tell apart
      }
      sorted[k++] = n;
    }
    return new TreeBin(PersistentSortedTree.ofSorted(sorted, 0, k), keyClass);
  }

  /** This tree's keys as a chain, sorted as the tree is. */
  Node toChain() {
    StoredObject[] sorted = sorted();
    Node chain = null;
    for (int k = sorted.length - 1; k >= 0; k--) {
      StoredObject o = sorted[k];
      chain = new Node(BucketChain.order(o.key), o.key, o.laValue(), chain);
    }
    return chain;
  }

  StoredObject[] sorted() {
    StoredObject[] sorted = new StoredObject[size()];
    PersistentSortedTree.inOrder(root, sorted, 0);
    return sorted;
  }

  // ---- reads ----

  /** The object holding {@code key}, or null. */
  StoredObject find(Object key) {
    if (!comparable || key.getClass() != keyClass) {
      // The order cannot find this key (identity order, or another class): scan with equals.
      return PersistentSortedTree.findEqual(root, key);
    }
    PersistentSortedTree.Node n = PersistentSortedTree.find(root, key, ORDER);
    return n != null && n.key.equals(key) ? n : null;
  }

  StoredObject first() {
    return PersistentSortedTree.first(root);
  }

  /** The first object positioned after {@code key} in the chain order, present or not. */
  StoredObject after(Object key) {
    StoredObject present = comparable && key.getClass() == keyClass ? null : find(key);
    return PersistentSortedTree.ceiling(root, present != null ? present.key : key, false, ORDER);
  }

  // ---- writes: each returns the bucket's new content ----

  /**
   * The bucket with {@code key} holding {@code value} (removed when null); {@code present} is the
   * object that holds the key now, or null. A tree, or a chain when the result must be one.
   */
  Object edit(Object key, Object value, StoredObject present) {
    if (present != null) {
      if (value == null) {
        PersistentSortedTree.Node rest = PersistentSortedTree.remove(root, present.key, ORDER);
        TreeBin smaller = new TreeBin(rest, keyClass);
        return smaller.size() <= CHAIN_AT ? smaller.toChain() : smaller;
      }
      return new TreeBin(PersistentSortedTree.put(root, present.key, value, ORDER), keyClass);
    }
    if (value == null) {
      return this;
    }
    if (key.getClass() == keyClass) {
      PersistentSortedTree.Node added = PersistentSortedTree.putIfAbsent(root, key, value, ORDER);
      if (added != root) {
        return new TreeBin(added, keyClass);
      }
    }
    // A key of another class, or one the order ties with an unequal key: back to a chain.
    Node chain = toChain();
    return BucketChain.edit(chain, BucketChain.order(key), key, value, null);
  }

  /**
   * This tree's keys split for a table of twice the capacity, by the order bit {@code bit} (from
   * the top): the keys with the bit clear form a prefix. Returns {this, null} or {null, this} when
   * every key falls on one side, as when all their hashes are equal.
   */
  Object[] split(int bit) {
    StoredObject first = first();
    StoredObject last = PersistentSortedTree.nodeAt(root, size() - 1);
    int firstBit = (BucketChain.order(first.key) >>> bit) & 1;
    int lastBit = (BucketChain.order(last.key) >>> bit) & 1;
    if (firstBit == lastBit) {
      return firstBit == 0 ? new Object[] {this, null} : new Object[] {null, this};
    }
    StoredObject[] sorted = sorted();
    int cut = 0;
    while (((BucketChain.order(sorted[cut].key) >>> bit) & 1) == 0) {
      cut++;
    }
    return new Object[] {part(sorted, 0, cut), part(sorted, cut, sorted.length)};
  }

  private Object part(StoredObject[] sorted, int from, int to) {
    if (to - from > CHAIN_AT) {
      return new TreeBin(PersistentSortedTree.ofSorted(sorted, from, to), keyClass);
    }
    Node chain = null;
    for (int k = to - 1; k >= from; k--) {
      chain = new Node(BucketChain.order(sorted[k].key), sorted[k].key, sorted[k].laValue(), chain);
    }
    return chain;
  }
}
