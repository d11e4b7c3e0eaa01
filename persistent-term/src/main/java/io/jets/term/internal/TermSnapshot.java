package io.jets.term.internal;

import io.jets.term.TermException;
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
   * slots of one array (usually one cache line). A parallel int[] keeps each key's hashCode, as
   * HashMap's nodes do: a probe that meets another key compares hashes and never touches that key
   * object (nor its String bytes), and re-hashing or removal never calls user hashCode methods.
   * Capacity is a power of two; a key's home is the top bits of its hash times the 32-bit golden
   * ratio (Fibonacci hashing, Knuth TAOCP vol. 3, 6.4), which spreads the low-entropy hashCodes of
   * Integer and short String keys. Collisions probe linearly.
   *
   * Load factor is at most 1/2: linear probing then expects 1.5 probes for a hit and 2.5 for a miss
   * (Knuth), and the table is never full, so a probe loop always ends at an empty slot. Removal
   * shifts the following cluster back (Knuth's Algorithm R) instead of leaving tombstones, so a
   * table that has seen many erases probes as short as a fresh one.
   *
   * Cost of a write is one clone of the slots (2 * capacity references) and, for a new key or a
   * removal, of the hashes (capacity ints); when the capacity changes, one re-insertion of every key
   * from its stored hash. A replace of an existing key, the common case, copies only the slots.
   */

  /** Smallest capacity: a store that holds a handful of terms still has 1/2 load or less. */
  private static final int MIN_CAPACITY = 8;

  /** Largest capacity: 2 * 2^29 slots is the largest power-of-two Object[] the JVM allows. */
  private static final int MAX_CAPACITY = 1 << 29;

  /** 2^32 / phi, odd: multiplying by it is a bijection on int that moves low bits up. */
  private static final int GOLDEN = 0x9E3779B9;

  // Memory estimate of a default 64-bit JVM with a heap under 32 GB (compressed references).
  /** One reference. */
  private static final long REFERENCE_BYTES = 4;

  /** Header and length of an array, rounded to the 8-byte alignment. */
  private static final long ARRAY_HEADER_BYTES = 16;

  /** The snapshot object itself: header, two references, two ints and a long, aligned. */
  private static final long OBJECT_BYTES = 40;

  /** The snapshot of an empty store. */
  public static final TermSnapshot EMPTY =
      new TermSnapshot(
          new Object[2 * MIN_CAPACITY], new int[MIN_CAPACITY], 0, shiftFor(MIN_CAPACITY), 0);

  private final Object[] slots;
  private final int[] hashes;
  private final int size;
  private final int shift;
  private final long termBytes;

  private TermSnapshot(Object[] slots, int[] hashes, int size, int shift, long termBytes) {
    this.slots = slots;
    this.hashes = hashes;
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
    return OBJECT_BYTES
        + ARRAY_HEADER_BYTES
        + REFERENCE_BYTES * slots.length
        + ARRAY_HEADER_BYTES
        + 4L * hashes.length
        + termBytes;
  }

  /** The sum of the per-term estimates passed to the writers, without the table itself. */
  public long termBytes() {
    return termBytes;
  }

  /**
   * The value stored under {@code key}, or null if there is none. Allocates nothing and writes
   * nothing; calls {@code key.hashCode()} once, and {@code key.equals} only on probed keys whose
   * hash equals the key's.
   */
  public Object get(Object key) {
    Object[] table = slots;
    int[] hashTable = hashes;
    int mask = hashTable.length - 1;
    int h = key.hashCode();
    for (int p = home(h, shift); ; p = (p + 1) & mask) {
      Object k = table[2 * p];
      if (k == null) {
        return null;
      }
      if (k == key || (hashTable[p] == h && key.equals(k))) {
        return table[2 * p + 1];
      }
    }
  }

  /**
   * A snapshot that maps {@code key} to {@code value} and holds every other term of this one.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: the new term's estimate, minus the
   *     replaced value's when the key was present
   * @throws TermException if the key is new and the table is at its largest capacity
   */
  public TermSnapshot with(Object key, Object value, long termBytesDelta) {
    int h = key.hashCode();
    int p = indexOf(slots, hashes, shift, key, h);
    if (p >= 0) {
      Object[] copy = slots.clone();
      copy[2 * p + 1] = value;
      return new TermSnapshot(copy, hashes, size, shift, termBytes + termBytesDelta);
    }
    int capacity = hashes.length;
    if (2 * (size + 1) > capacity) {
      if (capacity == MAX_CAPACITY) {
        throw new TermException(
            key,
            "the store is full: "
                + size
                + " terms, at most "
                + MAX_CAPACITY / 2
                + "; nothing was stored");
      }
      TermSnapshot grown = rehash(2 * capacity, size + 1, termBytes + termBytesDelta);
      // grown is not published yet: the writer's release store that publishes it orders this.
      insertAbsent(grown.slots, grown.hashes, grown.shift, key, value, h);
      return grown;
    }
    Object[] copy = slots.clone();
    int[] hashCopy = hashes.clone();
    int free = -p - 1;
    copy[2 * free] = key;
    copy[2 * free + 1] = value;
    hashCopy[free] = h;
    return new TermSnapshot(copy, hashCopy, size + 1, shift, termBytes + termBytesDelta);
  }

  /**
   * A snapshot without {@code key}, or this snapshot if the key is absent.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: minus the removed term's estimate
   */
  public TermSnapshot without(Object key, long termBytesDelta) {
    int p = indexOf(slots, hashes, shift, key, key.hashCode());
    if (p < 0) {
      return this;
    }
    Object[] copy = slots.clone();
    int[] hashCopy = hashes.clone();
    removeAt(copy, hashCopy, shift, p);
    return shrunk(copy, hashCopy, size - 1, termBytes + termBytesDelta);
  }

  /**
   * A snapshot without any of {@code keys}, made with one copy however many keys there are.
   *
   * @param termBytesDelta what to add to {@link #termBytes()}: minus the removed terms' estimates
   */
  public TermSnapshot withoutAll(Collection<?> keys, long termBytesDelta) {
    Object[] copy = null;
    int[] hashCopy = null;
    int remaining = size;
    for (Object key : keys) {
      int p =
          copy == null
              ? indexOf(slots, hashes, shift, key, key.hashCode())
              : indexOf(copy, hashCopy, shift, key, key.hashCode());
      if (p >= 0) {
        if (copy == null) {
          copy = slots.clone();
          hashCopy = hashes.clone();
        }
        removeAt(copy, hashCopy, shift, p);
        remaining--;
      }
    }
    return copy == null ? this : shrunk(copy, hashCopy, remaining, termBytes + termBytesDelta);
  }

  /**
   * This snapshot as an unmodifiable {@link Map}: it never changes, costs nothing to create, and
   * answers {@code get} and {@code containsKey} in constant time.
   */
  public Map<Object, Object> asMap() {
    return new SnapshotMap(this);
  }

  private TermSnapshot shrunk(Object[] table, int[] hashTable, int newSize, long newTermBytes) {
    int capacity = hashTable.length;
    // Shrink only below 1/8 load so that alternating put/erase around a boundary never re-hashes
    // on every write; halving then leaves the load at 1/4 or less.
    if (capacity > MIN_CAPACITY && 8 * newSize < capacity) {
      int smaller = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, 4 * newSize)));
      return new TermSnapshot(table, hashTable, newSize, shift, newTermBytes)
          .rehash(smaller, newSize, newTermBytes);
    }
    return new TermSnapshot(table, hashTable, newSize, shift, newTermBytes);
  }

  private static int shiftFor(int capacity) {
    return Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** The pair index (slot index / 2) where a key with this hash starts probing. */
  private static int home(int hash, int shift) {
    return (hash * GOLDEN) >>> shift;
  }

  /** The pair index of {@code key}, or {@code -(pair index where it would go) - 1}. */
  private static int indexOf(Object[] table, int[] hashTable, int shift, Object key, int h) {
    int mask = hashTable.length - 1;
    int p = home(h, shift);
    for (Object k; (k = table[2 * p]) != null; p = (p + 1) & mask) {
      if (k == key || (hashTable[p] == h && key.equals(k))) {
        return p;
      }
    }
    return -p - 1;
  }

  private static void insertAbsent(
      Object[] table, int[] hashTable, int shift, Object key, Object value, int h) {
    int mask = hashTable.length - 1;
    int p = home(h, shift);
    while (table[2 * p] != null) {
      p = (p + 1) & mask;
    }
    table[2 * p] = key;
    table[2 * p + 1] = value;
    hashTable[p] = h;
  }

  /** This snapshot's terms in a fresh table of {@code capacity} pairs. */
  private TermSnapshot rehash(int capacity, int newSize, long newTermBytes) {
    Object[] table = new Object[2 * capacity];
    int[] hashTable = new int[capacity];
    int newShift = shiftFor(capacity);
    for (int p = 0; p < hashes.length; p++) {
      if (slots[2 * p] != null) {
        insertAbsent(table, hashTable, newShift, slots[2 * p], slots[2 * p + 1], hashes[p]);
      }
    }
    return new TermSnapshot(table, hashTable, newSize, newShift, newTermBytes);
  }

  /**
   * Empties pair {@code hole} of a table that nobody else can see yet, moving back every key of the
   * following cluster whose home does not lie cyclically in (hole, its position].
   */
  private static void removeAt(Object[] table, int[] hashTable, int shift, int hole) {
    int mask = hashTable.length - 1;
    int i = hole;
    for (int j = (i + 1) & mask; table[2 * j] != null; j = (j + 1) & mask) {
      int h = home(hashTable[j], shift);
      boolean reachableWithoutHole = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!reachableWithoutHole) {
        table[2 * i] = table[2 * j];
        table[2 * i + 1] = table[2 * j + 1];
        hashTable[i] = hashTable[j];
        i = j;
      }
    }
    table[2 * i] = null;
    table[2 * i + 1] = null;
    hashTable[i] = 0;
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
