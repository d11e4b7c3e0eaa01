package io.jets.table.internal.tree;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.internal.tree.LeafTree.Node;
import java.util.Arrays;

/**
 * Splitting and joining the {@link LeafTree}s of bases, for the CA tree's adaptation: each builds
 * new nodes where the result differs and shares the rest, and changes nothing it was given (readers
 * of the retired bases still read those). The caller holds the locks of the bases involved.
 */
final class LeafTreeSplits {

  private LeafTreeSplits() {}

  /** {@code t} cut in two at a separator near its middle, or null if it has fewer than 2 keys. */
  static LeafTree.Split split(Node t) {
    if (t instanceof Leaf leaf) {
      long o = leaf.laOrder();
      int n = Leaf.count(o);
      return n < 2
          ? null
          : new LeafTree.Split(
              leaf.slice(o, 0, n / 2, Edit.STRUCTURE),
              leaf.key(o, n / 2),
              leaf.slice(o, n / 2, n, Edit.STRUCTURE));
    }
    if (t == null) {
      return null;
    }
    Inner inner = (Inner) t;
    Node[] children = inner.children();
    int half = children.length / 2;
    return new LeafTree.Split(
        part(Arrays.copyOfRange(inner.keys, 0, half - 1), Arrays.copyOf(children, half)),
        inner.keys[half - 1],
        part(
            Arrays.copyOfRange(inner.keys, half, inner.keys.length),
            Arrays.copyOfRange(children, half, children.length)));
  }

  private static Node part(Object[] keys, Node[] children) {
    return children.length == 1 ? children[0] : new Inner(keys, children, Edit.STRUCTURE);
  }

  /** One tree of every key of {@code below} and then every key of {@code above}. */
  static Node join(Node below, Node above) {
    if (below == null) {
      return above;
    }
    if (above == null) {
      return below;
    }
    int hb = height(below);
    int ha = height(above);
    Object r;
    if (hb == ha) {
      r = new LeafTree.Split(below, LeafTree.firstKey(above), above);
    } else if (hb > ha) {
      r = joinAtEnd((Inner) below, above, ha, LeafTree.firstKey(above));
    } else {
      r = joinAtStart(below, (Inner) above, hb, LeafTree.firstKey(above));
    }
    return r instanceof LeafTree.Split s
        ? new Inner(new Object[] {s.key()}, new Node[] {s.left(), s.right()}, Edit.STRUCTURE)
        : (Node) r;
  }

  static int height(Node t) {
    return t instanceof Inner inner ? inner.height : 0;
  }

  /**
   * {@code t} with {@code tail} (of height {@code h}, keys from {@code key}) as its last subtree.
   */
  private static Object joinAtEnd(Inner t, Node tail, int h, Object key) {
    int last = t.size() - 1;
    Object r =
        t.height == h + 1
            ? new LeafTree.Split(t.laChild(last), key, tail)
            : joinAtEnd((Inner) t.laChild(last), tail, h, key);
    if (r instanceof LeafTree.Split s) {
      return LeafTree.withSplitChild(t, last, s, Edit.STRUCTURE);
    }
    Node[] children = t.children();
    children[last] = (Node) r;
    return t.withChildren(children, Edit.STRUCTURE);
  }

  /** {@code t} with {@code head} (of height {@code h}, keys below {@code key}) as its first. */
  private static Object joinAtStart(Node head, Inner t, int h, Object key) {
    Object r =
        t.height == h + 1
            ? new LeafTree.Split(head, key, t.laChild(0))
            : joinAtStart(head, (Inner) t.laChild(0), h, key);
    if (r instanceof LeafTree.Split s) {
      return LeafTree.withSplitChild(t, 0, s, Edit.STRUCTURE);
    }
    Node[] children = t.children();
    children[0] = (Node) r;
    return t.withChildren(children, Edit.STRUCTURE);
  }
}
