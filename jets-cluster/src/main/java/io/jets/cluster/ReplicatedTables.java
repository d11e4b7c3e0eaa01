package io.jets.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.jets.table.BadArgumentException;
import io.jets.table.BagTable;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.WrongTableTypeException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Replicated tables ({@code set}, {@code ordered_set}, {@code bag}, {@code duplicate_bag}): one
 * owner writes through a {@link ReplicatedTable}, every member reads its own local jets table. Keys
 * and values cross the wire as {@link ClusterTerms}' do: serializable, keys with a deterministic
 * serialized form (the mirror identifies a key by its bytes), read back through the serialization
 * filter each call names (every member of a table should name the same one), so each copy holds
 * objects of its own, decoded from the owner's.
 *
 * <p>Per table the cluster holds a log (a Hazelcast ringbuffer of the owner's writes, in order), a
 * mirror of the content (a map the owner updates after each write, from which a new copy loads),
 * and an ownership record. A new copy loads the mirror, then replays the log from where the mirror
 * stood; it is returned once it has caught up. The package documentation says which guarantees hold
 * across members and which calls block.
 */
public final class ReplicatedTables {

  private static final long JOIN_SECONDS = 60;

  private ReplicatedTables() {}

  /**
   * Becomes the writer of replicated {@code set} {@code name} on {@code member}'s cluster and
   * returns its handle, once this member's copy has caught up with what the cluster holds. One
   * owner at a time per table, cluster-wide; it exits with {@link ReplicatedTable#close()}. If the
   * table exists (its owner gave it up or left the cluster), the new owner continues it; if not, it
   * starts empty.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   * @return the owner's handle
   * @throws BadArgumentException if an argument is null, {@code name} is empty, {@code
   *     filterPattern} is malformed or names no class, the table exists with another type, or this
   *     member's filter refuses a key or value the table holds
   * @throws TableOwnedException if a live owner holds the table, this member's included
   * @throws TableException if this member's copy did not catch up within 60 seconds, or the thread
   *     was interrupted while it caught up (its interrupt status stays set); the table passes to
   *     the next owner
   */
  public static <K, V> ReplicatedTable<K, V> own(
      HazelcastInstance member, String name, String filterPattern) {
    return own("own", member, name, TableType.SET, filterPattern);
  }

  /**
   * As {@link #own}, for an {@code ordered_set}: every member's copy is an {@link OrderedTable}
   * (keys in natural order; {@link Copy#orderedTable()}).
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   * @return the owner's handle
   * @throws BadArgumentException if an argument is null, {@code name} is empty, {@code
   *     filterPattern} is malformed or names no class, the table exists with another type, or this
   *     member's filter refuses a key or value the table holds
   * @throws TableOwnedException if a live owner holds the table, this member's included
   * @throws TableException if this member's copy did not catch up within 60 seconds, or the thread
   *     was interrupted while it caught up (its interrupt status stays set); the table passes to
   *     the next owner
   */
  public static <K, V> ReplicatedTable<K, V> ownOrdered(
      HazelcastInstance member, String name, String filterPattern) {
    return own("ownOrdered", member, name, TableType.ORDERED_SET, filterPattern);
  }

  /**
   * As {@link #own}, for a table of {@code type}, which the table keeps for its life: its first
   * owner fixes it. A {@code bag} or {@code duplicate_bag} is read through {@link
   * ReplicatedTable#localBag()} and {@link Copy#bagTable()}.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @param type the table's type
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   * @return the owner's handle
   * @throws BadArgumentException if an argument is null, {@code name} is empty, {@code
   *     filterPattern} is malformed or names no class, the table exists with another type, or this
   *     member's filter refuses a key or value the table holds
   * @throws TableOwnedException if a live owner holds the table, this member's included
   * @throws TableException if this member's copy did not catch up within 60 seconds, or the thread
   *     was interrupted while it caught up (its interrupt status stays set); the table passes to
   *     the next owner
   */
  public static <K, V> ReplicatedTable<K, V> own(
      HazelcastInstance member, String name, TableType type, String filterPattern) {
    return own("own", member, name, type, filterPattern);
  }

  private static <K, V> ReplicatedTable<K, V> own(
      String operation,
      HazelcastInstance member,
      String name,
      TableType type,
      String filterPattern) {
    checkMemberAndName(operation, member, name);
    if (type == null) {
      throw new BadArgumentException(name, operation + ": type is null");
    }
    TableCodecs codecs = codecs(operation, name, filterPattern);
    TableOwnership.Owner owner;
    try {
      owner = TableOwnership.claimOrThrow(member, name, type, operation);
    } catch (RuntimeException e) {
      throw Waits.interrupted(e, name, operation);
    }
    Replica<K, V> replica = null;
    try {
      if (owner.epoch() == 1) {
        // A new table: what a deleted table of this name left in the cluster goes first.
        member.getRingbuffer(logName(name)).destroy();
        member.getMap(mirrorName(name)).destroy();
      }
      replica = new Replica<>(member, name, codecs, type, operation);
      replica.awaitJoined(JOIN_SECONDS);
    } catch (RuntimeException e) {
      if (replica != null) {
        replica.close();
      }
      // The claim is given up even if the thread was interrupted: the next owner takes the table.
      boolean wasInterrupted = Thread.interrupted();
      try {
        TableOwnership.release(member, name, owner);
      } finally {
        if (wasInterrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw Waits.interrupted(e, name, operation);
    }
    return new ReplicatedTable<>(member, name, codecs, replica, owner, null);
  }

  /**
   * Deletes table {@code name} on every member for {@code owner}, who holds it: a DROP batch in its
   * log (each copy deletes its local table when it applies it), the mirror destroyed, the ownership
   * record removed (the name is free). The log stays until a new table of that name starts.
   */
  static void drop(HazelcastInstance member, String name, TableOwnership.Owner owner) {
    member
        .<TableBatch>getRingbuffer(logName(name))
        .add(new TableBatch(owner.epoch(), TableBatch.Kind.DROP, List.of(), List.of()));
    member.getMap(mirrorName(name)).destroy();
    TableOwnership.owners(member).remove(name, owner);
  }

  /**
   * A copy of replicated table {@code name} on {@code member} that takes the table over when its
   * owner gives it up ({@link ReplicatedTable#close()}) or the owner's member leaves the cluster,
   * crash included: {@link Heir#takeover()} then completes with the new owner's handle, which
   * continues the owner's sequence. Of several heirs exactly one takes over.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   * @return the heir, a read-only copy until it takes over
   * @throws BadArgumentException if an argument is null, {@code name} is empty, {@code
   *     filterPattern} is malformed or names no class, no table of that name exists, or this
   *     member's filter refuses a key or value the table holds
   * @throws TableException if the copy did not catch up within 60 seconds, or the thread was
   *     interrupted while it caught up (its interrupt status stays set); no heir is registered
   */
  public static <K, V> Heir<K, V> heir(
      HazelcastInstance member, String name, String filterPattern) {
    checkMemberAndName("heir", member, name);
    TableCodecs codecs = codecs("heir", name, filterPattern);
    Replica<K, V> replica = join("heir", member, name, codecs);
    try {
      return new Heir<>(member, name, codecs, replica);
    } catch (RuntimeException e) {
      replica.close();
      throw e;
    }
  }

  /** A new copy of table {@code name}, once it has caught up; closed again if it does not. */
  private static <K, V> Replica<K, V> join(
      String operation, HazelcastInstance member, String name, TableCodecs codecs) {
    Replica<K, V> replica;
    try {
      TableType type = TableOwnership.type(member, name, operation);
      replica = new Replica<>(member, name, codecs, type, operation);
    } catch (RuntimeException e) {
      throw Waits.interrupted(e, name, operation);
    }
    try {
      replica.awaitJoined(JOIN_SECONDS);
    } catch (RuntimeException e) {
      replica.close();
      throw Waits.interrupted(e, name, operation);
    }
    return replica;
  }

  /**
   * This member's read-only copy of replicated table {@code name}, once it holds everything the
   * cluster held when it joined; it then follows the owner's writes, in order, each all at once.
   * Close the returned handle to stop following and delete the copy.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   * @return the copy
   * @throws BadArgumentException if an argument is null, {@code name} is empty, {@code
   *     filterPattern} is malformed or names no class, no table of that name exists, or this
   *     member's filter refuses a key or value the table holds
   * @throws TableException if the copy did not catch up within 60 seconds, or the thread was
   *     interrupted while it caught up (its interrupt status stays set); no copy is left
   */
  public static <K, V> Copy<K, V> replica(
      HazelcastInstance member, String name, String filterPattern) {
    checkMemberAndName("replica", member, name);
    TableCodecs codecs = codecs("replica", name, filterPattern);
    Replica<K, V> replica = join("replica", member, name, codecs);
    Copy<K, V> copy = new Copy<>(member, name, replica);
    try {
      copy.watch();
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
    return copy;
  }

  /**
   * A member's read-only copy of a replicated table: a local jets table that follows the owner's
   * writes, in order, each all at once. Its readers never wait for the cluster.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static sealed class Copy<K, V> implements AutoCloseable permits Heir {
    final HazelcastInstance member;
    final String name;
    final Replica<K, V> replica;
    private final ExecutorService tasks; // cluster calls, off Hazelcast's event threads
    private volatile UUID membership;

    Copy(HazelcastInstance member, String name, Replica<K, V> replica) {
      this.member = member;
      this.name = name;
      this.replica = replica;
      this.tasks =
          Executors.newSingleThreadExecutor(
              r -> Thread.ofPlatform().daemon().name("jets-copy-" + name).unstarted(r));
    }

    /** Starts watching the cluster's members; called once the copy (or heir) is built. */
    final void watch() {
      membership =
          member
              .getCluster()
              .addMembershipListener(
                  new MembershipListener() {
                    @Override
                    public void memberAdded(MembershipEvent event) {}

                    @Override
                    public void memberRemoved(MembershipEvent event) {
                      ownerMayBeGone();
                    }
                  });
    }

    /**
     * A member left: if it was the owner's and no live heir is registered, the table is deleted on
     * every member (one copy wins the ownership record and drops it).
     */
    void ownerMayBeGone() {
      submit(
          () -> {
            TableOwnership.Owner current = TableOwnership.owners(member).get(name);
            if (current == null
                || (!current.released() && TableOwnership.alive(member, current))
                || TableOwnership.hasLiveHeir(member, name)) {
              return;
            }
            TableOwnership.Owner dropper =
                TableOwnership.claim(member, name, current.type(), "delete");
            if (dropper == null) {
              return; // another member holds it now
            }
            if (TableOwnership.hasLiveHeir(member, name)) {
              TableOwnership.release(member, name, dropper); // an heir arrived: it takes over
            } else {
              drop(member, name, dropper);
            }
          });
    }

    /** Runs {@code task} on this copy's thread, unless the copy is closed. */
    void submit(Runnable task) {
      try {
        tasks.execute(
            () -> {
              if (member.getLifecycleService().isRunning()) {
                try {
                  task.run();
                } catch (SplitBrainProtectionException minority) {
                  // the smaller side of a partition changes nothing; the larger side decides
                }
              }
            });
      } catch (RejectedExecutionException closed) {
        // the copy is closed: nothing to watch
      }
    }

    /**
     * The local {@code set} or {@code ordered_set}: read it directly; writes are refused.
     *
     * @return the local table
     * @throws WrongTableTypeException if the table is a bag: read it with {@link #bagTable()}
     */
    public SetTable<K, V> table() {
      return TableViews.set(name, replica.table(), "table", "bagTable()");
    }

    /**
     * The local table of an {@code ordered_set} ({@link #ownOrdered}), with its ordered reads.
     *
     * @return the local table
     * @throws WrongTableTypeException if the table is not one
     */
    public OrderedTable<K, V> orderedTable() {
      return TableViews.ordered(name, replica.table(), "orderedTable", "table()", "bagTable()");
    }

    /**
     * The local table of a {@code bag} or {@code duplicate_bag}.
     *
     * @return the local table
     * @throws WrongTableTypeException if the table is not one: read it with {@link #table()}
     */
    public BagTable<K, V> bagTable() {
      return TableViews.bag(name, replica.table(), "bagTable", "table()");
    }

    /**
     * The sequence number of the last owner write applied here; -1 before the first.
     *
     * @return the sequence number
     */
    public long appliedThrough() {
      return replica.appliedThrough();
    }

    /**
     * Waits until this copy has applied the current owner's write numbered {@code sequence} ({@link
     * ReplicatedTable#sequence()}), at most {@code timeout}; returns whether it has (false also if
     * the table was deleted).
     *
     * @param sequence the owner's sequence number to wait for
     * @param timeout the longest wait
     * @return whether this copy shows that write
     * @throws BadArgumentException if {@code timeout} is null
     * @throws TableException if the thread is interrupted while it waits (its interrupt status
     *     stays set)
     */
    public boolean awaitApplied(long sequence, Duration timeout) {
      if (timeout == null) {
        throw new BadArgumentException(name, "awaitApplied: timeout is null");
      }
      return replica.awaitAppliedWithin(sequence, Waits.nanos(timeout));
    }

    /** Stops watching the cluster for this copy. */
    final void stopWatching() {
      tasks.shutdownNow();
      if (membership != null && member.getLifecycleService().isRunning()) {
        member.getCluster().removeMembershipListener(membership);
      }
    }

    /** Stops following the owner and deletes the local copy. */
    @Override
    public void close() {
      stopWatching();
      replica.close();
    }
  }

  /**
   * Who writes replicated table {@code name}, cluster-wide (ETS's {@code whereis} for a cluster):
   * empty if no table of that name exists (never owned, or deleted when its owner exited with no
   * heir). One read of the cluster's ownership record.
   *
   * @param member this JVM's Hazelcast member
   * @param name the table's name, the same on every member
   * @return the owner, or empty
   * @throws BadArgumentException if an argument is null
   */
  public static Optional<TableOwner> whereis(HazelcastInstance member, String name) {
    if (name == null) {
      throw new BadArgumentException(null, "whereis: name is null");
    }
    if (member == null) {
      throw new BadArgumentException(name, "whereis: member is null");
    }
    TableOwnership.Owner owner = TableOwnership.owners(member).get(name);
    if (owner == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TableOwner(
            owner.member(),
            owner.epoch(),
            !owner.released() && TableOwnership.alive(member, owner)));
  }

  /**
   * The owner of a replicated table as the cluster records it.
   *
   * @param member the Hazelcast member UUID of the owner's member
   * @param epoch how many owners the table has had (1 for the first)
   * @param live whether that owner still holds the table: it has not given it up and its member is
   *     in the cluster; if not, the next {@link #own} or heir takes it
   */
  public record TableOwner(UUID member, long epoch, boolean live) {}

  /** Refuses a null member, or a null or empty name, for {@code operation}. */
  private static void checkMemberAndName(String operation, HazelcastInstance member, String name) {
    if (name == null) {
      throw new BadArgumentException(null, operation + ": name is null");
    }
    if (name.isEmpty()) {
      throw new BadArgumentException(name, operation + ": name is empty");
    }
    if (member == null) {
      throw new BadArgumentException(name, operation + ": member is null");
    }
  }

  private static TableCodecs codecs(String operation, String name, String filterPattern) {
    if (filterPattern == null) {
      throw new BadArgumentException(name, operation + ": filterPattern is null");
    }
    return new TableCodecs(name, filterPattern, operation);
  }

  static String logName(String table) {
    return "jets.table." + table;
  }

  static String mirrorName(String table) {
    return "jets.table." + table + ".state";
  }

  static String id(byte[] keyBytes) {
    return Base64.getEncoder().encodeToString(keyBytes);
  }

  static byte[] keyBytes(String id) {
    return Base64.getDecoder().decode(id);
  }
}
