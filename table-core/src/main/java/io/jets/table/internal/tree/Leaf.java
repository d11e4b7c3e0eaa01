package io.jets.table.internal.tree;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.internal.tree.LeafTree.Entry;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;

/**
 * A leaf of a {@link LeafTree}: up to {@link #MAX} (key, entry) pairs in slots that are written
 * once, and an order word that lists the live slots in key order. A writer adds a pair by filling a
 * fresh slot and then publishing a new order word, and removes one by publishing an order word
 * without it; a reader loads the order word once and reads the slots it names, so it sees the leaf
 * as it was at that instant. When no fresh slot is left the writer builds a new, compact leaf.
 */
final class Leaf extends LeafTree.Node implements Store.Run {
  /*
   * Design notes
   *
   * The order word (a long) holds the count in its low four bits and, for position i in key order,
   * the index of its slot in bits 4i + 4 .. 4i + 7: fifteen positions, as in the permutation of
   * Masstree's border nodes [1]. Slots are never rewritten while the leaf is reachable: a removed
   * pair's slot stays dead until the leaf is rebuilt, so a reader that loaded an older order word
   * still finds the pairs it names. The writer's release store of the order word publishes the slot
   * it filled; a reader's acquire load sees it. A write that fits therefore allocates only the new
   * entry, where an immutable sorted array allocated a copy of the whole leaf.
   *
   * Only the edit that may change the leaf in place (a live edit, or the batch that built it)
   * touches its slots or order word; a batch copies every other leaf it changes, so the live
   * version stays as it was until the batch commits.
   *
   * [1] Y. Mao, E. Kohler, R. Morris. Cache craftiness for fast multicore key-value storage.
   *     EuroSys 2012.
   */

  /** Pairs per leaf: the positions a 64-bit order word can list. */
  static final int MAX = 15;

  private static final VarHandle ORDER;

  static {
    try {
      ORDER = MethodHandles.lookup().findVarHandle(Leaf.class, "order", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Slot s: key at 2s, entry at 2s + 1. */
  private final Object[] slots;

  @SuppressWarnings("unused")
  private long order; // see laOrder

  private int used; // slots filled so far; the writer's only

  final Object owner; // the Edit that built this leaf, which may change it in place

  /** A leaf of the pairs at [from, to) of {@code pairs} (sorted), with room to grow. */
  Leaf(Object[] pairs, int from, int to, Edit owner) {
    int n = to - from;
    int capacity = Math.min(MAX, 2 * n + 1); // 1, 3, 7, 15 as a leaf grows by rebuilds
    slots = new Object[capacity << 1];
    System.arraycopy(pairs, from << 1, slots, 0, n << 1);
    used = n;
    long word = n;
    for (int i = 0; i < n; i++) {
      word |= (long) i << (4 * i + 4);
    }
    order = word;
    this.owner = owner;
  }

  // ---- reading: one order word per visit ----

  /** The order word, load-acquire: the slots it names are seen filled. */
  long laOrder() {
    return (long) ORDER.getAcquire(this);
  }

  /** The number of pairs under order word {@code o}. */
  static int count(long o) {
    return (int) o & 15;
  }

  private static int slot(long o, int i) {
    return (int) (o >>> ((i << 2) + 4)) & 15;
  }

  @Override
  int size() {
    return count(laOrder());
  }

  /** Key at position {@code i} under order word {@code o}. */
  Object key(long o, int i) {
    return slots[slot(o, i) << 1];
  }

  /** Entry at position {@code i} under order word {@code o}. */
  Entry entry(long o, int i) {
    return (Entry) slots[(slot(o, i) << 1) + 1];
  }

  /** As {@link #entry}, for a walk's visitor that takes the leaf's entries as one run. */
  @Override
  public StoredObject object(long o, int i) {
    return entry(o, i);
  }

  /** The position of the key comparing equal to {@code key}, or -(insertion point) - 1. */
  int search(long o, Object key, Comparator<Object> order) {
    int lo = 0;
    int hi = count(o) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = order.compare(key(o, mid), key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** The number of keys below {@code key} ({@code inclusive}: at or below). */
  int rank(long o, Object key, boolean inclusive, Comparator<Object> order) {
    int i = search(o, key, order);
    return i >= 0 ? (inclusive ? i + 1 : i) : -(i + 1);
  }

  /** The pairs at positions [from, to) under {@code o}, in key order, into a new array. */
  Object[] pairs(long o, int from, int to) {
    Object[] pairs = new Object[(to - from) << 1];
    for (int i = from; i < to; i++) {
      int s = slot(o, i) << 1;
      pairs[(i - from) << 1] = slots[s];
      pairs[((i - from) << 1) + 1] = slots[s + 1];
    }
    return pairs;
  }

  /**
   * The pairs under {@code o} with {@code (key, entry)} at position {@code at}: inserted there, or
   * replacing the pair there ({@code replace}).
   */
  Object[] pairsWith(long o, int at, boolean replace, Object key, Entry entry) {
    int n = count(o);
    int skip = replace ? 1 : 0;
    Object[] pairs = new Object[(n + 1 - skip) << 1];
    for (int i = 0, j = 0; i < n; i++, j++) {
      if (i == at) {
        pairs[j << 1] = key;
        pairs[(j << 1) + 1] = entry;
        if (replace) {
          continue;
        }
        j++;
      }
      int s = slot(o, i) << 1;
      pairs[j << 1] = slots[s];
      pairs[(j << 1) + 1] = slots[s + 1];
    }
    if (at == n) {
      pairs[n << 1] = key;
      pairs[(n << 1) + 1] = entry;
    }
    return pairs;
  }

  /** The pairs under {@code o} without the one at position {@code at}. */
  Object[] pairsWithout(long o, int at) {
    int n = count(o);
    Object[] pairs = new Object[(n - 1) << 1];
    for (int i = 0, j = 0; i < n; i++) {
      if (i != at) {
        int s = slot(o, i) << 1;
        pairs[j << 1] = slots[s];
        pairs[(j << 1) + 1] = slots[s + 1];
        j++;
      }
    }
    return pairs;
  }

  /** A compact leaf of the pairs at positions [from, to). */
  Leaf slice(long o, int from, int to, Edit owner) {
    return new Leaf(pairs(o, from, to), 0, to - from, owner);
  }

  // ---- writing in place (the edit that may change this leaf) ----

  /** Whether a pair can be added in place: a fresh slot is left. */
  boolean hasFreshSlot() {
    return used < slots.length >> 1;
  }

  /** Adds {@code (key, entry)} at position {@code at} in a fresh slot; publishes the new order. */
  void addInPlace(int at, Object key, Entry entry) {
    long o = laOrder();
    int s = used++;
    slots[s << 1] = key;
    slots[(s << 1) + 1] = entry;
    long body = o >>> 4;
    long low = body & ((1L << (at << 2)) - 1);
    long high = body ^ low;
    body = low | ((long) s << (at << 2)) | (high << 4);
    ORDER.setRelease(this, (body << 4) | (count(o) + 1));
  }

  /** Replaces the pair at position {@code at} by one in a fresh slot; publishes the new order. */
  void replaceInPlace(int at, Object key, Entry entry) {
    long o = laOrder();
    int s = used++;
    slots[s << 1] = key;
    slots[(s << 1) + 1] = entry;
    int shift = (at << 2) + 4;
    ORDER.setRelease(this, (o & ~(15L << shift)) | ((long) s << shift));
  }

  /** Drops the pair at position {@code at}; publishes the new order. Its slot stays dead. */
  void removeInPlace(int at) {
    long o = laOrder();
    long body = o >>> 4;
    long low = body & ((1L << (at << 2)) - 1);
    long high = body >>> ((at + 1) << 2);
    body = low | (high << (at << 2));
    ORDER.setRelease(this, (body << 4) | (count(o) - 1));
  }
}
