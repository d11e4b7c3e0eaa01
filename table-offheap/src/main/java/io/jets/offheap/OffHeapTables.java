package io.jets.offheap;

import io.jets.table.SetTable;
import io.jets.table.Table;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point for off-heap {@code set} tables: objects live in a Chronicle Map outside the Java
 * heap (so tens of millions of them add no work to garbage collection), optionally backed by a file
 * that survives the process.
 *
 * <p>An off-heap table is a {@link SetTable} with the contract of {@link io.jets.table.Table}
 * (vocabulary in {@link io.jets.table}), with these differences, all following from the objects
 * living outside the heap:
 *
 * <ul>
 *   <li><b>Copies.</b> Keys and values go through a {@link Codec}: an insert stores a copy and
 *       every read returns a new copy, as ETS does. Keys are equal when their encodings are equal,
 *       so the key codec must be canonical. {@code deleteObject} and {@code selectReplace} take a
 *       stored value for the given one when it is {@code equals} to it or encodes to the same
 *       bytes, so a copy read back matches even where {@code equals} is identity ({@code byte[]}).
 *   <li><b>Reads take Chronicle's segment read lock</b> (a CAS in off-heap memory) and never wait
 *       for jets writers, except that a read overlapping a multi-object write retries, as on heap.
 *   <li><b>Atomicity</b> is as on heap: single-object operations are atomic and linearizable;
 *       insertAll, insertNewAll and deleteAllObjects are atomic and isolated (a table-level seqlock
 *       that reads validate).
 *   <li><b>Traversal</b> (first/next, folds, toList) is weakly consistent and visits every object
 *       present for the whole traversal exactly once, none twice, for every key type: a key's
 *       position is fixed by its bytes. {@code next} of a deleted key continues from where the key
 *       stood. Folds call the folder outside every lock, with one segment's objects copied to the
 *       heap at a time.
 *   <li><b>Capacity.</b> The table grows past {@code entries} to at least {@code entries *
 *       maxBloatFactor} objects of the configured average sizes (Chronicle's tiers may fit more);
 *       once they are full, an insert fails with {@link OffHeapCapacityException} and changes
 *       nothing. Nothing is ever dropped silently.
 *   <li><b>Delete</b> (or the owner's exit without an heir) frees the off-heap memory; for a
 *       file-backed table it closes the file and releases its lock, and the objects stay in the
 *       file, to be reopened with {@link OffHeapSetTableBuilder#persistedTo(Path)}. An {@code
 *       update} whose function deletes the table returns as on a heap table, its write lost with
 *       the table.
 * </ul>
 *
 * <p>Chronicle Map needs JVM flags on JDK 17 and later (see the README's "Off-heap tables"):
 * without them, {@link OffHeapSetTableBuilder#build()} throws {@link OffHeapUnavailableException}
 * naming every flag the JVM lacks.
 */
public final class OffHeapTables {

  private OffHeapTables() {}

  /**
   * A builder for an off-heap {@code set} table called {@code name}; nothing is created until
   * {@link OffHeapSetTableBuilder#build()}.
   *
   * @param name the table's name
   * @return a new builder
   */
  public static OffHeapSetTableBuilder<Object, Object> set(String name) {
    return new OffHeapSetTableBuilder<>(name);
  }

  /**
   * Whether {@code table} is an off-heap table.
   *
   * @param table any jets table
   * @return true if it was built by {@link OffHeapSetTableBuilder}
   */
  public static boolean isOffHeap(Table<?, ?> table) {
    return table instanceof OffHeapSetTable;
  }

  /**
   * The file behind {@code table}, if it is a file-backed off-heap table.
   *
   * @param table any jets table
   * @return the file, as the file system resolves it, or empty
   */
  public static Optional<Path> file(Table<?, ?> table) {
    return table instanceof OffHeapSetTable<?, ?> offHeap
        ? offHeap.offHeap().file()
        : Optional.empty();
  }
}
