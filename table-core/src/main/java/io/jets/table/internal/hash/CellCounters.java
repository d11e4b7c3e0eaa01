package io.jets.table.internal.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The key and object counts of a {@link StripedBuckets}, kept in padded cells indexed by the low
 * {@code cellBits} bits of a key's spread hash, so that writers of different stripes never write
 * the same cache line. {@code cellBits} is the most stripe bits the table may ever have, so every
 * cell stays covered by exactly one stripe whatever the current stripe count: the writer holding
 * that stripe is the only one writing the cell.
 *
 * <p>A cell's key count is the finest record of where keys are: when the stripes change, each new
 * stripe's key count (which drives resizing, see {@link StripedBuckets}) is the sum of its cells'
 * ({@link #addKeysTo}). For a set with a central count, the central count decides resizing alone.
 * Object counts are exact when quiescent and, while only inserts run, never decrease (their sum is
 * read with acquire loads). With a central count, {@link #objects} reads one {@link AtomicLong}
 * instead of summing the cells.
 */
final class CellCounters {

  /**
   * The counts of the keys whose spread hashes share the cell's low bits, padded against false
   * sharing.
   */
  @SuppressWarnings("unused")
  static final class Cell {
    long p01, p02, p03, p04, p05, p06, p07;
    int keys; // guarded by the stripe covering this cell
    long objects; // touched only through lpObjects/laObjects/srObjects
    long q01, q02, q03, q04, q05, q06, q07;

    private static final VarHandle OBJECTS;

    static {
      try {
        OBJECTS = MethodHandles.lookup().findVarHandle(Cell.class, "objects", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /** Plain load: only the writer holding the cell's stripe reads this way. */
    long lpObjects() {
      return objects;
    }

    /** Load-acquire, for racy sums: a sum never runs ahead of the counts it reads. */
    long laObjects() {
      return (long) OBJECTS.getAcquire(this);
    }

    /** Store-release; the caller holds the cell's stripe. */
    void srObjects(long value) {
      OBJECTS.setRelease(this, value);
    }
  }

  private final Cell[] cells;
  private final AtomicLong centralObjects; // null when the counts stay in the cells only
  private final boolean centralKeys; // the central count counts keys too (one object per key)
  private volatile long keysLimit; // the table's load limit, for a central count of keys

  /**
   * @param centralCount keep an exact central object count besides the per-cell ones
   * @param objectsAreKeys every key holds one object (a set), so a central object count is also an
   *     exact key count and decides resizing on its own, as ConcurrentHashMap's count does
   */
  CellCounters(int cellBits, boolean centralCount, boolean objectsAreKeys) {
    this.cells = new Cell[1 << cellBits];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = new Cell();
    }
    this.centralObjects = centralCount ? new AtomicLong() : null;
    this.centralKeys = centralCount && objectsAreKeys;
  }

  /**
   * Adds to the counts of the cell of {@code spread}; the caller holds the stripe covering it.
   * Returns true if this keeps a central count of keys and a key added has brought it to the load
   * limit.
   */
  boolean add(int spread, int keyDelta, long objectDelta) {
    Cell cell = cells[spread & (cells.length - 1)];
    cell.keys += keyDelta;
    if (objectDelta != 0) {
      cell.srObjects(cell.lpObjects() + objectDelta);
      if (centralObjects != null) {
        long total = centralObjects.addAndGet(objectDelta);
        return centralKeys && keyDelta > 0 && total >= keysLimit;
      }
    }
    return false;
  }

  /** Whether a central count of keys decides resizing ({@link #add} reports it). */
  boolean countsKeysCentrally() {
    return centralKeys;
  }

  /**
   * Adds each cell's key count to the stripe covering it among {@code stripes} (the low bits of the
   * cell's index); the caller holds every stripe.
   */
  void addKeysTo(Stripe[] stripes) {
    for (int c = 0; c < cells.length; c++) {
      stripes[c & (stripes.length - 1)].keys += cells[c].keys;
    }
  }

  /** Sets every count to zero; the caller holds every stripe. */
  void clear() {
    for (Cell cell : cells) {
      cell.keys = 0;
      cell.srObjects(0L);
    }
    if (centralObjects != null) {
      centralObjects.set(0);
    }
  }

  /**
   * Sets the central load limit for a bucket array of 2^tableBits buckets: with a central count of
   * keys, the table doubles exactly when its keys reach 0.75 of its buckets, as ConcurrentHashMap
   * does.
   */
  void limitFor(int tableBits) {
    keysLimit = StripedBuckets.loadLimit(tableBits);
  }

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  long objects() {
    if (centralObjects != null) {
      return centralObjects.get();
    }
    long sum = 0;
    for (Cell cell : cells) {
      sum += cell.laObjects();
    }
    return sum;
  }

  int count() {
    return cells.length;
  }
}
