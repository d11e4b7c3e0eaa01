/**
 * Owners: who tables and terms belong to, and what happens when they exit.
 *
 * <p>An {@link io.jets.owner.Owner} is alive until it exits, exactly once, with an {@link
 * io.jets.owner.ExitReason}. Everything registered with {@link
 * io.jets.owner.Owner#onExit(io.jets.owner.ExitListener)} before the exit hears of it exactly once,
 * on the exiting thread, before the exit is announced to anyone else. {@link
 * io.jets.owner.Owner#current()} is the owner the calling thread acts for: a process while its code
 * runs, whatever {@link io.jets.owner.Owner#bind()} bound, or otherwise {@link
 * io.jets.owner.Owner#application()}, which never exits.
 *
 * <p>{@link io.jets.owner.AbstractOwner} implements the exit bookkeeping for any implementation;
 * {@link io.jets.owner.OwnerScope} is the owner for code without actors. This package depends on
 * nothing outside {@code java.base}.
 *
 * <h2>Vocabulary</h2>
 *
 * The words are those that table-core defines for tables (in its package {@code io.jets.table}),
 * applied to owners:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>The operation takes effect completely or not at all. An exit is atomic: in one step the
 *       owner stops being alive, records its reason and takes the listeners registered so far; a
 *       registration either is among them or fails.
 *   <dt>Isolated
 *   <dd>No other thread observes an intermediate state of the operation. An exit is <em>not</em>
 *       isolated: its listeners run after it has taken effect, so another thread may see {@link
 *       io.jets.owner.Owner#isAlive()} false while they still run (a table of the owner not yet
 *       handed to its heir, for example).
 *   <dt>Linearizable
 *   <dd>The operation appears to take effect at one instant between its call and its return, and
 *       all threads agree on the order of these instants. In {@link io.jets.owner.AbstractOwner},
 *       and so in every owner built on it, the exit, {@code isAlive()}, {@code onExit} and the
 *       cancellation of a registration are linearizable: a listener whose registration came first
 *       is called, one whose registration came after the exit is refused, and one cancelled before
 *       the exit is not called. Bindings are not shared: {@link io.jets.owner.Owner#bind()} and
 *       {@link io.jets.owner.Owner#current()} concern the calling thread only.
 * </dl>
 *
 * <h2>Memory visibility</h2>
 *
 * In {@link io.jets.owner.AbstractOwner}, actions of a thread before it registers a listener
 * happen-before that listener runs. In {@link io.jets.owner.OwnerScope}, actions of a thread before
 * it delivers a message happen-before the actions of the thread that reads it.
 *
 * <h2>Blocking</h2>
 *
 * {@link io.jets.owner.Owner#deliver(Object)} never blocks, on any owner. The exit runs the
 * listeners on the exiting thread, so it takes as long as they do; registering and cancelling
 * listeners take a short lock that is never held while user code runs, so they never wait for a
 * listener. {@link io.jets.owner.OwnerScope#receive(java.time.Duration)} waits up to its timeout
 * for a message; nothing else in this package waits.
 *
 * <h2>Failures</h2>
 *
 * {@link io.jets.owner.JetsException} is the root of the failures that table-core, persistent-term
 * and the modules built on them report. The owner SPI itself throws only {@code
 * NullPointerException} for a missing argument, {@code IllegalStateException} for a binding closed
 * on another thread than the one that made it, and {@code InterruptedException} from {@link
 * io.jets.owner.OwnerScope#receive(java.time.Duration)}. An exception thrown by an exit listener
 * does not reach whoever made the owner exit: it goes to {@link
 * io.jets.owner.AbstractOwner#onListenerFailure(RuntimeException)} once every listener has run.
 */
package io.jets.owner;
