/**
 * ETS-style tables for the JVM: {@code set}, {@code ordered_set}, {@code bag} and {@code
 * duplicate_bag}, created through {@link io.jets.table.Tables}, owned by an {@link
 * io.jets.owner.Owner}, and read by any thread directly.
 *
 * <h2>Vocabulary</h2>
 *
 * The guarantees of every table operation are stated with these words, in every concurrency mode:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>The operation takes effect completely or not at all. A failed operation (an exception)
 *       leaves the table exactly as it was.
 *   <dt>Isolated
 *   <dd>No other thread observes an intermediate state of the operation: a reader sees all of a
 *       multi-object {@code insertAll} or none of it, all objects or none after {@code
 *       deleteAllObjects}.
 *   <dt>Linearizable
 *   <dd>The operation appears to take effect at one instant between its call and its return, and
 *       all threads agree on the order of these instants. Every single-object operation (insert,
 *       insertNew, lookup, get, member, delete, deleteObject, take, updateCounter, update) is
 *       linearizable; so are insertAll, insertNewAll and deleteAllObjects.
 *   <dt>Weakly consistent
 *   <dd>Said of traversals ({@code first}/{@code next}, {@code foldl}, {@code toList}, the select
 *       family and its chunks): each step is atomic, the whole traversal is not. An object present
 *       for the whole traversal is visited exactly once; no object is visited twice; an object
 *       inserted or deleted meanwhile may or may not be visited. No traversal needs the table to be
 *       fixed first.
 *   <dt>Estimate
 *   <dd>Said of {@code size()}, {@code info().memoryBytes()} and the counters of {@code stats()}
 *       while operations run. {@code size()} is exact once writers stop, and never appears to
 *       decrease while only inserts run.
 * </dl>
 *
 * <h2>Memory visibility</h2>
 *
 * Actions of a thread before it inserts an object happen-before actions of a thread after it reads
 * that object (by lookup, get, traversal or take). Values are handed out by reference, not copied:
 * store immutable values, or never mutate a value after inserting it.
 *
 * <h2>Blocking</h2>
 *
 * Reads never take a lock and never write shared memory. A multi-object write ({@code insertAll},
 * {@code insertNewAll}, {@code deleteAllObjects}) runs all user code it needs before it publishes
 * anything and then publishes at one point (one commit flag), so no read observes half of it; in
 * every table type and mode, reads never wait for it and never retry. Writes take a writer lock:
 * one per table with {@link io.jets.table.WriteConcurrency#OFF}, one of 64 stripes chosen by key
 * hash with {@link io.jets.table.WriteConcurrency#ON}, one of between 1 and 256 stripes, adapted to
 * the contention measured, with {@link io.jets.table.WriteConcurrency#AUTO} (for ordered tables in
 * ON and AUTO, the lock of the base node that holds the key, in a tree whose bases split and join
 * with contention). No operation waits for the owner or goes through a mailbox.
 *
 * <h2>Observability</h2>
 *
 * {@link io.jets.table.Tables#i()} lists every live table in {@code ets:i()} style; {@link
 * io.jets.table.Table#stats()} reports lookup hits and misses, inserts and deletes of tables built
 * with {@link io.jets.table.TableBuilder#recordStats()} (off by default: a table without it pays
 * one predictable branch per counted operation). The JDK Flight Recorder events {@code
 * io.jets.TableCreated}, {@code io.jets.TableTransferred} and {@code io.jets.TableDeleted} are
 * committed only while a recording enables them.
 *
 * <h2>Failures</h2>
 *
 * Every failure is a {@link io.jets.table.TableException} (a {@link io.jets.owner.JetsException},
 * the root that persistent terms, processes and the integration modules also report through) whose
 * message names the table and the argument: {@link io.jets.table.TableDeletedException}, {@link
 * io.jets.table.AccessDeniedException}, {@link io.jets.table.MissingKeyException}, {@link
 * io.jets.table.BadArgumentException}, {@link io.jets.table.WrongTableTypeException}. One exception
 * to that: when user code that an operation calls throws (a key's {@code equals} or {@code
 * hashCode}, a function passed to {@code update}), its exception reaches the caller as thrown, as
 * in {@code java.util.concurrent}; and a write to the table from inside its own {@code update} (or
 * map-view {@code compute}) function that the table refuses is an {@link IllegalStateException}
 * naming the table. A key that an ordered table's comparator cannot order is a bad argument: {@code
 * BadArgumentException}, with the comparator's exception as its cause. Either way, the operation
 * has changed nothing.
 */
package io.jets.table;
