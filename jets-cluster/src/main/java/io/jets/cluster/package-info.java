/**
 * jets across the JVMs of a Hazelcast cluster: {@link io.jets.cluster.ClusterTerms}, persistent
 * terms put once in the cluster and read on every member at local cost; {@link
 * io.jets.cluster.ReplicatedTables}, tables that one owner writes and every member reads as a local
 * jets table; {@link io.jets.cluster.SplitBrain}, what happens on a network partition; and {@link
 * io.jets.cluster.LocalCluster}, members on 127.0.0.1 for tests, examples and benchmarks.
 *
 * <h2>Vocabulary</h2>
 *
 * The words are those of {@link io.jets.table} (atomic, isolated, linearizable, weakly consistent,
 * estimate). Within one member they keep their meaning: a replicated table's local copy is a jets
 * table, read directly, with every guarantee {@link io.jets.table} states. Across members they
 * apply as follows.
 *
 * <dl>
 *   <dt>Durable
 *   <dd>Said of a write that has returned: the cluster holds it on the partition owner and its
 *       synchronous backup (Hazelcast's default backup count, 1), so it survives the crash of any
 *       one member, the writer's included.
 *   <dt>Atomic
 *   <dd>A replicated table's write ({@link io.jets.cluster.ReplicatedTable#insert insert}, {@link
 *       io.jets.cluster.ReplicatedTable#insertAll insertAll}, {@link
 *       io.jets.cluster.ReplicatedTable#delete delete}, {@link
 *       io.jets.cluster.ReplicatedTable#deleteObject deleteObject}, {@link
 *       io.jets.cluster.ReplicatedTable#deleteAllObjects deleteAllObjects}) is one entry in the
 *       table's log: every copy applies all of it or none of it yet. A write refused before it is
 *       logged (an unencodable key or value, a deleted, given-up or deposed table, a minority
 *       side's {@code SplitBrainProtectionException}) changes nothing. A write whose wait for this
 *       member's own copy fails (the copy was stopped) is already logged and reaches every copy. A
 *       {@link io.jets.cluster.ClusterTerms} write is atomic per key.
 *   <dt>Isolated
 *   <dd>On every copy, a multi-object write ({@code insertAll}, {@code deleteAllObjects}) is
 *       applied with one jets operation of the same name: no reader of that copy sees part of it.
 *       The exception is a copy that joins again (it fell behind the log's capacity, or held a
 *       write the log lost when a member crashed): until it has caught up, its readers may see a
 *       mix of its old and its reloaded content.
 *   <dt>Linearizable
 *   <dd>Not across members. Writes of one replicated table are totally ordered (one owner at a
 *       time, its writes through one handle serialized, each new owner continuing the sequence) and
 *       every copy applies them in that order, so a read of a copy sees a prefix of that order: the
 *       writes acknowledged a moment ago or earlier, never a later write without an earlier one.
 *       Here too the exception is a copy that joins again (above): it may also have shown a write
 *       that the log then lost with a crashed member. The owner's {@link
 *       io.jets.cluster.ReplicatedTable#local() local()} copy shows each write once it returns;
 *       another member's copy does after {@link io.jets.cluster.ReplicatedTables.Copy#awaitApplied
 *       awaitApplied} with the owner's {@link io.jets.cluster.ReplicatedTable#sequence() sequence}.
 *       {@link io.jets.cluster.ClusterTerms} orders the writes of each key (a version per key) and
 *       every member applies them in that order; writes of different keys may be applied in
 *       different orders on different members.
 *   <dt>Weakly consistent
 *   <dd>Traversals of a local copy, as in {@link io.jets.table}; writes arriving from the owner are
 *       writes like any other to that traversal.
 * </dl>
 *
 * <h2>Blocking</h2>
 *
 * Reads never touch the network: a copy's table and {@code PersistentTerm.get} read this JVM's
 * memory, as in {@link io.jets.table} and {@code io.jets.term}. Everything else is a call to the
 * cluster and blocks its thread on the network: {@link io.jets.cluster.ClusterTerms#bind
 * ClusterTerms.bind} (until every term the cluster holds is applied here), {@code put}, {@code
 * putNew} and {@code erase}; {@link io.jets.cluster.ReplicatedTables#own own}, {@link
 * io.jets.cluster.ReplicatedTables#heir heir} and {@link io.jets.cluster.ReplicatedTables#replica
 * replica} (until the new copy has caught up with the cluster, at most 60 seconds); every write of
 * a {@link io.jets.cluster.ReplicatedTable} (until the log holds it and this member's copy has
 * applied it; writes through one handle wait for each other); {@link
 * io.jets.cluster.ReplicatedTables.Copy#awaitApplied awaitApplied} (at most its timeout); and
 * {@code close} (a {@link io.jets.cluster.ReplicatedTable}'s gives the table up or deletes it
 * cluster-wide; every {@code close} of a table handle or copy waits for its copy's applier thread
 * to stop). {@link io.jets.cluster.Heir#takeover()} does not block: it returns a future.
 *
 * <h2>Failures</h2>
 *
 * jets-cluster reports its failures in jets' one exception family, {@link
 * io.jets.owner.JetsException}, as a local table or {@code PersistentTerm} would, and the rule is
 * what each call concerns:
 *
 * <ul>
 *   <li><b>A replicated table</b> ({@link io.jets.cluster.ReplicatedTables}, {@link
 *       io.jets.cluster.ReplicatedTable}, {@link io.jets.cluster.ReplicatedTables.Copy Copy},
 *       {@link io.jets.cluster.Heir}): a {@link io.jets.table.TableException} whose message names
 *       the table, the operation and the argument. Bad input is a {@link
 *       io.jets.table.BadArgumentException}: a null argument, an empty name, a {@code
 *       filterPattern} that is malformed or names no class, a key or value that is not serializable
 *       or that the filter refuses (on a new copy: a key or value the table holds), a {@code type}
 *       other than the table's, a name no table has ({@code heir}, {@code replica}), and, as a
 *       local name already in use, a name a live owner holds ({@link
 *       io.jets.cluster.TableOwnedException}, which says who). A set's read on a bag, or the
 *       reverse ({@code local}, {@code table}, ...), is a {@link
 *       io.jets.table.WrongTableTypeException}. A write through a handle whose table was deleted is
 *       a {@link io.jets.table.TableDeletedException}; through a handle that passed the table to an
 *       heir or was deposed during a network partition, an {@link
 *       io.jets.table.AccessDeniedException}; while the member merges after a partition, a {@link
 *       io.jets.cluster.TableMergingException}. A wait that ends without its result is a plain
 *       {@code TableException} with the cause: a copy that did not catch up within 60 seconds or
 *       stopped, or a thread interrupted while it waited (its interrupt status stays set).
 *   <li><b>A cluster term</b> ({@link io.jets.cluster.ClusterTerms} {@code put}, {@code putNew},
 *       {@code erase}, {@code applied}, {@code version}): a {@link io.jets.term.TermException}
 *       whose message names the key (or says it is null), the operation and the argument: {@link
 *       io.jets.term.BadTermArgumentException} for a key or value that is null, mutable, not
 *       serializable or refused by the filter, {@link io.jets.term.TermExistsException} for a
 *       {@code putNew} over a different value.
 *   <li><b>No table and no term</b>: the calls that configure and start members and bindings,
 *       {@link io.jets.cluster.ClusterTerms#bind ClusterTerms.bind}, {@link
 *       io.jets.cluster.SplitBrain} and {@link io.jets.cluster.LocalCluster}, have no table or key
 *       for a jets message to name, and report bad input with the JDK's exceptions: {@code
 *       NullPointerException} for a null argument, {@code IllegalArgumentException} for a number
 *       out of range or a malformed filter pattern ({@code LocalCluster} also {@code
 *       IllegalStateException} for a 17th member and {@code IndexOutOfBoundsException} for a member
 *       it never started).
 * </ul>
 *
 * Bad input and a refused write change nothing: nothing is logged or sent, no table is claimed or
 * built, no heir is registered, the name stays as it was. The cluster's own failures are
 * Hazelcast's exceptions, as thrown: {@code SplitBrainProtectionException} for a write on the
 * minority side of a partition (it changes nothing), {@code HazelcastInstanceNotActiveException}
 * once the member is shut down, and so on. An exception thrown by user code (a key's {@code
 * equals}, {@code hashCode} or {@code writeObject}) reaches the caller as thrown. A copy's local
 * table reports {@link io.jets.table.TableException}s as every jets table does: once its owner has
 * exited with no heir, it throws {@link io.jets.table.TableDeletedException}.
 */
package io.jets.cluster;
