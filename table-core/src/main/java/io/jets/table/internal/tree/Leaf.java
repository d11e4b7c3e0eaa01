package io.jets.table.internal.tree;

import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.spi.Store;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;

/**
 * A leaf of a {@link LeafTree}: up to {@link #MAX} (key, value) pairs held inline in slots whose
 * keys are written once, and an order word that lists the live slots in key order. A writer adds a
 * pair by filling a fresh slot and then publishing a new order word, and removes one by publishing
 * an order word without it; a reader loads the order word once and reads the slots it names, so it
 * sees the leaf's keys as they were at that instant. A live edit may replace a present key's value
 * in its slot (a release store; readers load it with an acquire load), as {@code ConcurrentHashMap}
 * replaces a value in its node. When no fresh slot is left the writer builds a new, compact leaf.
 */
final class Leaf extends LeafTree.Node implements Store.Run {
  /*
   * Design notes
   *
   * The order word (a long) holds the count in its low four bits and, for position i in key order,
   * the index of its slot in bits 4i + 4 .. 4i + 7: fifteen positions, as in the permutation of
   * Masstree's border nodes [1]. A slot's key is never rewritten while the leaf is reachable: a
   * removed pair's slot stays dead until the leaf is rebuilt, so a reader that loaded an older
   * order word still finds the keys it names. The writer's release store of the order word
   * publishes the slot it filled; a reader's acquire load sees it. A write that fits therefore
   * allocates nothing, where an immutable sorted array allocated a copy of the whole leaf.
   *
   * Values are inline, not in a separate entry object per key: a range walk reads keys and values
   * from the slots array in order and dereferences no other object per key (a key object only at a
   * leaf's ends, where the range's bound is compared). The array holds the keys in its first half
   * and the values in its second, slot by slot, rather than each key beside its value: the values
   * of positions whose slots follow one another (all of a leaf built compact or filled in key order)
   * lie side by side, so a select of values copies them with one arraycopy (see values) where a
   * loop stored them one by one (a 512-key select of keys inserted in order: 2,127 -> 1,508 ns,
   * BENCHMARKS.md Run W); a lookup's binary search reads the keys' half alone. The price is that a
   * read that hands out one object (Store.Run.object) builds a StoredObject for it. The one slot
   * that changes while the leaf is reachable is a present key's value, which a live edit replaces
   * with a release store (setValueInPlace) and a reader loads with an acquire load: it sees the
   * old value or the new.
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
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** A one in each of the fifteen nibbles of an order word's body. */
  private static final long ONES = 0x111111111111111L;

  /**
   * The fewest keys or values {@link #copy} copies with {@code System.arraycopy}; fewer are copied
   * one by one, cheaper than the call.
   */
  private static final int COPY_MIN = 4;

  static {
    try {
      ORDER = MethodHandles.lookup().findVarHandle(Leaf.class, "order", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Slot s of a leaf of capacity c (the array's length / 2): key at s, value at c + s. */
  private final Object[] slots;

  @SuppressWarnings("unused")
  private long order; // see laOrder

  private int used; // slots filled so far; the writer's only

  final Object owner; // the Edit that built this leaf, which may change it in place

  /** A leaf of the pairs at [from, to) of {@code pairs} (sorted), with room to grow. */
  Leaf(Object[] pairs, int from, int to, Edit owner) {
    int n = to - from;
    int capacity = capacity(n);
    slots = new Object[capacity << 1];
    for (int i = 0; i < n; i++) {
      slots[i] = pairs[(from + i) << 1];
      slots[capacity + i] = pairs[((from + i) << 1) + 1];
    }
    used = n;
    order = compact(n);
    this.owner = owner;
  }

  /**
   * A leaf of positions [from, to) of {@code source}'s pairs under {@code o} with {@code (key,
   * value)} inserted at position {@code at}, or replacing the pair there ({@code skip} 1; with
   * {@code at} at or past {@code to}, none inserted), read straight from its slots: no array of the
   * pairs in between. Its values are read plainly: the caller holds the lock of the source's base,
   * the only lock under which a value is written in place.
   */
  private Leaf(
      Leaf source,
      long o,
      int from,
      int to,
      int at,
      int skip,
      Object key,
      Object value,
      Edit owner) {
    int n = to - from;
    int capacity = capacity(n);
    Object[] theirs = source.slots;
    int values = theirs.length >> 1;
    slots = new Object[capacity << 1];
    for (int i = 0, j = from; i < n; i++, j++) {
      if (j == at) {
        slots[i] = key;
        slots[capacity + i] = value;
      } else {
        int s = slot(o, j < at ? j : j - 1 + skip);
        slots[i] = theirs[s];
        slots[capacity + i] = theirs[values + s];
      }
    }
    used = n;
    order = compact(n);
    this.owner = owner;
  }

  /**
   * A compact leaf of {@code a}'s pairs under {@code wa} and then {@code b}'s under {@code wb} (a
   * merge), read straight from their slots; values read plainly, as in the constructor above.
   */
  static Leaf concat(Leaf a, long wa, Leaf b, long wb, Edit owner) {
    return new Leaf(a, wa, b, wb, owner);
  }

  private Leaf(Leaf a, long wa, Leaf b, long wb, Edit owner) {
    int na = count(wa);
    int n = na + count(wb);
    int capacity = capacity(n);
    slots = new Object[capacity << 1];
    a.copyPairs(wa, slots, 0, capacity);
    b.copyPairs(wb, slots, na, capacity);
    used = n;
    order = compact(n);
    this.owner = owner;
  }

  /** The pairs under {@code o} into a new leaf's slots {@code into} from slot {@code at}. */
  private void copyPairs(long o, Object[] into, int at, int capacity) {
    int values = slots.length >> 1;
    for (int i = 0, n = count(o); i < n; i++) {
      int s = slot(o, i);
      into[at + i] = slots[s];
      into[capacity + at + i] = slots[values + s];
    }
  }

  /** Slots for a leaf built with {@code n} pairs: 1, 3, 7, 15 as a leaf grows by rebuilds. */
  private static int capacity(int n) {
    return Math.min(MAX, 2 * n + 1);
  }

  /** The order word of {@code n} pairs in slots 0 .. n - 1, in that order. */
  private static long compact(int n) {
    long word = n;
    for (int i = 0; i < n; i++) {
      word |= (long) i << (4 * i + 4);
    }
    return word;
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
  @Override
  public Object key(long o, int i) {
    return slots[slot(o, i)];
  }

  /**
   * Value at position {@code i} under order word {@code o}, load-acquire: a value a live edit wrote
   * in place is seen fully built.
   */
  @Override
  public Object value(long o, int i) {
    return SLOT.getAcquire(slots, (slots.length >> 1) + slot(o, i));
  }

  /**
   * Copies the values at positions [from, to) under {@code o} into {@code into} from {@code at}, as
   * {@link #copy} does. The values are read plainly and then fenced with an acquire fence, which
   * orders them as load-acquire reads of each would be: a value a live edit wrote in place is seen
   * fully built.
   */
  @Override
  public void values(long o, int from, int to, Object[] into, int at) {
    copy(o, from, to, slots.length >> 1, into, at);
    VarHandle.acquireFence();
  }

  /** Copies the keys at positions [from, to) under {@code o}, as {@link #copy} does. */
  @Override
  public void keys(long o, int from, int to, Object[] into, int at) {
    copy(o, from, to, 0, into, at); // keys are never rewritten while the leaf is reachable
  }

  /**
   * Copies the keys ({@code half} 0) or values ({@code half} the capacity) at positions [from, to)
   * under {@code o} into {@code into} from {@code at}: with one {@code System.arraycopy} when their
   * slots follow one another (all of a leaf built compact or filled in key order), else one by one.
   * (Copying each stretch of consecutive slots of a shuffled leaf apart measured 1.3x slower than
   * one by one: the stretches' lengths vary, and the branches on them mispredict.)
   */
  private void copy(long o, int from, int to, int half, Object[] into, int at) {
    Object[] slots = this.slots;
    long rest = o >>> ((from << 2) + 4); // the slots of positions from, from + 1, ..: a nibble each
    int n = to - from;
    // Nibble k is zero where the slot of position k + 1 is the slot of position k plus one (a slot
    // is at most 14, so adding one to every nibble carries into none).
    long breaks = (rest + ONES) ^ (rest >>> 4);
    if (n >= COPY_MIN && (breaks & ((1L << ((n - 1) << 2)) - 1)) == 0) {
      System.arraycopy(slots, half + ((int) rest & 15), into, at, n);
      return;
    }
    for (int k = 0; k < n; k++, rest >>>= 4) {
      into[at + k] = slots[half + ((int) rest & 15)];
    }
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
    return KeyOrder.rank(search(o, key, order), inclusive);
  }

  /** The pairs under {@code o} without the one at position {@code at}. */
  Object[] pairsWithout(long o, int at) {
    int n = count(o);
    Object[] pairs = new Object[(n - 1) << 1];
    for (int i = 0, j = 0; i < n; i++) {
      if (i != at) {
        int s = slot(o, i);
        pairs[j << 1] = slots[s];
        pairs[(j << 1) + 1] = slots[(slots.length >> 1) + s];
        j++;
      }
    }
    return pairs;
  }

  /** A compact leaf of the pairs at positions [from, to). */
  Leaf slice(long o, int from, int to, Edit owner) {
    return new Leaf(this, o, from, to, to, 0, null, null, owner);
  }

  /**
   * A compact leaf of the pairs under {@code o} with {@code (key, value)} inserted at position
   * {@code at}: a rebuild for a key that finds no fresh slot.
   */
  Leaf with(long o, int at, Object key, Object value, Edit owner) {
    return new Leaf(this, o, 0, count(o) + 1, at, 0, key, value, owner);
  }

  /** A compact leaf of the pairs under {@code o} with the one at position {@code at} replaced. */
  Leaf replacing(long o, int at, Object key, Object value, Edit owner) {
    return new Leaf(this, o, 0, count(o), at, 1, key, value, owner);
  }

  /**
   * The pairs under {@code o} (a full leaf) with {@code (key, value)} inserted at position {@code
   * at}, cut into two compact leaves of half each, the left one taking the smaller half when the
   * count is odd, and the right one's first key between them.
   */
  LeafTree.Split splitWith(long o, int at, Object key, Object value, Edit owner) {
    int total = count(o) + 1;
    int half = total >>> 1;
    Leaf right = new Leaf(this, o, half, total, at, 0, key, value, owner);
    return new LeafTree.Split(
        new Leaf(this, o, 0, half, at, 0, key, value, owner), right.slots[0], right);
  }

  // ---- writing in place (the edit that may change this leaf) ----

  /** Whether a pair can be added in place: a fresh slot is left. */
  boolean hasFreshSlot() {
    return used < slots.length >> 1;
  }

  /** Adds {@code (key, value)} at position {@code at} in a fresh slot; publishes the new order. */
  void addInPlace(int at, Object key, Object value) {
    long o = laOrder();
    int s = used++;
    slots[s] = key;
    slots[(slots.length >> 1) + s] = value;
    long body = o >>> 4;
    long low = body & ((1L << (at << 2)) - 1);
    long high = body ^ low;
    body = low | ((long) s << (at << 2)) | (high << 4);
    ORDER.setRelease(this, (body << 4) | (count(o) + 1));
  }

  /** Replaces the pair at position {@code at} by one in a fresh slot; publishes the new order. */
  void replaceInPlace(int at, Object key, Object value) {
    long o = laOrder();
    int s = used++;
    slots[s] = key;
    slots[(slots.length >> 1) + s] = value;
    int shift = (at << 2) + 4;
    ORDER.setRelease(this, (o & ~(15L << shift)) | ((long) s << shift));
  }

  /**
   * Replaces the value at position {@code at} under order word {@code o} (the current one) in its
   * slot, store-release: the key stays, and a reader sees the old value or the new one.
   */
  void setValueInPlace(long o, int at, Object value) {
    SLOT.setRelease(slots, (slots.length >> 1) + slot(o, at), value);
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
