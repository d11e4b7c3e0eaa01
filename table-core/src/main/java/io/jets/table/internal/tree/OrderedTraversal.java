package io.jets.table.internal.tree;

import io.jets.table.internal.select.MatchEvaluation.KeyRange;
import io.jets.table.internal.tree.ContentionAdaptingTree.Seek;
import io.jets.table.internal.tree.ContentionAdaptingTree.Snapshot;
import io.jets.table.internal.tree.PersistentSortedTree.Node;
import java.util.Comparator;

/**
 * Traversals of a {@link ContentionAdaptingTree} that read one base at a time: neighbour steps,
 * range walks in either direction, and positions. Lock-free.
 *
 * <p>Each step reads one {@link Snapshot} and uses only the keys inside the interval its path
 * implies, [lower, upper); the next step continues from that bound. A base's data (a retired base's
 * too: it froze after the step began) is everything the table held in that interval at one instant
 * during the step, and the interval always contains the cursor, so every key present for the whole
 * traversal lies in exactly one step's interval and is visited exactly once; keys come in strictly
 * monotonic order, so none twice.
 */
final class OrderedTraversal {

  private OrderedTraversal() {}

  /** Receives the nodes of a walk; returns false to stop it. */
  @FunctionalInterface
  interface NodeVisitor {
    boolean visit(Node node);
  }

  /**
   * The node after {@code key} in key order ({@code forward}) or before it, whether or not {@code
   * key} is present; the first or last node when {@code key} is null. Null at the end.
   */
  static Node step(ContentionAdaptingTree tree, Object key, boolean forward) {
    Comparator<Object> order = tree.order();
    Object bound = key;
    boolean inclusive = false; // an ascending step continues at an upper bound, inclusive
    for (; ; ) {
      Snapshot s;
      Node found;
      if (forward) {
        s =
            bound == null
                ? tree.snapshot(null, Seek.FIRST)
                : tree.snapshot(bound, Seek.AT_OR_ABOVE);
        found =
            bound == null
                ? PersistentSortedTree.first(s.data())
                : PersistentSortedTree.ceiling(s.data(), bound, inclusive, order);
        if (found != null && (s.upper() == null || order.compare(found.key, s.upper()) < 0)) {
          return found;
        }
        if (s.upper() == null) {
          return null;
        }
        bound = s.upper();
        inclusive = true;
      } else {
        s = bound == null ? tree.snapshot(null, Seek.LAST) : tree.snapshot(bound, Seek.BELOW);
        found =
            bound == null
                ? PersistentSortedTree.last(s.data())
                : PersistentSortedTree.floor(s.data(), bound, false, order);
        if (found != null && (s.lower() == null || order.compare(found.key, s.lower()) >= 0)) {
          return found;
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
   * present for the whole count is counted once), from the subtree sizes of each snapshot: two
   * ranks per base, no node visited.
   */
  static long count(ContentionAdaptingTree tree, KeyRange range) {
    Comparator<Object> order = tree.order();
    Object bound = range.lower();
    boolean inclusive = range.lowerInclusive();
    long count = 0;
    for (; ; ) {
      Snapshot s =
          bound == null ? tree.snapshot(null, Seek.FIRST) : tree.snapshot(bound, Seek.AT_OR_ABOVE);
      Node data = s.data();
      Object upper = s.upper(); // this step's interval is [bound, upper)
      int from = bound == null ? 0 : PersistentSortedTree.rank(data, bound, !inclusive, order);
      boolean endsHere =
          range.upper() != null && (upper == null || order.compare(range.upper(), upper) < 0);
      int to;
      if (endsHere) {
        to = PersistentSortedTree.rank(data, range.upper(), range.upperInclusive(), order);
      } else {
        to =
            upper == null
                ? PersistentSortedTree.size(data)
                : PersistentSortedTree.rank(data, upper, false, order);
      }
      count += Math.max(0, to - from);
      if (endsHere || upper == null) {
        return count;
      }
      bound = upper;
      inclusive = true;
    }
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
   * Visits the nodes inside {@code range} in key order (or reversed), starting strictly after
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
      NodeVisitor visitor) {
    Comparator<Object> order = tree.order();
    Object bound;
    boolean inclusive;
    if (resume) {
      bound = after;
      inclusive = false;
    } else if (reverse) {
      bound = range.upper();
      inclusive = range.upperInclusive();
    } else {
      bound = range.lower();
      inclusive = range.lowerInclusive();
    }
    StepEnd[] end = new StepEnd[1];
    for (; ; ) {
      end[0] = StepEnd.INTERVAL_DONE;
      if (!reverse) {
        Snapshot s =
            bound == null
                ? tree.snapshot(null, Seek.FIRST)
                : tree.snapshot(bound, Seek.AT_OR_ABOVE);
        Object upper = s.upper();
        // One comparison per node: against whichever ends first, this step's interval (upper,
        // exclusive) or the range (its upper bound, inclusive or not).
        boolean rangeEndsFirst =
            range.upper() != null && (upper == null || order.compare(range.upper(), upper) < 0);
        Object stop = rangeEndsFirst ? range.upper() : upper;
        boolean stopInclusive = rangeEndsFirst && range.upperInclusive();
        ascend(
            s.data(),
            bound,
            inclusive,
            node -> {
              if (stop != null) {
                int c = order.compare(node.key, stop);
                if (c > 0 || (c == 0 && !stopInclusive)) {
                  if (rangeEndsFirst) {
                    end[0] = StepEnd.RANGE_DONE;
                  }
                  return false; // past the range, or in a later step's interval
                }
              }
              if (!visitor.visit(node)) {
                end[0] = StepEnd.STOPPED;
                return false;
              }
              return true;
            },
            order);
        if (end[0] != StepEnd.INTERVAL_DONE) {
          return end[0] == StepEnd.RANGE_DONE;
        }
        if (upper == null || range.above(upper, order)) {
          return true; // every later key is past the range
        }
        bound = upper;
        inclusive = true;
      } else {
        Snapshot s =
            bound == null
                ? tree.snapshot(null, Seek.LAST)
                : tree.snapshot(bound, inclusive ? Seek.AT_OR_ABOVE : Seek.BELOW);
        Object lower = s.lower();
        descend(
            s.data(),
            bound,
            inclusive,
            node -> {
              if (lower != null && order.compare(node.key, lower) < 0) {
                return false; // belongs to a later step's interval
              }
              if (range.below(node.key, order)) {
                end[0] = StepEnd.RANGE_DONE;
                return false;
              }
              if (!visitor.visit(node)) {
                end[0] = StepEnd.STOPPED;
                return false;
              }
              return true;
            },
            order);
        if (end[0] != StepEnd.INTERVAL_DONE) {
          return end[0] == StepEnd.RANGE_DONE;
        }
        if (lower == null || (range.lower() != null && order.compare(lower, range.lower()) <= 0)) {
          return true; // every earlier key is before the range
        }
        bound = lower;
        inclusive = false;
      }
    }
  }

  /** In-order visit of the keys at or after {@code from}; false if the visitor stopped. */
  private static boolean ascend(
      Node t, Object from, boolean inclusive, NodeVisitor visitor, Comparator<Object> order) {
    while (t != null) {
      boolean visitHere = true;
      if (from != null) {
        int c = order.compare(t.key, from);
        visitHere = c > 0 || (c == 0 && inclusive);
      }
      if (visitHere) {
        if (!ascend(t.left, from, inclusive, visitor, order) || !visitor.visit(t)) {
          return false;
        }
        from = null; // everything to the right is after from
      }
      t = t.right;
    }
    return true;
  }

  /** Reverse in-order visit of the keys at or before {@code from}; false if the visitor stopped. */
  private static boolean descend(
      Node t, Object from, boolean inclusive, NodeVisitor visitor, Comparator<Object> order) {
    while (t != null) {
      boolean visitHere = true;
      if (from != null) {
        int c = order.compare(t.key, from);
        visitHere = c < 0 || (c == 0 && inclusive);
      }
      if (visitHere) {
        if (!descend(t.right, from, inclusive, visitor, order) || !visitor.visit(t)) {
          return false;
        }
        from = null;
      }
      t = t.left;
    }
    return true;
  }

  /** The node at position {@code index} in key order, or null past the end. */
  static Node nodeAt(ContentionAdaptingTree tree, long index) {
    Comparator<Object> order = tree.order();
    Object bound = null;
    long remaining = index;
    for (; ; ) {
      Snapshot s =
          bound == null ? tree.snapshot(null, Seek.FIRST) : tree.snapshot(bound, Seek.AT_OR_ABOVE);
      Node data = s.data();
      int start = bound == null ? 0 : PersistentSortedTree.rank(data, bound, false, order);
      int end =
          s.upper() == null
              ? PersistentSortedTree.size(data)
              : PersistentSortedTree.rank(data, s.upper(), false, order);
      int count = Math.max(0, end - start);
      if (remaining < count) {
        return PersistentSortedTree.nodeAt(data, start + (int) remaining);
      }
      remaining -= count;
      if (s.upper() == null) {
        return null;
      }
      bound = s.upper();
    }
  }
}
