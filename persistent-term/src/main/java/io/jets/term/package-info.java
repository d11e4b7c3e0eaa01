/**
 * The global term store: {@link io.jets.term.PersistentTerm}, Erlang's {@code persistent_term}, and
 * its constant-folding {@link io.jets.term.Term} handles.
 *
 * <h2>Vocabulary</h2>
 *
 * The guarantees are stated with the words {@code io.jets.table} uses for tables (this module does
 * not depend on it), with these meanings here:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>A write ({@code put}, an owned {@code put}, {@code putNew}, {@code erase}, and the erasure
 *       of an exiting owner's terms) takes effect completely or not at all. A call that fails with
 *       an exception has changed nothing: no term, no owner, no handle.
 *   <dt>Isolated
 *   <dd>No thread observes a write half done: the exit of an owner erases all the terms it still
 *       owns in one write, and every read, through {@code get}, {@code all()} or a handle, sees all
 *       of them or none of them.
 *   <dt>Linearizable
 *   <dd>Every operation appears to take effect at one instant between its call and its return, in
 *       one order all threads agree on: the writes, and the reads {@code get}, {@code all()},
 *       {@code info()} and a handle's {@code get()} and {@code getOrDefault}. Once a write returns,
 *       every read in every thread sees it.
 *   <dt>Weakly consistent
 *   <dd>Nothing here is: {@code all()} is not a traversal of a changing store but an exact,
 *       unmodifiable snapshot of one instant, which later writes never change.
 *   <dt>Estimate
 *   <dd>Said of {@code info().memoryBytes()} only, a model of the heap the terms retain; {@code
 *       info().count()} is exact.
 * </dl>
 *
 * <h2>Memory visibility</h2>
 *
 * Actions of a thread before a put happen-before actions of a thread after it reads the value that
 * put stored. Values are handed out by reference, never copied, which is why keys and values must
 * be immutable (see {@link io.jets.term.PersistentTerm}).
 *
 * <h2>Blocking</h2>
 *
 * Reads never block, never take a lock and never write shared memory. Writes, and {@code handle},
 * are serialized by one lock of the store: one waits while another runs (a {@code ReentrantLock}: a
 * waiting virtual thread does not pin its carrier). An owner's terms are erased on the thread that
 * ends the owner, under that lock. No operation waits for an owner or goes through a mailbox.
 *
 * <h2>Failures</h2>
 *
 * Every failure is a {@link io.jets.term.TermException}, a subclass of {@link
 * io.jets.owner.JetsException}, whose message names the key (or says that the key is null) and the
 * argument: {@link io.jets.term.BadTermArgumentException} for bad input (a null key, value or
 * owner, a mutable key or value, an owner that has exited), {@link
 * io.jets.term.MissingTermException} for a read of a key with no term, {@link
 * io.jets.term.TermExistsException} for a {@code putNew} over a different value. What differs from
 * tables: a table names its table in its messages ({@code TableException}), a term names its key.
 * As for tables, an exception thrown by user code the store calls (a key's {@code hashCode} or
 * {@code equals}) reaches the caller as thrown; either way the call has changed nothing.
 *
 * <h2>Observability</h2>
 *
 * The JDK Flight Recorder events {@code io.jets.PersistentTermPut} and {@code
 * io.jets.PersistentTermErase} mark each write that changed the store; an event's duration is the
 * time the write spent invalidating handles (and so deoptimizing the code that folded the old
 * value). They are committed only while a recording enables them.
 */
package io.jets.term;
