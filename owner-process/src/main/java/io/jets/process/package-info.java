/**
 * Owners: who tables and terms belong to, and what happens when they exit.
 *
 * <p>An {@link io.jets.process.Owner} is alive until it exits, exactly once, with an {@link
 * io.jets.process.ExitReason}. Everything registered with {@link
 * io.jets.process.Owner#onExit(io.jets.process.ExitListener)} before the exit hears of it exactly
 * once, on the exiting thread, before the exit is announced to anyone else. {@link
 * io.jets.process.Owner#current()} is the owner the calling thread acts for: a process while its
 * code runs, whatever {@link io.jets.process.Owner#bind()} bound, or otherwise {@link
 * io.jets.process.Owner#application()}, which never exits.
 */
package io.jets.process;
