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
 *       logged (an unencodable key or value, a deleted or deposed table, a minority side's {@code
 *       SplitBrainProtectionException}) changes nothing. A write whose wait for this member's own
 *       copy fails (the copy was stopped) is already logged and reaches every copy. A {@link
 *       io.jets.cluster.ClusterTerms} write is atomic per key.
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
 * Misuse is reported with the JDK's exceptions: {@code NullPointerException} for a null argument,
 * {@code IllegalArgumentException} for a key or value that is not serializable or that the
 * serialization filter refuses (or, for a cluster term, that is mutable), or a table of another
 * type, {@code IllegalStateException} for a table owned by a live member, a deleted or deposed
 * table, or a join that did not finish. {@link io.jets.cluster.ClusterTerms#putNew putNew} throws
 * {@code io.jets.term.TermExistsException}, and the cluster's own failures are Hazelcast's
 * exceptions. A copy's local table reports {@link io.jets.table.TableException}s as every jets
 * table does: once its owner has exited with no heir, it throws {@link
 * io.jets.table.TableDeletedException}.
 */
package io.jets.cluster;
