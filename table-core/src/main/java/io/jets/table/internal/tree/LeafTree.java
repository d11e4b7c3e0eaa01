package io.jets.table.internal.tree;

import io.jets.table.spi.StoredObject;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The data of one base of a {@link ContentionAdaptingTree}: a B+tree whose leaves are slotted
 * arrays ({@link Leaf}) and whose inner nodes' child slots a writer replaces in place, so most
 * writes fill or drop one slot of one leaf and allocate nothing. One writer at a time (the base's
 * lock holder); any number of lock-free readers.
 */
final class LeafTree {
  /*
   * Design notes
   *
   * Layout. A leaf holds up to LEAF_MAX (key, value) pairs inline in slots and an order word
   * listing them in key order: a binary search reads the keys' references from a few adjacent cache
   * lines instead of one tree node per probe [1][2], and a walk reads keys and values from the same
   * lines. An inner node holds n - 1 separator keys and n children; child i holds the keys k with
   * sep[i - 1] <= k < sep[i], as the CA tree's route nodes do. Every leaf is at the same depth.
   *
   * Concurrency. Separator arrays never change once built, and a leaf's key slots are written once.
   * A single-key write (a live Edit) adds a pair to its leaf in a fresh slot, or drops one, and
   * publishes the leaf's new order word with a release store (Leaf); when the leaf has no fresh
   * slot it builds a compact leaf and stores it into its parent's slot with a release store. A
   * leaf that splits or merges changes its parent's separators, so the parent is copied and stored
   * in its own parent's slot, and so on up; a new root is published by the base. A present key's
   * value is replaced in place in its value slot (a release store). A reader loads each slot
   * with an acquire load and each leaf's order word once, and sees, for each leaf it reads, the
   * keys that leaf's interval held at one instant during its read: a node a write copied never
   * changes again but for values replaced in place, one that it did not copy only ever has slots
   * replaced by versions of the same interval, and a leaf's order word only ever lists pairs of the
   * leaf's interval. A walk moves from leaf to leaf along the inner nodes it loaded, whose slots
   * partition their interval (OrderedTraversal), so a key present for the whole walk is met
   * exactly once.
   *
   * Batches (a multi-object write) must leave the live version untouched until their commit: an
   * Edit that is not live copies every node it changes once (the copy records the edit as its
   * owner and is then changed in place) and never replaces a value in place.
   *
   * Occupancy. A full leaf that overflows splits in half; both halves are built straight from its
   * slots and the new pair, and the parent's copy takes its children straight from the parent, so a
   * split allocates the two leaves and the parent's copy and nothing in between. Keys inserted in
   * random order then fill leaves to about ln 2 of their capacity (0.70). Sharing a full leaf's
   * pairs with an emptier neighbour first (B*-tree redistribution [3]) filled them to 0.82 and made
   * a select over them cheaper (Runs AA and AB), but a shift leaves each leaf only a fresh slot or
   * two, so the next inserts rebuild both and copy the parent again: it raised the bytes per insert
   * of a new key from 107 to 279 (fill 0.79 / 214 B and 0.75 / 145 B with more room kept;
   * BENCHMARKS.md, Run AB), and leaves split without it. The exception is a key past the last key
   * of the tree's last leaf (or before the first of its first): keys arriving in order leave that
   * leaf full and untouched and start a new one, so a base built in key order has full leaves. A
   * leaf or inner node that falls below a quarter of its capacity merges with a neighbour when the
   * two fit in one node; otherwise it stays as it is (no borrowing), so a node is never empty and
   * the height stays logarithmic in the largest size the base has had.
   *
   * [1] T. Kobus, M. Kokocinski, P. Wojciechowski. Jiffy: a lock-free skip list with batch updates
   *     and snapshots. PPoPP 2022 (sorted-array nodes replaced whole).
   * [2] D. Basin et al. KiWi: a key-value map for scalable real-time analytics. PPoPP 2017.
   * [3] D. Knuth. The Art of Computer Programming, vol. 3, 6.2.4 (B*-trees: overflow into a
   *     sibling before splitting; tried and dropped here, see Occupancy).
   */

  /**
   * Pairs per leaf: the fifteen positions of a leaf's order word; 120 bytes of slot references with
   * compressed oops, so a binary search (four probes) touches at most two or three cache lines.
   */
  static final int LEAF_MAX = Leaf.MAX;

  /** Children per inner node: three levels reach 32,768 leaves (0.1 to 0.5 million keys). */
  static final int INNER_MAX = 32;

  /** Below this many pairs (or children) a node merges with a neighbour that fits beside it. */
  static final int LEAF_MIN = LEAF_MAX / 4;

  static final int INNER_MIN = INNER_MAX / 4;

  private LeafTree() {}

  /** A leaf or an inner node. */
  abstract static sealed class Node permits Leaf, Inner {
    /** Pairs in a leaf, children in an inner node: never zero. */
    abstract int size();
  }

  /**
   * Who writes: a live edit (a single-key write, in place where readers allow) or a batch, which
   * copies what it changes. {@code delta} is the change in the object count of the last write.
   */
  static final class Edit {
    /** The owner of nodes that splits and joins of bases build; its delta is never used. */
    static final Edit STRUCTURE = live();

    private final boolean live;
    int delta;

    /** The descent of the last locked lookup or write. */
    final LeafPath path = new LeafPath();

    private Edit(boolean live) {
      this.live = live;
    }

    /**
     * Looks {@code key} up in {@code t} under the lock of the base this live edit writes, keeping
     * the path for a write of the same key that follows with no write between.
     */
    StoredObject findForWrite(Node t, Object key, Comparator<Object> order) {
      if (t == null) {
        path.root = null;
        return null;
      }
      path.locate(t, key, order);
      path.root = t; // valid until a write uses it
      return path.found();
    }

    /** The path to {@code key} in {@code t}: the kept one if still valid, else a new descent. */
    private LeafPath pathTo(Node t, Object key, Comparator<Object> order) {
      if (!path.leadsTo(t, key)) {
        path.locate(t, key, order);
      }
      path.root = null; // this write changes what the path describes: no later write may use it
      return path;
    }

    /** A base's single-key edit, used under the base's lock only. */
    static Edit live() {
      return new Edit(true);
    }

    /** A batch's edit: changes nothing that was built before it. */
    static Edit batch() {
      return new Edit(false);
    }

    /** Whether this edit may change a node built by {@code owner} in place. */
    boolean mayChange(Object owner) {
      return live || owner == this;
    }
  }

  // ---- reads (any thread, lock-free) ----

  /** The object whose key compares equal to {@code key} (built for the call), or null. */
  static StoredObject find(Node t, Object key, Comparator<Object> order) {
    while (t instanceof Inner inner) {
      t = inner.laChild(inner.childFor(key, order));
    }
    if (t == null) {
      return null;
    }
    Leaf leaf = (Leaf) t;
    long o = leaf.laOrder();
    int i = leaf.search(o, key, order);
    return i >= 0 ? leaf.object(o, i) : null;
  }

  /** The first key of {@code t} (not empty). */
  static Object firstKey(Node t) {
    while (t instanceof Inner inner) {
      t = inner.laChild(0);
    }
    Leaf leaf = (Leaf) t;
    return leaf.key(leaf.laOrder(), 0);
  }

  /** The number of entries: a walk over the leaves, for rare callers (clear, split checks). */
  static long size(Node t) {
    if (t == null) {
      return 0;
    }
    if (t instanceof Leaf leaf) {
      return leaf.size();
    }
    Inner inner = (Inner) t;
    long size = 0;
    for (int i = 0; i < inner.size(); i++) {
      size += size(inner.laChild(i));
    }
    return size;
  }

  // ---- writes (the base's lock holder) ----

  /** Marks a child that became empty, for its parent to drop. */
  private static final Object EMPTY = new Object();

  /** A node that split in two: the parent takes {@code right} after {@code left}. */
  record Split(Node left, Object key, Node right) {}

  /**
   * {@code t} with {@code value} stored under {@code key} (which replaces a key comparing equal);
   * the new root, which is {@code t} itself when the write went in place. Sets {@code edit.delta}.
   */
  static Node put(Node t, Object key, Object value, Comparator<Object> order, Edit edit) {
    if (t == null) {
      edit.delta = 1;
      edit.path.root = null;
      return new Leaf(new Object[] {key, value}, 0, 1, edit);
    }
    LeafPath p = edit.pathTo(t, key, order);
    Object r = insertIntoLeaf(p, key, value, edit);
    for (int d = p.depth - 1; d >= 0 && r != null; d--) {
      Inner inner = p.nodes[d];
      int c = p.children[d];
      if (r instanceof Split s) {
        r = withSplitChild(inner, c, s, edit);
      } else {
        r = withChild(inner, c, (Node) r, edit);
      }
    }
    if (r == null) {
      return t;
    }
    if (r instanceof Split s) {
      return new Inner(new Object[] {s.key()}, new Node[] {s.left(), s.right()}, edit);
    }
    return (Node) r;
  }

  /** Null when done in place, else the leaf's replacement (a Leaf) or a Split. */
  private static Object insertIntoLeaf(LeafPath p, Object key, Object value, Edit edit) {
    Leaf leaf = p.leaf;
    long w = p.order;
    int i = p.position;
    boolean inPlace = edit.mayChange(leaf.owner) && leaf.hasFreshSlot();
    if (i >= 0) {
      edit.delta = 0;
      if (edit.live && leaf.key(w, i) == key) {
        leaf.setValueInPlace(w, i, value);
        return null;
      }
      // A batch's version, or an equal key stored anew.
      if (inPlace) {
        leaf.replaceInPlace(i, key, value);
        return null;
      }
      return leaf.replacing(w, i, key, value, edit);
    }
    edit.delta = 1;
    int at = -(i + 1);
    int n = Leaf.count(w);
    if (n < LEAF_MAX && inPlace) {
      leaf.addInPlace(at, key, value);
      return null;
    }
    if (n == LEAF_MAX && (at == n || at == 0) && p.atEdge(at == n)) {
      // Keys arriving in order (time stamps, sequence numbers) past the tree's last or first key:
      // the full leaf stays as it is, unchanged, and a new leaf starts beside it, so such a table
      // ends with full leaves (fewer leaves for a range to visit) and no copy of the old pairs.
      Leaf single = new Leaf(new Object[] {key, value}, 0, 1, edit);
      return at == n ? new Split(leaf, key, single) : new Split(single, leaf.key(w, 0), leaf);
    }
    if (n + 1 < LEAF_MAX) {
      return leaf.with(w, at, key, value, edit);
    }
    // Over capacity, or full once rebuilt (no fresh slot: every later write would rebuild it).
    return leaf.splitWith(w, at, key, value, edit);
  }

  /** {@code inner} with child {@code c} replaced: in place if the edit may, else a copy. */
  private static Inner withChild(Inner inner, int c, Node child, Edit edit) {
    if (child == inner.laChild(c)) {
      return null; // a leaf changed in place
    }
    if (edit.mayChange(inner.owner)) {
      inner.srChild(c, child);
      return null;
    }
    Node[] children = inner.children();
    children[c] = child;
    return inner.withChildren(children, edit);
  }

  /** {@code inner} with child {@code c} split in two; a Split when that overflows. */
  static Object withSplitChild(Inner inner, int c, Split s, Edit edit) {
    int n = inner.size();
    Node[] children = new Node[n + 1]; // read straight from the node: no copy of its children
    for (int i = 0; i < c; i++) {
      children[i] = inner.laChild(i);
    }
    children[c] = s.left();
    children[c + 1] = s.right();
    for (int i = c + 1; i < n; i++) {
      children[i + 1] = inner.laChild(i);
    }
    Object[] keys = new Object[n];
    System.arraycopy(inner.keys, 0, keys, 0, c);
    keys[c] = s.key();
    System.arraycopy(inner.keys, c, keys, c + 1, n - 1 - c);
    if (n < INNER_MAX) {
      return new Inner(keys, children, edit);
    }
    int half = (n + 1) >>> 1; // children [0, half) left, [half, n + 1) right
    return new Split(
        new Inner(Arrays.copyOfRange(keys, 0, half - 1), Arrays.copyOf(children, half), edit),
        keys[half - 1],
        new Inner(
            Arrays.copyOfRange(keys, half, n), Arrays.copyOfRange(children, half, n + 1), edit));
  }

  /**
   * {@code t} without the key comparing equal to {@code key}; the new root (null when empty), which
   * is {@code t} itself when nothing changed or the write went in place. Sets {@code edit.delta}.
   */
  static Node remove(Node t, Object key, Comparator<Object> order, Edit edit) {
    edit.delta = 0;
    if (t == null) {
      return null;
    }
    LeafPath p = edit.pathTo(t, key, order);
    Object r = deleteFromLeaf(p, edit);
    for (int d = p.depth - 1; d >= 0 && r != null; d--) {
      r = afterChildDelete(p.nodes[d], p.children[d], r, edit);
    }
    if (r == null) {
      return t;
    }
    if (r == EMPTY) {
      return null;
    }
    Node root = (Node) r;
    while (root instanceof Inner inner && inner.size() == 1) {
      root = inner.laChild(0); // the root's only child becomes the root
    }
    return root;
  }

  /**
   * Null when the key is absent or the leaf changed in place and stays large enough, EMPTY when it
   * emptied, else the leaf to store (itself when it shrank in place below its minimum).
   */
  private static Object deleteFromLeaf(LeafPath p, Edit edit) {
    Leaf leaf = p.leaf;
    long w = p.order;
    int i = p.position;
    if (i < 0) {
      return null;
    }
    edit.delta = -1;
    int n = Leaf.count(w);
    if (n == 1) {
      return EMPTY;
    }
    if (edit.mayChange(leaf.owner)) {
      leaf.removeInPlace(i);
      return n - 1 < LEAF_MIN ? leaf : null; // small: the parent may merge it
    }
    return new Leaf(leaf.pairsWithout(w, i), 0, n - 1, edit);
  }

  /**
   * {@code inner} after its child {@code c} became {@code r} (EMPTY or a node): null when done in
   * place, EMPTY when it emptied, else its replacement, a small child merged with a neighbour.
   */
  private static Object afterChildDelete(Inner inner, int c, Object r, Edit edit) {
    if (r == EMPTY) {
      // A neighbour's interval widens over the emptied child's: the separator between them goes.
      return inner.size() == 1 ? EMPTY : without(inner, c, c > 0 ? c - 1 : 0, -1, null, edit);
    }
    Node child = (Node) r;
    int min = child instanceof Leaf ? LEAF_MIN : INNER_MIN;
    int max = child instanceof Leaf ? LEAF_MAX : INNER_MAX;
    if (child.size() < min && inner.size() > 1) {
      int left = c > 0 ? c - 1 : c; // merge with the left neighbour, or the right one
      Node a = left == c ? child : inner.laChild(left);
      Node b = left == c ? inner.laChild(c + 1) : child;
      if (a.size() + b.size() <= max) {
        return without(inner, left + 1, left, left, merge(a, inner.keys[left], b, edit), edit);
      }
    }
    return withChild(inner, c, child, edit);
  }

  /**
   * {@code inner} without child {@code c} and separator {@code dropped}, and with child {@code at}
   * replaced by {@code merged} (none when {@code at} is -1): one copy, its children read straight
   * from the node.
   */
  private static Inner without(Inner inner, int c, int dropped, int at, Node merged, Edit edit) {
    int n = inner.size();
    Node[] children = new Node[n - 1];
    for (int i = 0, j = 0; i < n; i++) {
      if (i != c) {
        children[j++] = i == at ? merged : inner.laChild(i);
      }
    }
    Object[] keys = new Object[n - 2];
    System.arraycopy(inner.keys, 0, keys, 0, dropped);
    System.arraycopy(inner.keys, dropped + 1, keys, dropped, n - 2 - dropped);
    return new Inner(keys, children, edit);
  }

  /** One node of {@code a}'s and {@code b}'s contents, {@code key} separating them. */
  private static Node merge(Node a, Object key, Node b, Edit edit) {
    if (a instanceof Leaf la) {
      return Leaf.concat(la, la.laOrder(), (Leaf) b, ((Leaf) b).laOrder(), edit);
    }
    Inner ia = (Inner) a;
    Inner ib = (Inner) b;
    Node[] children = Arrays.copyOf(ia.children(), ia.size() + ib.size());
    System.arraycopy(ib.children(), 0, children, ia.size(), ib.size());
    Object[] keys = new Object[children.length - 1];
    System.arraycopy(ia.keys, 0, keys, 0, ia.keys.length);
    keys[ia.keys.length] = key;
    System.arraycopy(ib.keys, 0, keys, ia.keys.length + 1, ib.keys.length);
    return new Inner(keys, children, edit);
  }
}
