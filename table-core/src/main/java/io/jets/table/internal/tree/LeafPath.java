package io.jets.table.internal.tree;

import io.jets.table.internal.tree.LeafTree.Node;
import io.jets.table.spi.StoredObject;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One descent of a {@link LeafTree} by a writer: the inner nodes from the root, the child taken in
 * each, the leaf, the order word read there and the key's position. A live edit keeps the path of
 * its last locked lookup, so the write that follows under the same lock (with no write between)
 * starts at the leaf instead of descending again.
 */
final class LeafPath {
  Inner[] nodes = new Inner[8];
  int[] children = new int[8];
  int depth;
  Leaf leaf;
  long order;

  /** The key's position in the leaf, or -(insertion point) - 1. */
  int position;

  /** The root the path was taken in; null once a write used it, or while it is not complete. */
  Node root;

  /** The key the path was taken for. */
  Object key;

  /** The stored key and value at {@link #position} when the key was found, for {@link #found}. */
  private Object storedKey;

  private Object storedValue;

  /**
   * Descends {@code t} (not null) to the leaf for {@code key}, recording the way and the key's
   * position in the leaf ({@link #found}).
   */
  void locate(Node t, Object key, Comparator<Object> o) {
    root = null; // invalid until the descent is complete: the order may throw
    depth = 0;
    while (t instanceof Inner inner) {
      if (depth == nodes.length) {
        nodes = Arrays.copyOf(nodes, depth << 1);
        children = Arrays.copyOf(children, depth << 1);
      }
      int c = inner.childFor(key, o);
      nodes[depth] = inner;
      children[depth++] = c;
      t = inner.laChild(c);
    }
    Leaf l = (Leaf) t;
    long w = l.laOrder();
    int i = l.search(w, key, o);
    leaf = l;
    order = w;
    position = i;
    this.key = key;
    // Cleared on a miss: a path kept by a base's edit must not hold a removed key or value alive.
    storedKey = i >= 0 ? l.key(w, i) : null;
    storedValue = i >= 0 ? l.value(w, i) : null;
  }

  /**
   * The object the last {@link #locate} found, built here, or null: small enough to be inlined into
   * a locked write, where the compiler can then drop the object (an overwrite allocates nothing).
   */
  StoredObject found() {
    // Built here from fields rather than by calls: the compiler inlines a method this small
    // however rare the profile makes a hit look (writes of new keys at setup), and a method it
    // leaves out of line returns the object, which then escapes (24 B per overwrite).
    return position >= 0 ? new StoredObject(storedKey, storedValue) : null;
  }

  /**
   * Whether this path, taken in {@code t} by a lookup that no write has followed, leads to {@code
   * key}: the lookup key itself, or the stored key it found.
   */
  boolean leadsTo(Node t, Object key) {
    return root == t && (this.key == key || (position >= 0 && storedKey == key));
  }

  /** Whether the leaf is the last of the tree ({@code last}) or the first: every child taken so. */
  boolean atEdge(boolean last) {
    for (int d = 0; d < depth; d++) {
      if (children[d] != (last ? nodes[d].size() - 1 : 0)) {
        return false;
      }
    }
    return true;
  }

  /** Drops the references the path holds, so retired nodes are not kept alive by it. */
  void clear() {
    Arrays.fill(nodes, 0, depth, null);
    depth = 0;
    leaf = null;
    root = null;
    key = null;
    storedKey = null;
    storedValue = null;
  }
}
