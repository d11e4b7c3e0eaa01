package io.jets.table.internal.tree;

import io.jets.table.internal.select.MatchEvaluation.KeyRange;
import io.jets.table.internal.tree.LeafTree.Node;
import java.util.Arrays;
import java.util.Comparator;

/**
 * {@link OrderedTraversal#walk} as a cursor: the same steps, base by base, and inside a base the
 * same moves from leaf to leaf along the inner nodes it loaded, taken one object per {@link #next}
 * instead of pushed to a visitor. It keeps the path it descended, so it descends once per step and
 * then moves to the next leaf through the inner nodes on the path; a key is one slot read from the
 * leaf it holds. Its guarantees are the walk's, for the same reasons (OrderedTraversal's comment):
 * every key present for the whole iteration is returned exactly once, none twice, in strictly
 * monotonic order. Lock-free; nothing allocated per object: a key and its value are read from the
 * leaf's slots. One thread uses a cursor at a time.
 */
public final class RangeCursor {

  private final ContentionAdaptingTree tree;
  private final Comparator<Object> order;
  private final KeyRange range;
  private final boolean reverse;

  /** Where the next step starts (with {@link #inclusive}); null: at the tree's first or last. */
  private Object bound;

  private boolean inclusive;
  private boolean done;

  private OrderedTraversal.Step step; // the base being read and where the cursor stops in it

  // The path from the step's base data to the leaf: path[d] and the child taken there, at[d].
  private Inner[] path = new Inner[4];
  private int[] at = new int[4];
  private int depth;

  // The leaf: its order word as loaded, the next position and the last one to return (exclusive
  // going up, inclusive going down), and whether the step ends inside this leaf.
  private Leaf leaf;
  private long o;
  private int i;
  private int last;
  private boolean cut;

  /** A cursor at the start of {@code range}: its lower bound, or its upper ({@code reverse}). */
  RangeCursor(ContentionAdaptingTree tree, KeyRange range, boolean reverse) {
    this.tree = tree;
    this.order = tree.order();
    this.range = range;
    this.reverse = reverse;
    bound = OrderedTraversal.start(range, reverse, false, null);
    inclusive = reverse ? range.upperInclusive() : range.lowerInclusive();
    startStep();
  }

  /**
   * Moves to the next object in the walk's order, whose {@link #key} and {@link #value} are then
   * read where the leaf holds them; false at the end, and after it.
   */
  public boolean next() {
    if (reverse) {
      if (i >= last || advance()) {
        i--;
        return true;
      }
    } else if (i < last || advance()) {
      i++;
      return true;
    }
    return false;
  }

  /** The key of the object {@link #next} moved to. */
  public Object key() {
    return leaf.key(o, current());
  }

  /** The value of the object {@link #next} moved to, load-acquire; read it once. */
  public Object value() {
    return leaf.value(o, current());
  }

  /** The position {@link #next} moved to: the one {@link #i} has just passed. */
  private int current() {
    return reverse ? i + 1 : i - 1;
  }

  /**
   * Moves past the leaf the cursor has used up: to the next leaf of the step's base, or through the
   * next steps, to a leaf with a key to return; false at the end.
   */
  private boolean advance() {
    for (; ; ) {
      if (done) {
        return false;
      }
      if (leaf == null || cut || !nextLeaf()) {
        endStep();
      }
      if (leaf != null && (reverse ? i >= last : i < last)) {
        return true;
      }
    }
  }

  /** Reads the base at {@link #bound} and descends to the leaf holding it. */
  private void startStep() {
    step = OrderedTraversal.Step.read(tree, range, reverse, bound, inclusive);
    Node t = step.data();
    depth = 0;
    leaf = null;
    if (t == null) {
      usedUp();
      return;
    }
    while (t instanceof Inner inner) {
      int c;
      if (bound == null) {
        c = reverse ? inner.size() - 1 : 0;
      } else if (!reverse) {
        c = inner.childFor(bound, order);
      } else {
        c = inclusive ? inner.childFor(bound, order) : inner.childBelow(bound, order);
      }
      push(inner, c);
      t = inner.laChild(c);
    }
    enter((Leaf) t, bound);
  }

  /** Takes {@code l}, from the first key past {@code from} in the cursor's direction. */
  private void enter(Leaf l, Object from) {
    leaf = l;
    o = l.laOrder();
    int n = Leaf.count(o);
    if (!reverse) {
      i = from == null ? 0 : l.rank(o, from, !inclusive, order);
      last = OrderedTraversal.end(l, o, step.stop(), step.stopInclusive(), order);
      cut = last < n;
    } else {
      i = (from == null ? n : l.rank(o, from, inclusive, order)) - 1;
      last = OrderedTraversal.begin(l, o, step.stop(), step.stopInclusive(), order);
      cut = last > 0;
    }
  }

  /** Moves to the next leaf of the step's base along the path; false at the base's end. */
  private boolean nextLeaf() {
    while (depth > 0) {
      Inner inner = path[depth - 1];
      int c = at[depth - 1] + (reverse ? -1 : 1);
      if (c < 0 || c >= inner.size()) {
        depth--;
        continue;
      }
      at[depth - 1] = c;
      Node t = inner.laChild(c);
      while (t instanceof Inner child) {
        int first = reverse ? child.size() - 1 : 0;
        push(child, first);
        t = child.laChild(first);
      }
      enter((Leaf) t, null);
      return true;
    }
    return false;
  }

  /** Ends the step: the range is done, or the next step starts at this one's end. */
  private void endStep() {
    if (step.isLast(range, reverse, order)) {
      done = true;
      leaf = null;
      usedUp();
      return;
    }
    bound = step.end();
    inclusive = !reverse; // as the walk's next step
    startStep();
  }

  /** No key left at the position, in either direction: next() moves on, or stays at the end. */
  private void usedUp() {
    last = 0;
    i = reverse ? -1 : 0;
  }

  private void push(Inner inner, int c) {
    if (depth == path.length) {
      path = Arrays.copyOf(path, depth << 1);
      at = Arrays.copyOf(at, depth << 1);
    }
    path[depth] = inner;
    at[depth] = c;
    depth++;
  }
}
