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
 */
package io.jets.owner;
