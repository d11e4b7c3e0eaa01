package io.jets.table.internal.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * The key and object counts of a {@link StripedBuckets}, kept in padded cells indexed by the low
 * {@code cellBits} bits of a key's spread hash, so that writers of different stripes never write
 * the same cache line. {@code cellBits} is the most stripe bits the table may ever have, so every
 * cell stays covered by exactly one stripe whatever the current stripe count: the writer holding
 * that stripe is the only one writing the cell.
 *
 * <p>A cell's key count is the finest record of where keys are: when the stripes change, each new
 * stripe's key count (which drives resizing, see {@link StripedBuckets}) is the sum of its cells'
 * ({@link #addKeysTo}). Object counts are exact when quiescent and, while only inserts run, never
 * decrease (their sum is read with acquire loads). With a central count, {@link #objects} sums a
 * {@link LongAdder} (one base word, which splits into a few cells only when writers contend on it,
 * as ConcurrentHashMap's count does) instead of every padded cell.
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
  private final LongAdder centralObjects; // null when the counts stay in the cells only

  /**
   * @param centralCount keep a central object count besides the per-cell ones, so that counting the
   *     objects does not sum every cell
   */
  CellCounters(int cellBits, boolean centralCount) {
    this.cells = new Cell[1 << cellBits];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = new Cell();
    }
    this.centralObjects = centralCount ? new LongAdder() : null;
  }

  /** Adds to the counts of the cell of {@code spread}; the caller holds the stripe covering it. */
  void add(int spread, int keyDelta, long objectDelta) {
    Cell cell = cells[spread & (cells.length - 1)];
    cell.keys += keyDelta;
    if (objectDelta != 0) {
      cell.srObjects(cell.lpObjects() + objectDelta);
      if (centralObjects != null) {
        centralObjects.add(objectDelta);
      }
    }
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
      centralObjects.reset();
    }
  }

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  long objects() {
    if (centralObjects != null) {
      return centralObjects.sum();
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
