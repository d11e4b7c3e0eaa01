/**
 * Off-heap and file-backed {@code set} tables on Chronicle Map ({@link
 * io.jets.offheap.OffHeapTables}), and ETS's {@code tab2file}, {@code file2tab} and {@code
 * tabfile_info} for every jets table, heap or off-heap ({@link io.jets.offheap.TableFiles}).
 *
 * <h2>Vocabulary</h2>
 *
 * The words atomic, isolated, linearizable, weakly consistent and estimate mean what {@link
 * io.jets.table} says, and an off-heap table keeps every guarantee stated there with them:
 * single-object operations are atomic and linearizable; {@code insertAll}, {@code insertNewAll} and
 * {@code deleteAllObjects} are atomic and isolated; {@code size()} and {@code info().memoryBytes()}
 * are estimates (the latter counts the off-heap bytes in use). What differs:
 *
 * <ul>
 *   <li><b>Memory visibility: copies.</b> Keys and values go through a {@link
 *       io.jets.offheap.Codec}: an insert stores an encoded copy and every read returns a new
 *       decoded copy, so mutating an object after inserting it, or a value a read returned, never
 *       changes the table. Actions before an insert still happen-before a read that returns its
 *       copy. Keys are equal when their encodings are: a key codec must be canonical.
 *   <li><b>Weakly consistent, and more.</b> A traversal ({@code first}/{@code next}, folds, {@code
 *       toList}, the select family, {@code tab2file}) visits every object present for the whole
 *       traversal exactly once and none twice for every key type, because a key's position (its
 *       Chronicle segment, then its bytes) never moves; {@code next} of a deleted key continues
 *       from where the key stood. Folds call user code outside every lock, with one segment's
 *       objects copied to the heap at a time.
 *   <li><b>Not isolated: {@code tab2file}.</b> As in ETS, a dump is a traversal, not a snapshot.
 * </ul>
 *
 * <h2>Blocking</h2>
 *
 * Unlike a heap table's, reads write shared memory and may wait: a read takes Chronicle's read lock
 * of the key's segment (a CAS in off-heap memory), so it waits while a write holds that segment,
 * for the length of one store; and a single-key read (or a traversal's read of one segment) that
 * overlaps a multi-object write retries until it ends, as on an ordered heap table. Reads never
 * wait for jets' writer locks. Writes take a jets writer lock, one per table with {@code
 * WriteConcurrency.OFF} or one of 64 stripes chosen by the key's segment with {@code ON} and {@code
 * AUTO}, then Chronicle's segment lock. {@code delete()} (and the owner's exit with no heir) takes
 * every writer lock and waits until every read in progress has left the map before it frees the
 * memory. A file-backed table's operations read and write a memory-mapped file, so they may wait
 * for the disk; opening one never waits for its lock: a file open elsewhere fails at once ({@link
 * io.jets.offheap.TableFileLockedException}). {@code tab2file}, {@code file2tab} and {@code
 * tabfileInfo} block on file I/O, never on a table's writers. No operation waits for the owner or
 * goes through a mailbox.
 *
 * <h2>Failures</h2>
 *
 * As in {@link io.jets.table}, every failure is a {@link io.jets.table.TableException} that names
 * the table, and a failed operation changes nothing; this package adds {@link
 * io.jets.offheap.OffHeapCapacityException} (the table is full), {@link
 * io.jets.offheap.TableFileLockedException}, {@link io.jets.offheap.TabFileException} and {@link
 * io.jets.offheap.OffHeapUnavailableException} (Chronicle Map cannot run on this JVM). A key or
 * value its codec cannot encode is a {@link io.jets.table.BadArgumentException}.
 *
 * <h2>JVM flags</h2>
 *
 * Chronicle Map needs {@code --add-opens} and {@code --add-exports} flags on JDK 17 and later, and
 * {@code -Dchronicle.analytics.disable=true} to send no usage analytics; the README's "JVM flags
 * for {@code table-offheap}" lists them. Building an off-heap table (also through {@code file2tab}
 * of an off-heap table's file) checks them all before Chronicle is touched: on a JVM that lacks any
 * it throws {@link io.jets.offheap.OffHeapUnavailableException}, naming every missing flag as it
 * goes on the command line, and creates nothing. Heap tables, and {@code tab2file} of a heap table,
 * need none.
 */
package io.jets.offheap;
