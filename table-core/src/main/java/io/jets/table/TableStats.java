package io.jets.table;

/**
 * A snapshot of one table's operation counters, recorded only for tables built with {@link
 * TableBuilder#recordStats()}. Each counter is striped and summed when the snapshot is taken, so
 * while operations run the figures are estimates (each is exact once the table is quiet, and none
 * ever decreases).
 *
 * <p>What is counted: a <em>lookup</em> is a read of one key ({@code lookup}, {@code get}, {@code
 * getOrDefault}, {@code member}, {@code lookupElement}), a hit when the key was present; an
 * <em>insert</em> is one object written by {@code insert}, {@code insertNew}, {@code insertAll} or
 * {@code insertNewAll} (a refused {@code insertNew} writes nothing); a <em>delete</em> is one call
 * of {@code delete}, {@code deleteObject} or {@code take} that removed something. Traversals,
 * selects and counters are not counted.
 *
 * @param recording whether the table records stats; when false every counter is zero
 * @param lookupHits key reads that found the key
 * @param lookupMisses key reads that did not
 * @param inserts objects passed to successful inserts
 * @param deletes delete calls that removed something
 */
public record TableStats(
    boolean recording, long lookupHits, long lookupMisses, long inserts, long deletes) {

  /** The snapshot of a table that does not record stats. */
  public static final TableStats NOT_RECORDING = new TableStats(false, 0, 0, 0, 0);

  /**
   * Hits plus misses.
   *
   * @return the number of key reads counted
   */
  public long lookups() {
    return lookupHits + lookupMisses;
  }

  /**
   * Hits divided by lookups, or 0 when nothing was looked up.
   *
   * @return the share of key reads that found the key, from 0 to 1
   */
  public double hitRatio() {
    long lookups = lookups();
    return lookups == 0 ? 0.0 : (double) lookupHits / lookups;
  }
}
