package io.jets.term.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable key-to-value map: the whole content of a term store at one instant.
 *
 * <p>Nothing in a snapshot changes after construction, so any thread may read a snapshot it
 * obtained through a release/acquire pair without further synchronization. Writers derive new
 * snapshots with {@link #with}, {@link #without} and {@link #withoutAll}, each of which copies the
 * table (O(capacity)) and leaves this one untouched. Keys and values are never null.
 */
public final class TermSnapshot {

  /*
   * Layout
   *
   * One Object[] of 2 * capacity slots: key at 2i, value at 2i + 1, so a hit reads two adjacent
   * slots of one array (usually one cache line) and a lookup touches no other object but the key.
   * Capacity is a power of two; a key's home is the top bits of its hash times the 32-bit golden
   * ratio (Fibonacci hashing, Knuth TAOCP vol. 3, 6.4), which spreads the low-entropy hashCodes of
   * Integer and short String keys. Collisions probe linearly.
   *
   * Load factor is at most 1/2: linear probing then expects 1.5 probes for a hit and 2.5 for a miss
   * (Knuth), and the table is never full, so a probe loop always ends at an empty slot. Removal
   * shifts the following cluster back (Knuth's Algorithm R) instead of leaving tombstones, so a
   * table that has seen many erases probes as short as a fresh one.
   *
   * Cost of a write is one array clone (2 * capacity references) plus, when the capacity changes,
   * one re-hash of every key. A replace of an existing key, the common case, never re-hashes.
   */

  /** Smallest capacity: a store that holds a handful of terms still has 1/2 load or less. */
  private static final int MIN_CAPACITY = 8;

  /** Largest capacity: 2 * 2^29 slots is the largest power-of-two Object[] the JVM allows. */
  private static final int MAX_CAPACITY = 1 << 29;

  /** 2^32 / phi, odd: multiplying by it is a bijection on int that moves low bits up. */
  private static final int GOLDEN = 0x9E3779B9;

  /** Assumed compressed references and 16-byte array header, as on a default 64-bit heap < 32 GB. */
  private static final long REFERENCE_BYTES = 4;

  private static final long ARRAY_HEADER_BYTES = 16;

  private static final long OBJECT_BYTES = 24;

  /** The snapshot of an empty store. */
  public static final TermSnapshot EMPTY =
      new TermSnapshot(new Object[2 * MIN_CAPACITY], 0, shiftFor(MIN_CAPACITY), 0);

  private final Object[] slots;
  private final int size;
  private final int shift;
  private final long termBytes;

  private TermSnapshot(Object[] slots, int size, int shift, long termBytes) {
    this.slots = slots;
    this.size = size;
    this.shift = shift;
    this.termBytes = termBytes;
  }

  /** The number of terms. */
  public int size() {
    return size;
  }

  /**
   * An estimate of the bytes this snapshot retains: its table plus the estimates of every key and
   * value recorded by the writers.
   */
  public long memoryBytes() {
    return OBJECT_BYTES + ARRAY_HEADER_BYTES + REFERENCE_BYTES * slots.length + termBytes;
  }

  /** The sum of the per-term estimates passed to the writers, without the table itself. */
  public long termBytes() {
    return termBytes;
  }

  /**
   * The value stored under {@code key}, or null if there is none. Allocates nothing and writes
   * nothing; calls {@code key.hashCode()} once and {@code key.equals} on each probed key.
   */
  public Object get(Object key) {
    Object[] table = slots;
    int mask = table.length - 2;
    int i = home(key.hashCode(), shift);
    for (Object k; (k = table[i]) != null; i = (i + 2) & mask) {
      if (k == key || key.equals(k)) {
        return table[i + 1];
      }
    }
    return null;
  }

  /**
   * A snapshot that maps {@code key} to {@code value} and holds every other term of this one.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: the new term's estimate, minus the
   *     replaced value's when the key was present
   */
  public TermSnapshot with(Object key, Object value, long termBytesDelta) {
    int i = indexOf(slots, shift, key);
    if (i >= 0) {
      Object[] copy = slots.clone();
      copy[i + 1] = value;
      return new TermSnapshot(copy, size, shift, termBytes + termBytesDelta);
    }
    int capacity = slots.length / 2;
    if (2 * (size + 1) > capacity) {
      if (capacity == MAX_CAPACITY) {
        throw new IllegalStateException(
            "persistent term store is full: " + size + " terms, at most " + MAX_CAPACITY / 2);
      }
      Object[] grown = rehash(slots, 2 * capacity);
      int newShift = shiftFor(2 * capacity);
      insertAbsent(grown, newShift, key, value);
      return new TermSnapshot(grown, size + 1, newShift, termBytes + termBytesDelta);
    }
    Object[] copy = slots.clone();
    int free = -i - 1;
    copy[free] = key;
    copy[free + 1] = value;
    return new TermSnapshot(copy, size + 1, shift, termBytes + termBytesDelta);
  }

  /**
   * A snapshot without {@code key}, or this snapshot if the key is absent.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: minus the removed term's estimate
   */
  public TermSnapshot without(Object key, long termBytesDelta) {
    int i = indexOf(slots, shift, key);
    if (i < 0) {
      return this;
    }
    Object[] copy = slots.clone();
    removeAt(copy, shift, i);
    return shrunk(copy, size - 1, termBytes + termBytesDelta);
  }

  /**
   * A snapshot without any of {@code keys}, made with one copy however many keys there are.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: minus the removed terms' estimates
   */
  public TermSnapshot withoutAll(Collection<?> keys, long termBytesDelta) {
    Object[] copy = null;
    int remaining = size;
    for (Object key : keys) {
      int i = indexOf(copy == null ? slots : copy, shift, key);
      if (i >= 0) {
        if (copy == null) {
          copy = slots.clone();
        }
        removeAt(copy, shift, i);
        remaining--;
      }
    }
    return copy == null ? this : shrunk(copy, remaining, termBytes + termBytesDelta);
  }

  /**
   * This snapshot as an unmodifiable {@link Map}: it never changes, costs nothing to create, and
   * answers {@code get} and {@code containsKey} in constant time.
   */
  public Map<Object, Object> asMap() {
    return new SnapshotMap(this);
  }

  private TermSnapshot shrunk(Object[] table, int newSize, long newTermBytes) {
    int capacity = table.length / 2;
    // Shrink only below 1/8 load so that alternating put/erase around a boundary never re-hashes
    // on every write; halving then leaves the load at 1/4 or less.
    if (capacity > MIN_CAPACITY && 8 * newSize < capacity) {
      int smaller = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, 4 * newSize)));
      return new TermSnapshot(rehash(table, smaller), newSize, shiftFor(smaller), newTermBytes);
    }
    return new TermSnapshot(table, newSize, shift, newTermBytes);
  }

  private static int shiftFor(int capacity) {
    return Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** The even slot index where a key with this hash starts probing. */
  private static int home(int hash, int shift) {
    return ((hash * GOLDEN) >>> shift) << 1;
  }

  /** The slot index of {@code key}, or {@code -(index of the free slot where it would go) - 1}. */
  private static int indexOf(Object[] table, int shift, Object key) {
    int mask = table.length - 2;
    int i = home(key.hashCode(), shift);
    for (Object k; (k = table[i]) != null; i = (i + 2) & mask) {
      if (k == key || key.equals(k)) {
        return i;
      }
    }
    return -i - 1;
  }

  private static void insertAbsent(Object[] table, int shift, Object key, Object value) {
    int mask = table.length - 2;
    int i = home(key.hashCode(), shift);
    while (table[i] != null) {
      i = (i + 2) & mask;
    }
    table[i] = key;
    table[i + 1] = value;
  }

  private static Object[] rehash(Object[] table, int capacity) {
    Object[] fresh = new Object[2 * capacity];
    int shift = shiftFor(capacity);
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != null) {
        insertAbsent(fresh, shift, table[i], table[i + 1]);
      }
    }
    return fresh;
  }

  /**
   * Empties slot {@code hole} of a table that nobody else can see yet, moving back every key of
   * the following cluster whose home does not lie cyclically in (hole, its position].
   */
  private static void removeAt(Object[] table, int shift, int hole) {
    int mask = table.length - 2;
    int i = hole;
    for (int j = (i + 2) & mask; table[j] != null; j = (j + 2) & mask) {
      int h = home(table[j].hashCode(), shift);
      boolean reachableWithoutHole = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!reachableWithoutHole) {
        table[i] = table[j];
        table[i + 1] = table[j + 1];
        i = j;
      }
    }
    table[i] = null;
    table[i + 1] = null;
  }

  /** The read-only map view behind {@link #asMap()}. */
  private static final class SnapshotMap extends AbstractMap<Object, Object> {

    private final TermSnapshot snapshot;

    SnapshotMap(TermSnapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public Object get(Object key) {
      return key == null ? null : snapshot.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return snapshot.size;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<Object, Object>> iterator() {
          return new EntryIterator(snapshot.slots);
        }

        @Override
        public int size() {
          return snapshot.size;
        }
      };
    }
  }

  private static final class EntryIterator implements Iterator<Map.Entry<Object, Object>> {

    private final Object[] table;
    private int next;

    EntryIterator(Object[] table) {
      this.table = table;
      this.next = advance(table, 0);
    }

    private static int advance(Object[] table, int from) {
      int i = from;
      while (i < table.length && table[i] == null) {
        i += 2;
      }
      return i;
    }

    @Override
    public boolean hasNext() {
      return next < table.length;
    }

    @Override
    public Map.Entry<Object, Object> next() {
      if (next >= table.length) {
        throw new NoSuchElementException("no more terms in this snapshot");
      }
      Map.Entry<Object, Object> entry = Map.entry(table[next], table[next + 1]);
      next = advance(table, next + 2);
      return entry;
    }
  }
}
