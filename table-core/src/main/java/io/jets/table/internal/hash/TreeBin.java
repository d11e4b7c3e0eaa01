package io.jets.table.internal.hash;

import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bucket of a {@link StripedBuckets} whose chain grew long, held as an AVL tree: keys whose hash
 * codes collide (chosen by whoever controls the keys, or simply unlucky) cost O(log n) per read and
 * write instead of O(n), as ConcurrentHashMap's tree bins do.
 *
 * <p>The tree is ordered exactly as the chain it replaces (by {@link BucketChain#order}, then by
 * {@link BucketChain#tieOrder}), so a traversal sees the same order whichever form a bucket takes
 * and can step on from a deleted key. A bucket becomes a tree only while all its keys are of one
 * class. For a {@link Comparable} class the order also finds a key: reads and writes cost O(log n),
 * and the order must tell every two keys apart. For other keys the tie order is the stored
 * instances' identity hash, which places them but cannot find an equal instance: a lookup scans the
 * tree with {@code equals} (O(n), as ConcurrentHashMap's tree bins do for such keys); two of them
 * whose identity hashes are equal keep their insertion order, as in a chain, by a number each node
 * carries ({@link TreeNode#seq}), so that such a tie (likely among tens of thousands of keys) does
 * not turn the bucket back into a chain that every later insert copies. A write that would break
 * the rule (a key of another class, or a Comparable key the order ties with an unequal key) turns
 * the bucket back into a chain, which handles any keys; so does shrinking below {@link #CHAIN_AT}
 * keys.
 *
 * <p>Writes change the tree in place, under the bucket's stripe, and readers never lock:
 *
 * <ul>
 *   <li>A new key is a new leaf, published by one release store of its parent's link; a present
 *       key's value is replaced in place (release), as in a chain. So an insert allocates one node
 *       plus the nodes a rotation copies, not a copy of its path.
 *   <li>A node is never changed in a way a reader inside it could misread: a rotation copies the
 *       two or three nodes it moves and publishes the new subtree with one store into the parent's
 *       link (or the root); a removed node with one child is replaced in its parent's link by that
 *       child; a removed node with two children is replaced by a copy of its successor over a
 *       copied path to that successor. A node unlinked by a copy is never written again, so a
 *       search finds every key present throughout it. A walk steps by searches ({@link #visit}), as
 *       first/next do: following links, it could meet a key twice (a node with one child is
 *       unlinked in place, so its child's range widens under a walker that passed the node).
 *   <li>Balance factors are the writer's alone; readers load links and values with acquire.
 *   <li>A multi-object write must not change the live tree before it commits: {@link #edit} with a
 *       batch copies the tree once ({@code stagedBy} marks the copy as that batch's) and changes
 *       the copy, which the batch's commit marker then publishes.
 * </ul>
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

  /** No single order: the keys' orders differ. */
  private static final long MIXED = 1L << 32;

  private static final VarHandle ROOT;

  static {
    try {
      ROOT = MethodHandles.lookup().findVarHandle(TreeBin.class, "root", TreeNode.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through ROOT
  private TreeNode root;

  final Class<?> keyClass;
  final boolean comparable; // whether the order finds keys (keyClass implements Comparable)

  /**
   * The key order every key shares (an int), or {@link #MIXED}; a key of another order rebuilds.
   */
  private final long oneOrder;

  // ---- the writer's own state (read and written under the bucket's stripe only) ----
  private int size;
  private Object stagedBy; // token of the batch that made this copy (harmless once published)
  private boolean changed; // set by insert/remove: the subtree's height changed
  private boolean tied; // set by insert: the order tied the key with an unequal one
  private int nextSeq; // the insertion number of the next key (see TreeNode.seq)

  private TreeBin(TreeNode root, int size, Class<?> keyClass, long oneOrder, Object stagedBy) {
    this.root = root;
    this.size = size;
    this.keyClass = keyClass;
    this.comparable = Comparable.class.isAssignableFrom(keyClass);
    this.oneOrder = oneOrder;
    this.stagedBy = stagedBy;
  }

  /**
   * The chain {@code head} of {@code length} keys as a tree, or null if its keys do not allow it;
   * {@code stagedBy} is the token of the batch it is built for, or null.
   */
  static TreeBin of(Node head, int length, Object stagedBy) {
    Class<?> keyClass = head.key.getClass();
    boolean comparable = Comparable.class.isAssignableFrom(keyClass);
    StoredObject[] sorted = new StoredObject[length];
    int k = 0;
    for (Node n = head; n != null; n = n.next) {
      if (n.key.getClass() != keyClass
          || (k > 0
              && comparable
              && ((Node) sorted[k - 1]).hash == n.hash
              && ORDER.compare(sorted[k - 1].key, n.key) == 0)) {
        return null; // another class, or unequal Comparable keys the order cannot tell apart
      }
      sorted[k++] = n;
    }
    return ofSorted(sorted, 0, k, keyClass, stagedBy);
  }

  /** A tree of the sorted objects {@code from..to-1} (at least one), balanced. */
  private static TreeBin ofSorted(
      StoredObject[] sorted, int from, int to, Class<?> keyClass, Object stagedBy) {
    int first = BucketChain.order(sorted[from].key);
    long oneOrder = first == BucketChain.order(sorted[to - 1].key) ? first : MIXED;
    TreeBin tree =
        new TreeBin(
            TreeNode.balanced(sorted, from, from, to), to - from, keyClass, oneOrder, stagedBy);
    tree.nextSeq = to - from;
    return tree;
  }

  // Perfectly balanced: the right half holds the extra node, so balances are 0 or +1.
  int size() {
    return size;
  }

  // ---- reads: no lock, acquire loads ----

  TreeNode root() {
    return (TreeNode) ROOT.getAcquire(this);
  }

  /** Whether compareTo alone orders {@code key} (of order {@code order}) against this tree. */
  private boolean direct(int order, Object key) {
    return comparable && oneOrder == order && key.getClass() == keyClass;
  }

  /**
   * Orders {@code key} (of order {@code order}; {@code seq}: its insertion number, if it has one)
   * against node {@code n}: compareTo alone when {@code direct}; otherwise order, then tie order,
   * then, for keys with no order of their own, insertion number.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(boolean direct, int order, Object key, int seq, TreeNode n) {
    if (direct) {
      return ((Comparable) key).compareTo(n.key);
    }
    int c = Integer.compareUnsigned(order, n.order);
    if (c == 0) {
      c = BucketChain.tieOrder(key, n.key);
      if (c == 0 && !comparable) {
        c = Integer.compare(seq, n.seq);
      }
    }
    return c;
  }

  /** The object holding {@code key}, of order {@code order}, or null. */
  StoredObject find(int order, Object key) {
    if (!comparable || key.getClass() != keyClass) {
      // The order cannot find this key (identity order, or another class): scan with equals.
      return findEqual(root(), key);
    }
    if (oneOrder != MIXED && oneOrder != order) {
      return null; // every key here has another order
    }
    boolean direct = oneOrder != MIXED;
    for (TreeNode n = root(); n != null; ) {
      int c = compare(direct, order, key, 0, n);
      if (c == 0) {
        return n.key.equals(key) ? n : null;
      }
      n = c < 0 ? n.left() : n.right();
    }
    return null;
  }

  private static TreeNode findEqual(TreeNode t, Object key) {
    while (t != null) {
      if (t.key.equals(key)) {
        return t;
      }
      TreeNode inLeft = findEqual(t.left(), key);
      if (inLeft != null) {
        return inLeft;
      }
      t = t.right();
    }
    return null;
  }

  StoredObject first() {
    TreeNode n = root();
    if (n == null) {
      return null;
    }
    for (TreeNode left = n.left(); left != null; left = left.left()) {
      n = left;
    }
    return n;
  }

  private StoredObject last() {
    TreeNode n = root();
    for (TreeNode right = n.right(); right != null; right = right.right()) {
      n = right;
    }
    return n;
  }

  /** The first object positioned after {@code key} in the chain order, present or not. */
  StoredObject after(Object key) {
    StoredObject present =
        comparable && key.getClass() == keyClass ? null : find(BucketChain.order(key), key);
    // An absent key with no order of its own goes after every key it ties with, as in a chain.
    return present != null ? above(present) : above(key, Integer.MAX_VALUE);
  }

  private StoredObject above(StoredObject o) {
    return above(o.key, o instanceof TreeNode n ? n.seq : Integer.MAX_VALUE);
  }

  /**
   * The first object ordered after {@code key}, of insertion number {@code seq}. An absent key tied
   * with an unequal node (a walk standing on a deleted key; the tree holds no tied pair) is placed
   * by identity hash, as {@link BucketChain#chainOrder} placed it while both were in the chain.
   */
  private StoredObject above(Object key, int seq) {
    int order = BucketChain.order(key);
    boolean direct = direct(order, key);
    TreeNode best = null;
    for (TreeNode n = root(); n != null; ) {
      int c = compare(direct, order, key, seq, n);
      if (c == 0 && n.key != key && !n.key.equals(key)) {
        c = BucketChain.identityOrder(key, n.key);
      }
      if (c < 0) {
        best = n;
        n = n.left();
      } else {
        n = n.right();
      }
    }
    return best;
  }

  /**
   * Every object, in order, for a reader beside writers: each key present throughout the walk is
   * met exactly once and no key twice. Each step searches from the root (O(log n)), as first/next
   * do: a walk down the links could meet a key twice, when a node it passed was unlinked and a key
   * it had returned was added again below that node's child.
   */
  List<StoredObject> visit() {
    List<StoredObject> into = new ArrayList<>();
    for (StoredObject o = first(); o != null; o = above(o)) {
      into.add(o);
    }
    return into;
  }

  /** This tree's objects, in order; the caller holds the stripe (or the tree is private). */
  StoredObject[] sorted() {
    StoredObject[] sorted = new StoredObject[size];
    collect(root(), sorted, 0);
    return sorted;
  }

  private static int collect(TreeNode t, StoredObject[] into, int at) {
    for (; t != null; t = t.right()) {
      at = collect(t.left(), into, at);
      into[at++] = t;
    }
    return at;
  }

  /** This tree's keys as a new chain, sorted as the tree is. */
  Node toChain() {
    return chain(sorted(), 0, size, null);
  }

  private static Node chain(StoredObject[] sorted, int from, int to, StoredObject without) {
    Node chain = null;
    for (int k = to - 1; k >= from; k--) {
      StoredObject o = sorted[k];
      if (o != without) {
        chain = new Node(BucketChain.order(o.key), o.key, o.laValue(), chain);
      }
    }
    return chain;
  }

  // ---- writes: the caller holds the bucket's stripe ----

  /**
   * The bucket with {@code key} (of order {@code order}) holding {@code value}, removed when null;
   * {@code present} is the object holding the key now, or null. {@code batch} is the token of the
   * multi-object write staging this change, or null for a single write, which changes this tree in
   * place. Returns this tree, or new content (a tree or a chain) to publish.
   */
  Object edit(int order, Object key, Object value, StoredObject present, Object batch) {
    if (present == null && value == null) {
      return this;
    }
    if (batch != null && stagedBy != batch) {
      TreeBin copy = ofSorted(sorted(), 0, size, keyClass, batch);
      StoredObject inCopy = present == null ? null : copy.find(order, present.key);
      return copy.edit(order, key, value, inCopy != null ? inCopy : present, batch);
    }
    if (present != null) {
      if (value != null) {
        ((TreeNode) present).replaceValue(value);
        return this;
      }
      if (size - 1 <= CHAIN_AT) {
        return chain(sorted(), 0, size, present);
      }
      setRoot(remove(root(), order, (TreeNode) present, direct(order, present.key)));
      size--;
      return this;
    }
    if (key.getClass() != keyClass || (oneOrder != MIXED && oneOrder != order)) {
      // Another class (back to a chain), or another order (a tree without the one-order shortcut).
      Node chain = BucketChain.edit(toChain(), order, key, value, null);
      Object rebuilt = key.getClass() == keyClass ? of(chain, size + 1, stagedBy) : null;
      return rebuilt != null ? rebuilt : chain;
    }
    if (nextSeq == Integer.MAX_VALUE) {
      // Insertion numbers ran out: renumber in a new tree, which takes the key.
      return ofSorted(sorted(), 0, size, keyClass, stagedBy).edit(order, key, value, null, batch);
    }
    tied = false;
    TreeNode top = root();
    TreeNode inserted =
        top == null
            ? new TreeNode(order, nextSeq, key, value, null, null, 0)
            : insert(top, order, key, value, direct(order, key));
    if (tied) {
      // A key the order ties with an unequal one: back to a chain, which keeps both.
      return BucketChain.edit(toChain(), order, key, value, null);
    }
    setRoot(inserted);
    size++;
    nextSeq++;
    return this;
  }

  private void setRoot(TreeNode newRoot) {
    if (root() != newRoot) {
      ROOT.setRelease(this, newRoot);
    }
  }

  /**
   * Adds the key below {@code t}; returns {@code t}, changed in place, or a new subtree to link in
   * its place. Sets {@link #changed} when the subtree grew taller, {@link #tied} on a tie.
   */
  private TreeNode insert(TreeNode t, int order, Object key, Object value, boolean direct) {
    int c = compare(direct, order, key, nextSeq, t);
    if (c == 0) {
      tied = true;
      changed = false;
      return t;
    }
    boolean toLeft = c < 0;
    TreeNode child = toLeft ? t.left() : t.right();
    TreeNode newChild;
    if (child == null) {
      newChild = new TreeNode(order, nextSeq, key, value, null, null, 0);
      changed = true;
    } else {
      newChild = insert(child, order, key, value, direct);
    }
    if (newChild != child) {
      t.link(toLeft, newChild);
    }
    return changed ? grown(t, toLeft) : t;
  }

  /** {@code t} after its left (or right) subtree grew one taller; sets {@link #changed}. */
  private TreeNode grown(TreeNode t, boolean left) {
    int shift = left ? -1 : 1;
    if (t.balance == -shift) {
      t.balance = 0;
      changed = false;
      return t;
    }
    if (t.balance == 0) {
      t.balance = (byte) shift;
      changed = true;
      return t;
    }
    changed = false; // one rotation restores the height the subtree had before the insert
    return TreeNode.rebalanced(t);
  }

  /**
   * Removes {@code node} (of order {@code order}) from below {@code t}; returns {@code t} or the
   * subtree to link in its place; sets {@link #changed} when the subtree got one shorter.
   */
  private TreeNode remove(TreeNode t, int order, TreeNode node, boolean direct) {
    int c = compare(direct, order, node.key, node.seq, t);
    if (c == 0) {
      changed = true;
      TreeNode left = t.left();
      TreeNode right = t.right();
      if (left == null || right == null) {
        return left == null ? right : left;
      }
      // Two children: a copy of the successor takes t's place over a copied path to it.
      TreeNode[] successor = new TreeNode[1];
      TreeNode newRight = withoutFirst(right, successor);
      TreeNode s = successor[0];
      TreeNode replacement = TreeNode.copy(s, left, newRight, t.balance);
      return changed ? shrunk(replacement, false) : replacement;
    }
    boolean toLeft = c < 0;
    TreeNode child = toLeft ? t.left() : t.right();
    TreeNode newChild = remove(child, order, node, direct);
    if (newChild != child) {
      t.link(toLeft, newChild);
    }
    return changed ? shrunk(t, toLeft) : t;
  }

  /**
   * A copy of {@code t} without its first node, which goes to {@code first[0]}; nothing of {@code
   * t} is changed. Sets {@link #changed} when the copy is one shorter than {@code t}.
   */
  private TreeNode withoutFirst(TreeNode t, TreeNode[] first) {
    TreeNode left = t.left();
    if (left == null) {
      first[0] = t;
      changed = true;
      return t.right();
    }
    TreeNode newLeft = withoutFirst(left, first);
    TreeNode copy = TreeNode.copy(t, newLeft, t.right(), t.balance);
    return changed ? shrunk(copy, true) : copy;
  }

  /** {@code t} after its left (or right) subtree got one shorter; sets {@link #changed}. */
  private TreeNode shrunk(TreeNode t, boolean left) {
    int shift = left ? 1 : -1; // the side that is now relatively taller
    if (t.balance == -shift) {
      t.balance = 0;
      changed = true;
      return t;
    }
    if (t.balance == 0) {
      t.balance = (byte) shift;
      changed = false;
      return t;
    }
    TreeNode taller = shift < 0 ? t.left() : t.right();
    changed = taller.balance != 0; // a rotation around a balanced child keeps the height
    return TreeNode.rebalanced(t);
  }

  /**
   * This tree's keys split for a table of twice the capacity, by the order bit {@code bit} (from
   * the top): the keys with the bit clear form a prefix. Returns {this, null} or {null, this} when
   * every key falls on one side, as when all their hashes are equal.
   */
  Object[] split(int bit) {
    int firstBit = (BucketChain.order(first().key) >>> bit) & 1;
    int lastBit = (BucketChain.order(last().key) >>> bit) & 1;
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
    return to - from > CHAIN_AT
        ? ofSorted(sorted, from, to, keyClass, null)
        : chain(sorted, from, to, null);
  }
}
