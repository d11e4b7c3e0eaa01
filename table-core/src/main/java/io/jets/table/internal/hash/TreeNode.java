package io.jets.table.internal.hash;

import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A node of a {@link TreeBin}: key, order and value as a chain node's; links published with release
 * and read with acquire, so a reader that meets a node sees it fully built.
 */
final class TreeNode extends StoredObject {
  private static final VarHandle LEFT;
  private static final VarHandle RIGHT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LEFT = lookup.findVarHandle(TreeNode.class, "left", TreeNode.class);
      RIGHT = lookup.findVarHandle(TreeNode.class, "right", TreeNode.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final int order;

  /**
   * Breaks ties between keys with no order of their own whose identity hashes are equal: their
   * insertion order, as a chain keeps them (see TreeBin).
   */
  final int seq;

  @SuppressWarnings("unused") // through LEFT
  private TreeNode left;

  @SuppressWarnings("unused") // through RIGHT
  private TreeNode right;

  byte balance; // height(right) - height(left): read and written by the tree bin's writer only

  TreeNode(
      int order, int seq, Object key, Object value, TreeNode left, TreeNode right, int balance) {
    super(key, value);
    this.order = order;
    this.seq = seq;
    this.left = left;
    this.right = right;
    this.balance = (byte) balance;
  }

  TreeNode left() {
    return (TreeNode) LEFT.getAcquire(this);
  }

  TreeNode right() {
    return (TreeNode) RIGHT.getAcquire(this);
  }

  void link(boolean toLeft, TreeNode child) {
    if (toLeft) {
      LEFT.setRelease(this, child);
    } else {
      RIGHT.setRelease(this, child);
    }
  }

  void replaceValue(Object value) {
    srValue(value);
  }

  int balance() {
    return balance;
  }

  /**
   * The subtree of {@code t}, whose balance is off by two on one side, rotated by copying the nodes
   * that move: readers inside the old subtree finish on it unchanged.
   */
  static TreeNode rebalanced(TreeNode t) {
    if (t.balance < 0) {
      TreeNode l = t.left();
      if (l.balance <= 0) { // single right rotation
        int lb = l.balance;
        TreeNode top = copy(t, l.right(), t.right(), lb == 0 ? -1 : 0);
        return copy(l, l.left(), top, lb == 0 ? 1 : 0);
      }
      TreeNode g = l.right(); // left-right: g rises
      TreeNode newL = copy(l, l.left(), g.left(), g.balance > 0 ? -1 : 0);
      TreeNode newT = copy(t, g.right(), t.right(), g.balance < 0 ? 1 : 0);
      return copy(g, newL, newT, 0);
    }
    TreeNode r = t.right();
    if (r.balance >= 0) { // single left rotation
      int rb = r.balance;
      TreeNode top = copy(t, t.left(), r.left(), rb == 0 ? 1 : 0);
      return copy(r, top, r.right(), rb == 0 ? -1 : 0);
    }
    TreeNode g = r.left(); // right-left
    TreeNode newT = copy(t, t.left(), g.left(), g.balance > 0 ? -1 : 0);
    TreeNode newR = copy(r, g.right(), r.right(), g.balance < 0 ? 1 : 0);
    return copy(g, newT, newR, 0);
  }

  static TreeNode copy(TreeNode n, TreeNode left, TreeNode right, int balance) {
    return new TreeNode(n.order, n.seq, n.key, n.laValue(), left, right, balance);
  }

  /**
   * A perfectly balanced tree of the sorted objects {@code from..to-1}, the right half holding the
   * extra node (so balances are 0 or +1), numbered from 0 at {@code sorted[base]} in order, so that
   * ties keep the order they had.
   */
  static TreeNode balanced(StoredObject[] sorted, int base, int from, int to) {
    if (from >= to) {
      return null;
    }
    int mid = (from + to) >>> 1;
    TreeNode left = balanced(sorted, base, from, mid);
    TreeNode right = balanced(sorted, base, mid + 1, to);
    StoredObject o = sorted[mid];
    int balance = height(to - mid - 1) - height(mid - from);
    return new TreeNode(
        BucketChain.order(o.key), mid - base, o.key, o.laValue(), left, right, balance);
  }

  /** The height of a tree that {@link #build} makes of {@code n} keys. */
  private static int height(int n) {
    return 32 - Integer.numberOfLeadingZeros(n);
  }
}
