/**
 * Pekko typed actors as jets owners: {@link io.jets.pekko.JetsBehaviors#owning} makes an actor own
 * the tables and persistent terms it creates, with ETS's owner lifecycle, and {@link
 * io.jets.pekko.JetsActors#ownerOf} names an actor as the heir or receiver of a table.
 *
 * <h2>Vocabulary</h2>
 *
 * Tables and terms owned by an actor are ordinary jets tables and terms: every guarantee of {@link
 * io.jets.table} (atomic, isolated, linearizable, weakly consistent, estimate) and of {@code
 * io.jets.term} holds for them unchanged, and reads from any thread go straight to them, never
 * through the actor. What this package adds is when an owner exits, and what that means:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>Each table's hand-over to its heir, or its deletion, when the actor's owner exits is
 *       atomic, as in {@code io.jets.table}; the exit of the owner as a whole is not one step: its
 *       tables are handed over or deleted one after another, and its owned terms are erased in one
 *       write.
 *   <dt>Ordering
 *   <dd>One owner per incarnation. Its exit (with {@code shutdown} on a stop, {@code crash(cause)}
 *       after a failure that stops or restarts the actor) runs on the actor's thread after the
 *       behavior's own {@code PostStop} or {@code PreRestart} handler and before Pekko tells anyone
 *       watching the actor that it stopped: a watcher finds the tables already with their heirs or
 *       deleted, and the terms already erased.
 *   <dt>Linearizable
 *   <dd>{@link io.jets.pekko.JetsActors#ownerOf} returns an owner that was alive at one instant
 *       during the call; the actor may stop right after, and a {@code giveAway} to an owner that
 *       has exited is then refused by the table ({@code BadArgumentException}).
 * </dl>
 *
 * <h2>Blocking</h2>
 *
 * {@link io.jets.pekko.ActorOwner#deliver} never blocks: a transfer reaches the actor by a {@code
 * tell} (a full bounded mailbox turns it into a dead letter; the table is the actor's all the
 * same). {@link io.jets.pekko.JetsActors#ownerOf} blocks only while the actor has been spawned but
 * not started, for at most its timeout ({@link io.jets.pekko.JetsActors#START_TIMEOUT} by default).
 * An owner's exit runs on the actor's own thread, and takes as long as its tables' hand-overs and
 * deletions.
 *
 * <h2>Failures</h2>
 *
 * This package's own failures are {@link io.jets.pekko.ActorOwnerException}s, members of the {@link
 * io.jets.owner.JetsException} family as table and term errors are: a null argument (or a negative
 * timeout), and naming an actor that is not a jets owner, has stopped or did not start in time.
 * Each names the argument or the actor and changes nothing. Operations on the actor's tables and
 * terms fail as those packages say.
 */
package io.jets.pekko;
