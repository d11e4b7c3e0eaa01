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
 * <h2>Vocabulary</h2>
 *
 * The words are those that table-core defines for tables (in its package {@code io.jets.table}),
 * applied to processes:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>The operation takes effect completely or not at all. A send, cast or call puts its message
 *       in the mailbox whole or not at all. A process exits exactly once, and settles each of its
 *       relations exactly once, however they race with the exit: a link, monitor or timer made
 *       before the exit reaches it is signalled or cancelled by it, and one attempted after is
 *       answered at once (an exit signal with the exit's reason, a {@link io.jets.process.Down}, a
 *       timer that has already ended).
 *   <dt>Isolated
 *   <dd>No other thread observes an intermediate state of the operation. An exit is <em>not</em>
 *       isolated: another thread may see the process not alive while its tables are still being
 *       handed over and its links and monitors are still being signalled. {@link
 *       io.jets.process.Proc#awaitExit(java.time.Duration)} waits until all of that is done.
 *   <dt>Linearizable
 *   <dd>The operation appears to take effect at one instant between its call and its return, and
 *       all threads agree on the order of these instants. {@link
 *       io.jets.process.Registry#register}, {@link io.jets.process.Registry#unregister} and {@link
 *       io.jets.process.Registry#whereis} are linearizable: of processes registering one name at
 *       once, exactly one succeeds. So is the settling of a {@link io.jets.process.Proc#call}
 *       (exactly one of a reply, the server's exit and the caller giving up settles it), of a
 *       one-shot {@link io.jets.process.TimerRef} (exactly one of its firing and its cancellation)
 *       and of a {@link io.jets.process.MonitorRef} (exactly one of its firing and {@code
 *       demonitor()}).
 *   <dt>Weakly consistent
 *   <dd>Said of the listings: {@link io.jets.process.Procs#list()}, {@link
 *       io.jets.process.Registry#registered()} and {@link io.jets.process.Supervisor#children()}. A
 *       process or name present for the whole listing is in it; one that starts, registers, exits
 *       or is released meanwhile may or may not be.
 *   <dt>Estimate
 *   <dd>Said of the figures of a running process: {@link io.jets.process.Proc#mailboxLength()},
 *       {@link io.jets.process.Proc#processedCount()}, {@link io.jets.process.Proc#status()}, the
 *       fields of {@link io.jets.process.ProcInfo} and the ranking of {@link
 *       io.jets.process.Procs#top}. Each is read on its own, without stopping the process.
 * </dl>
 *
 * <h2>What a send guarantees</h2>
 *
 * A {@link io.jets.process.Proc#send} or {@link io.jets.process.Proc#cast} that returns true has
 * put its message in the mailbox; it says nothing about whether the process will handle it.
 * Messages one thread puts in one mailbox are taken in the order put, whether they are sends,
 * casts, calls or deliveries of the runtime (exit signals, {@link io.jets.process.Down}s, table
 * transfers); there is no order between threads. Messages still in a mailbox when its process exits
 * are dropped, as are messages sent to an exited process. A send returns false, and drops its
 * message, if the process has exited, if a full {@link io.jets.process.OverflowPolicy#REJECT}
 * mailbox refuses it, or if the sender is interrupted while it waits for room. A {@link
 * io.jets.process.Proc#call} returns the answer or throws; after a {@link
 * io.jets.process.CallTimeoutException} or a {@link io.jets.process.CallInterruptedException}, the
 * server may still handle the request, and its answer is then dropped.
 *
 * <h2>Memory visibility</h2>
 *
 * Actions of a thread before it puts a message in a mailbox happen-before the actions of the
 * process after it takes that message. Actions of a server before it answers a call happen-before
 * the caller's return from {@link io.jets.process.Proc#call}. A {@link io.jets.process.GenServer}'s
 * state is confined to the server's thread and needs no locking.
 *
 * <h2>Blocking</h2>
 *
 * <ul>
 *   <li>{@link io.jets.process.Proc#receive(java.time.Duration)} waits up to its timeout, {@link
 *       io.jets.process.Proc#receive()} until a message comes; only the process itself calls them.
 *   <li>{@link io.jets.process.Proc#call} waits up to its timeout, including any wait for room in a
 *       full {@link io.jets.process.OverflowPolicy#BLOCK} mailbox; so do the {@code call} helpers
 *       of {@link io.jets.process.Registry} and {@link io.jets.process.PartitionedOwner}, and
 *       {@link io.jets.process.Supervisor#whichChildren}, {@link io.jets.process.Supervisor#stop}
 *       and {@link io.jets.process.Proc#awaitExit}.
 *   <li>{@link io.jets.process.Proc#send} and {@link io.jets.process.Proc#cast}, and the {@code
 *       send} and {@code cast} helpers of {@link io.jets.process.Registry} and {@link
 *       io.jets.process.PartitionedOwner}, wait only on a full {@link
 *       io.jets.process.OverflowPolicy#BLOCK} mailbox, with no timeout, until there is room, the
 *       process exits or the sender is interrupted. A process sending to itself never waits.
 *   <li>Starting a {@link io.jets.process.GenServer} ({@link io.jets.process.Procs#start}, {@link
 *       io.jets.process.ProcBuilder#start}, {@link io.jets.process.SupervisorBuilder#start}, {@link
 *       io.jets.process.PartitionedOwner#start}) waits, with no timeout and without being
 *       interrupted, until {@code init} has returned or the process has exited (a starter that is
 *       itself a process ended by an exit signal meanwhile stops waiting with {@link
 *       io.jets.process.ExitException}).
 *   <li>Everything else never waits for another thread, beyond short internal locks: spawning,
 *       links, monitors, exit signals, timers, registering and looking up names, {@link
 *       io.jets.owner.Owner#deliver}, replies through {@link io.jets.process.ReplyTo}, and
 *       introspection. An exit signal that ends a process runs that process's exit (its exit
 *       listeners, then its links and monitors) on the signalling thread, so {@link
 *       io.jets.process.Proc#exit} and {@link io.jets.process.Proc#link} take as long as that exit.
 *   <li>The runtime blocks only with {@code java.util.concurrent} locks and {@code LockSupport},
 *       never {@code synchronized}, so a process waiting in it never pins its carrier thread.
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * Every exception the runtime throws is a {@link io.jets.process.ProcessException}, a subclass of
 * {@link io.jets.owner.JetsException}, and unchecked: {@link
 * io.jets.process.BadProcessArgumentException} for bad input, {@link
 * io.jets.process.NoProcessException} (the process has exited, or no process holds the name),
 * {@link io.jets.process.NameInUseException}, {@link io.jets.process.MailboxOverloadedException},
 * {@link io.jets.process.CallTimeoutException}, {@link io.jets.process.CallInterruptedException},
 * {@link io.jets.process.CallFailedException} (the server exited before answering) and {@link
 * io.jets.process.ProcStartException}. Each message names the process concerned (or the registered
 * name, supervisor, child spec or partitioned owner) and what was attempted. {@link
 * io.jets.process.ExitException} is not one of the family: it is not a failure but the way a
 * process exits with a chosen reason, so a handler of {@code ProcessException} or {@code
 * JetsException} never swallows it; code that catches {@code RuntimeException} in a process must
 * let it propagate.
 *
 * <p>The rule for bad input: an argument that no thread could pass (null where a value is required,
 * a number or duration out of range, a null or empty process or supervisor name, a duplicate child
 * id, a partition index out of range, a process that already holds a name given to {@link
 * io.jets.process.Registry#register}) is a {@link io.jets.process.BadProcessArgumentException},
 * whose {@code argument()} is the parameter's name. Nulls and ranges are checked first, before the
 * state of any process is looked at (so a null message to an exited process, or to a name nobody
 * holds, is reported, not dropped), and all of it before anything is sent, started, registered,
 * linked, monitored or scheduled, or a builder's setting is changed: a call that throws it has
 * changed nothing. An exited process or a free name is no bad input but the state the more precise
 * exceptions above report ({@code NoProcessException}, {@code NameInUseException}). A call whose
 * arguments are fine but whose <em>calling thread</em> may not make it throws {@link
 * IllegalStateException}, and changes nothing either: {@link io.jets.process.Proc#receive} and
 * {@link io.jets.process.Proc#trapExit} from a thread other than the process's own, {@link
 * io.jets.process.Procs#self()}, {@code spawnLink}, {@code startLink} and {@code linkToCaller()} on
 * a thread that runs no process, and a process that {@link io.jets.process.Proc#call}s itself
 * (OTP's {@code calling_self}); the same call from another thread would be right. A call with both
 * a bad argument and the wrong thread reports the bad argument.
 *
 * <p>An exception thrown by code the runtime runs (a process's body, a server's callbacks, a
 * child's start) never reaches a caller directly: it ends that process. A caller waiting in {@link
 * io.jets.process.Proc#call} then gets a {@link io.jets.process.CallFailedException}, a starter a
 * {@link io.jets.process.ProcStartException}, whose cause is the exception the process died of. A
 * callback that returns what it may not (a {@link io.jets.process.Next.Reply} from {@code
 * handleCast}, null, anything but {@code noReply} or {@code stop} from {@code init}), and the
 * default {@code handleCall}, {@code handleCast} and {@code handleContinue}, end the server the
 * same way, with an {@link IllegalStateException} as its crash: the server's own error, never
 * thrown to a caller.
 *
 * <h2>Introspection</h2>
 *
 * {@link io.jets.process.Procs#top} ranks live processes by mailbox length or messages processed
 * (recon's {@code proc_count}). The JDK Flight Recorder events {@code io.jets.MailboxOverload} (a
 * full REJECT mailbox refused a send, cast or call) and {@code io.jets.SupervisorRestart} are
 * committed only while a recording enables them.
 */
package io.jets.process;
