/**
 * The process runtime: processes that own tables and terms, as implementations of the owner SPI
 * ({@link io.jets.owner.Owner}, in module {@code io.jets.owner}).
 *
 * <p>A {@link io.jets.process.Proc} is code on its own virtual thread with a many-producer,
 * single-consumer mailbox; messages from one sender arrive in the order sent. While its code runs
 * it is {@link io.jets.owner.Owner#current()}, so tables it creates belong to it. A {@link
 * io.jets.process.GenServer} is the callback behaviour run by a process; {@link
 * io.jets.process.Supervisor} restarts processes one for one; {@link
 * io.jets.process.PartitionedOwner} shards work over N processes by key; {@link
 * io.jets.process.Registry} names processes; {@link io.jets.process.Procs} starts and lists them.
 * When a process exits, its exit listeners (table hand-over) run before its links and monitors are
 * signalled, so an heir receives a table's transfer before any exit or down message about the old
 * owner.
 *
 * <p>Introspection: {@link io.jets.process.Procs#top} ranks live processes by mailbox length or
 * messages processed (recon's {@code proc_count}); the figures are estimates while processes run.
 * The JDK Flight Recorder events {@code io.jets.MailboxOverload} (a full REJECT mailbox refused a
 * send, cast or call) and {@code io.jets.SupervisorRestart} are committed only while a recording
 * enables them.
 */
package io.jets.process;
