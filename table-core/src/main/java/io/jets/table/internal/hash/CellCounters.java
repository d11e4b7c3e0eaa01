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
 * <p>Key counts drive resizing and may be read racily; object counts are exact when quiescent and,
 * while only inserts run, never decrease (their sum is read with acquire loads). With a central
 * count, {@link #objects} reads one {@link AtomicLong} instead of summing the cells.
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
  private volatile int keysPerCellLimit; // racy read by writers: a stale limit only delays a resize

  CellCounters(int cellBits, boolean centralCount) {
    this.cells = new Cell[1 << cellBits];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = new Cell();
    }
    this.centralObjects = centralCount ? new AtomicLong() : null;
  }

  /**
   * Adds to the counts of the cell of {@code spread}; the caller holds the stripe covering it.
   * Returns true if a key was added and the cell has passed its share of the load limit.
   */
  boolean add(int spread, int keyDelta, long objectDelta) {
    Cell cell = cells[spread & (cells.length - 1)];
    cell.keys += keyDelta;
    if (objectDelta != 0) {
      cell.srObjects(cell.lpObjects() + objectDelta);
      if (centralObjects != null) {
        centralObjects.addAndGet(objectDelta);
      }
    }
    return keyDelta > 0 && cell.keys >= keysPerCellLimit;
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

  /** Sets each cell's load limit for a bucket array of 2^tableBits buckets. */
  void limitFor(int tableBits) {
    // A cell's fair share of the 0.75 load factor, with no slack: the first cell past its share
    // makes its writer sum every cell, so the table doubles exactly when its keys reach 0.75 of
    // its buckets, as ConcurrentHashMap does. (A slack for the random skew between cells saved
    // those sums but left tables at a load of 0.75 where ConcurrentHashMap had doubled.)
    keysPerCellLimit = (int) Math.max(1, ((3L << tableBits) / 4) / cells.length);
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

  /** The number of keys; a racy estimate while writers run. */
  long keys() {
    long sum = 0;
    for (Cell cell : cells) {
      sum += cell.keys; // racy read: an estimate is all the callers need
    }
    return sum;
  }

  int count() {
    return cells.length;
  }
}
