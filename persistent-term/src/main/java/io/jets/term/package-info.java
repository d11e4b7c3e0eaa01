/**
 * The global term store: {@link io.jets.term.PersistentTerm} and its {@link io.jets.term.Term}
 * handles.
 *
 * <p>Words used here as in {@code io.jets.table}: <em>atomic</em> (all or nothing; a failed write
 * changes nothing), <em>linearizable</em> (takes effect at one instant between call and return, in
 * one order all threads agree on), <em>estimate</em> (said of {@code info().memoryBytes()}). Every
 * write is atomic and linearizable; every read is lock-free and returns the stored reference, not a
 * copy, so keys and values must be immutable. Actions before a put happen-before a read that
 * returns the value it stored.
 *
 * <p>The JDK Flight Recorder events {@code io.jets.PersistentTermPut} and {@code
 * io.jets.PersistentTermErase} mark each write that changed the store; an event's duration is the
 * time the write spent invalidating handles (and so deoptimizing the code that folded the old
 * value). They are committed only while a recording enables them.
 */
package io.jets.term;
