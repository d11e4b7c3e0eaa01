package io.jets.table.internal.tree;

import io.jets.table.internal.select.MatchEvaluation.KeyRange;
import io.jets.table.internal.tree.ContentionAdaptingTree.Seek;
import io.jets.table.internal.tree.ContentionAdaptingTree.Snapshot;
import io.jets.table.internal.tree.LeafTree.Node;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.util.Comparator;

/**
 * Traversals of a {@link ContentionAdaptingTree} that read one base at a time, and in a base one
 * leaf at a time: neighbour steps, range walks in either direction, counts and positions.
 * Lock-free; nothing allocated per object.
 *
 * <p>Each step reads one {@link Snapshot} and uses only the keys inside the interval its path
 * implies, [lower, upper); the next step continues from that bound. Inside the base's data (a
 * retired base's too) a walk moves from leaf to leaf along the inner nodes it loaded: the data's
 * inner nodes never change their separators, so their slots partition the base's interval, and each
 * leaf read through the order word loaded once is everything the table held in the leaf's interval
 * at one instant during the step (LeafTree's design notes). So every key present for the whole
 * traversal lies in exactly one leaf a step reads inside its interval and is visited exactly once;
 * keys come in strictly monotonic order, so none twice.
 */
final class OrderedTraversal {

  private OrderedTraversal() {}

  /**
   * Receives the leaves of a base in order, each with the order word the reader loaded (the leaf as
   * it was at that instant) and the position to start from; false stops.
   */
  @FunctionalInterface
  private interface LeafVisitor {
    boolean visit(Leaf leaf, long o, int from);
  }

  /**
   * Visits the leaves of {@code t} in key order from the one holding {@code bound} (the first when
   * null), each with the index of its first key at or above {@code bound} ({@code inclusive}) or
   * above it; false if the visitor stopped.
   */
  private static boolean ascendLeaves(
      Node t, Object bound, boolean inclusive, LeafVisitor visitor, Comparator<Object> order) {
    if (t == null) {
      return true;
    }
    if (t instanceof Leaf leaf) {
      long o = leaf.laOrder();
      return visitor.visit(leaf, o, bound == null ? 0 : leaf.rank(o, bound, !inclusive, order));
    }
    Inner inner = (Inner) t;
    int c = bound == null ? 0 : inner.childFor(bound, order);
    if (!ascendLeaves(inner.laChild(c), bound, inclusive, visitor, order)) {
      return false;
    }
    if (inner.height == 1) {
      // The rest are leaves, taken whole in this loop rather than a call each.
      for (c++; c < inner.size(); c++) {
        Leaf leaf = (Leaf) inner.laChild(c);
        if (!visitor.visit(leaf, leaf.laOrder(), 0)) {
          return false;
        }
      }
      return true;
    }
    for (c++; c < inner.size(); c++) {
      if (!ascendLeaves(inner.laChild(c), null, false, visitor, order)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Visits the leaves of {@code t} in reverse key order from the one holding {@code bound} ({@code
   * inclusive}) or the keys just below it (the last leaf when null), each with the index of its
   * last key at or below {@code bound} ({@code inclusive}) or below it; false if stopped.
   */
  private static boolean descendLeaves(
      Node t, Object bound, boolean inclusive, LeafVisitor visitor, Comparator<Object> order) {
    if (t == null) {
      return true;
    }
    if (t instanceof Leaf leaf) {
      long o = leaf.laOrder();
      return visitor.visit(
          leaf, o, (bound == null ? Leaf.count(o) : leaf.rank(o, bound, inclusive, order)) - 1);
    }
    Inner inner = (Inner) t;
    int c =
        bound == null
            ? inner.size() - 1
            : inclusive ? inner.childFor(bound, order) : inner.childBelow(bound, order);
    if (!descendLeaves(inner.laChild(c), bound, inclusive, visitor, order)) {
      return false;
    }
    if (inner.height == 1) {
      // The rest are leaves, taken whole in this loop rather than a call each.
      for (c--; c >= 0; c--) {
        Leaf leaf = (Leaf) inner.laChild(c);
        long o = leaf.laOrder();
        if (!visitor.visit(leaf, o, Leaf.count(o) - 1)) {
          return false;
        }
      }
      return true;
    }
    for (c--; c >= 0; c--) {
      if (!descendLeaves(inner.laChild(c), null, false, visitor, order)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The end of a leaf's keys before {@code stop} ({@code stopInclusive}: at or before it): one
   * comparison with the last key when the whole leaf is before it, else a binary search.
   */
  static int end(Leaf leaf, long o, Object stop, boolean stopInclusive, Comparator<Object> order) {
    int n = Leaf.count(o);
    if (stop == null) {
      return n;
    }
    int c = order.compare(leaf.key(o, n - 1), stop);
    return c < 0 || (c == 0 && stopInclusive) ? n : leaf.rank(o, stop, stopInclusive, order);
  }

  /**
   * The start of a leaf's keys after {@code stop} going down ({@code stopInclusive}: at or after
   * it): the mirror of {@link #end}.
   */
  static int begin(
      Leaf leaf, long o, Object stop, boolean stopInclusive, Comparator<Object> order) {
    return stop == null ? 0 : leaf.rank(o, stop, !stopInclusive, order);
  }

  /** The first base snapshot at or after {@code bound} (the first base when null). */
  private static Snapshot from(ContentionAdaptingTree tree, Object bound) {
    return bound == null ? tree.snapshot(null, Seek.FIRST) : tree.snapshot(bound, Seek.AT_OR_ABOVE);
  }

  /**
   * The object after {@code key} in key order ({@code forward}) or before it, whether or not {@code
   * key} is present; the first or last object when {@code key} is null. Null at the end.
   */
  static StoredObject step(ContentionAdaptingTree tree, Object key, boolean forward) {
    Comparator<Object> order = tree.order();
    Object bound = key;
    boolean inclusive = false; // an ascending step continues at an upper bound, inclusive
    StoredObject[] found = new StoredObject[1];
    for (; ; ) {
      found[0] = null;
      if (forward) {
        Snapshot s = from(tree, bound);
        ascendLeaves(
            s.data(),
            bound,
            inclusive,
            (leaf, o, i) -> {
              if (i < Leaf.count(o)) {
                found[0] = leaf.object(o, i);
                return false;
              }
              return true;
            },
            order);
        if (found[0] != null && (s.upper() == null || order.compare(found[0].key, s.upper()) < 0)) {
          return found[0];
        }
        if (s.upper() == null) {
          return null;
        }
        bound = s.upper();
        inclusive = true;
      } else {
        Snapshot s =
            bound == null ? tree.snapshot(null, Seek.LAST) : tree.snapshot(bound, Seek.BELOW);
        descendLeaves(
            s.data(),
            bound,
            false,
            (leaf, o, i) -> {
              if (i >= 0) {
                found[0] = leaf.object(o, i);
                return false;
              }
              return true;
            },
            order);
        if (found[0] != null
            && (s.lower() == null || order.compare(found[0].key, s.lower()) >= 0)) {
          return found[0];
        }
        if (s.lower() == null) {
          return null;
        }
        bound = s.lower();
      }
    }
  }

  /**
   * The number of keys inside {@code range}, step by step as {@link #walk} visits them (each key
   * present for the whole count is counted once): a binary search in the leaves at the ends of the
   * range, one length for each leaf between; no object visited, nothing allocated.
   */
  static long count(ContentionAdaptingTree tree, KeyRange range) {
    Comparator<Object> order = tree.order();
    Object bound = range.lower();
    boolean inclusive = range.lowerInclusive();
    long count = 0;
    for (; ; ) {
      Step step = Step.read(tree, range, false, bound, inclusive);
      count += countIn(step.data(), bound, inclusive, step.stop(), step.stopInclusive(), order);
      if (step.isLast(range, false, order)) {
        return count;
      }
      bound = step.end();
      inclusive = true;
    }
  }

  /**
   * The keys of {@code t} from {@code bound} ({@code inclusive}: at it; null: from the first) up to
   * {@code stop} ({@code stopInclusive}: at it; null: to the last), from leaf lengths: one search
   * per inner node for each end (by value where its separators are numbers), one per end leaf, and
   * none for the children between. No lambda: the recursion is not inlined, so a captured visitor
   * would be allocated per count.
   */
  private static long countIn(
      Node t,
      Object bound,
      boolean inclusive,
      Object stop,
      boolean stopInclusive,
      Comparator<Object> order) {
    if (t == null) {
      return 0;
    }
    if (t instanceof Leaf leaf) {
      long o = leaf.laOrder();
      int from = bound == null ? 0 : leaf.rank(o, bound, !inclusive, order);
      return Math.max(0, end(leaf, o, stop, stopInclusive, order) - from);
    }
    Inner inner = (Inner) t;
    int first = bound == null ? 0 : inner.childFor(bound, order);
    int last = // the child holding the last key in range; those between are inside whole
        stop == null
            ? inner.size() - 1
            : stopInclusive ? inner.childFor(stop, order) : inner.childBelow(stop, order);
    if (last <= first) {
      return last < first
          ? 0
          : countIn(inner.laChild(first), bound, inclusive, stop, stopInclusive, order);
    }
    long count = countIn(inner.laChild(first), bound, inclusive, null, false, order);
    for (int c = first + 1; c < last; c++) {
      count += countAll(inner.laChild(c));
    }
    return count + countIn(inner.laChild(last), null, true, stop, stopInclusive, order);
  }

  /** Every key of {@code t}, from leaf lengths: no comparison. */
  private static long countAll(Node t) {
    if (t instanceof Leaf leaf) {
      return Leaf.count(leaf.laOrder());
    }
    Inner inner = (Inner) t;
    long count = 0;
    for (int c = 0; c < inner.size(); c++) {
      count += countAll(inner.laChild(c));
    }
    return count;
  }

  /** Why a walk's visit of one snapshot ended. */
  private enum StepEnd {
    /** Every key of the snapshot's interval from the cursor on was visited. */
    INTERVAL_DONE,
    /** A key past the range was met: the walk is over. */
    RANGE_DONE,
    /** The visitor asked to stop. */
    STOPPED
  }

  /**
   * Visits the objects inside {@code range} in key order (or reversed), starting strictly after
   * {@code after} when {@code resume}.
   *
   * @return true if the walk reached the end of the range, false if the visitor stopped it
   */
  static boolean walk(
      ContentionAdaptingTree tree,
      KeyRange range,
      boolean reverse,
      boolean resume,
      Object after,
      Store.Visitor visitor) {
    Comparator<Object> order = tree.order();
    Object bound = start(range, reverse, resume, after);
    boolean inclusive = !resume && (reverse ? range.upperInclusive() : range.lowerInclusive());
    StepEnd[] end = new StepEnd[1];
    for (; ; ) {
      end[0] = StepEnd.INTERVAL_DONE;
      Step step = Step.read(tree, range, reverse, bound, inclusive);
      boolean rangeEndsFirst = step.rangeEndsFirst();
      Object stop = step.stop();
      boolean stopInclusive = step.stopInclusive();
      if (!reverse) {
        ascendLeaves(
            step.data(),
            bound,
            inclusive,
            (leaf, o, i) -> {
              int n = end(leaf, o, stop, stopInclusive, order);
              if (i < n && visitor.visitRun(leaf, o, i, n) < n) {
                end[0] = StepEnd.STOPPED;
                return false;
              }
              if (n < Leaf.count(o)) {
                if (rangeEndsFirst) {
                  end[0] = StepEnd.RANGE_DONE;
                }
                return false; // past the range, or in a later step's interval
              }
              return true;
            },
            order);
        if (end[0] != StepEnd.INTERVAL_DONE) {
          return end[0] == StepEnd.RANGE_DONE;
        }
        if (step.isLast(range, reverse, order)) {
          return true; // every later key is past the range
        }
      } else {
        descendLeaves(
            step.data(),
            bound,
            inclusive,
            (leaf, o, i) -> {
              int first = begin(leaf, o, stop, stopInclusive, order);
              if (i >= first && visitor.visitRunReversed(leaf, o, first, i + 1) >= first) {
                end[0] = StepEnd.STOPPED;
                return false;
              }
              if (first > 0) {
                if (rangeEndsFirst) {
                  end[0] = StepEnd.RANGE_DONE;
                }
                return false; // before the range, or in a later step's interval
              }
              return true;
            },
            order);
        if (end[0] != StepEnd.INTERVAL_DONE) {
          return end[0] == StepEnd.RANGE_DONE;
        }
        if (step.isLast(range, reverse, order)) {
          return true; // every earlier key is before the range
        }
      }
      bound = step.end();
      inclusive = !reverse; // the next step starts at this one's end: up, at it; down, below it
    }
  }

  /** Where a walk of {@code range} starts: after {@code after} to resume, else at its bound. */
  static Object start(KeyRange range, boolean reverse, boolean resume, Object after) {
    return resume ? after : reverse ? range.upper() : range.lower();
  }

  /**
   * One step of a walk: the base read at {@code bound} ({@code inclusive}) in the walk's direction,
   * its data, and where the step stops: at the base's interval end ({@code end}: its upper bound
   * going up, its lower going down; null at the tree's end) or at the range's own bound, whichever
   * comes first ({@code rangeEndsFirst}). A leaf costs one comparison with {@code stop} when it
   * lies inside both.
   */
  record Step(Node data, Object end, boolean rangeEndsFirst, Object stop, boolean stopInclusive) {

    static Step read(
        ContentionAdaptingTree tree,
        KeyRange range,
        boolean reverse,
        Object bound,
        boolean inclusive) {
      Comparator<Object> order = tree.order();
      if (!reverse) {
        Snapshot s = from(tree, bound);
        Object upper = s.upper();
        boolean rangeEndsFirst =
            range.upper() != null && (upper == null || order.compare(range.upper(), upper) < 0);
        return new Step(
            s.data(),
            upper,
            rangeEndsFirst,
            rangeEndsFirst ? range.upper() : upper,
            rangeEndsFirst && range.upperInclusive());
      }
      Snapshot s =
          bound == null
              ? tree.snapshot(null, Seek.LAST)
              : tree.snapshot(bound, inclusive ? Seek.AT_OR_ABOVE : Seek.BELOW);
      Object lower = s.lower();
      boolean rangeEndsFirst =
          range.lower() != null && (lower == null || order.compare(range.lower(), lower) >= 0);
      return new Step(
          s.data(),
          lower,
          rangeEndsFirst,
          rangeEndsFirst ? range.lower() : lower,
          !rangeEndsFirst || range.lowerInclusive());
    }

    /** Whether no key after this step's interval, in the walk's direction, is inside the range. */
    boolean isLast(KeyRange range, boolean reverse, Comparator<Object> order) {
      return rangeEndsFirst || end == null || (!reverse && range.above(end, order));
    }
  }

  /** The object at position {@code index} in key order, or null past the end. */
  static StoredObject nodeAt(ContentionAdaptingTree tree, long index) {
    Comparator<Object> order = tree.order();
    Object bound = null;
    long[] remaining = {index};
    StoredObject[] found = new StoredObject[1];
    for (; ; ) {
      Snapshot s = from(tree, bound);
      Object upper = s.upper();
      ascendLeaves(
          s.data(),
          bound,
          true,
          (leaf, o, i) -> {
            int end = end(leaf, o, upper, false, order);
            int count = Math.max(0, end - i);
            if (remaining[0] < count) {
              found[0] = leaf.object(o, i + (int) remaining[0]);
              return false;
            }
            remaining[0] -= count;
            return end == Leaf.count(o);
          },
          order);
      if (found[0] != null) {
        return found[0];
      }
      if (upper == null) {
        return null;
      }
      bound = upper;
    }
  }
}
