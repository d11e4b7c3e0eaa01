package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Replicated {@code set} and {@code ordered_set} tables: one owner writes through a {@link
 * ReplicatedTable}, every member reads its own local jets table. See {@link Replica} for the
 * structures and the join.
 */
public final class ReplicatedTables {

  private static final long JOIN_SECONDS = 60;

  private ReplicatedTables() {}

  /**
   * Becomes the writer of replicated table {@code name} on {@code member}'s cluster and returns its
   * handle, once this member's copy has caught up with what the cluster holds. One writer at a time
   * per table: the caller's code must ensure it (the owner lifecycle across members, with heirs, is
   * not built yet).
   *
   * @param filterPattern the classes keys and values may contain, as for {@link ClusterTerms}
   */
  public static <K, V> ReplicatedTable<K, V> own(
      HazelcastInstance member, String name, String filterPattern) {
    return own(member, name, filterPattern, false);
  }

  /**
   * As {@link #own}, for an {@code ordered_set}: every member's copy is an {@link OrderedTable}
   * (keys in natural order; {@link Copy#orderedTable()}). A table keeps the kind its first owner
   * gave it.
   */
  public static <K, V> ReplicatedTable<K, V> ownOrdered(
      HazelcastInstance member, String name, String filterPattern) {
    return own(member, name, filterPattern, true);
  }

  private static <K, V> ReplicatedTable<K, V> own(
      HazelcastInstance member, String name, String filterPattern, boolean ordered) {
    TableCodecs codecs = codecs(member, name, filterPattern);
    TableOwnership.Owner owner = TableOwnership.claim(member, name, ordered);
    if (owner == null) {
      throw new IllegalStateException(
          "replicated table "
              + name
              + " is owned by a live member: "
              + TableOwnership.owners(member).get(name));
    }
    Replica<K, V> replica = new Replica<>(member, name, codecs, ordered);
    try {
      replica.awaitJoined(JOIN_SECONDS);
    } catch (RuntimeException e) {
      replica.close();
      TableOwnership.release(member, name, owner);
      throw e;
    }
    return new ReplicatedTable<>(member, name, codecs, replica, owner);
  }

  /**
   * A copy of replicated table {@code name} on {@code member} that takes the table over when its
   * owner gives it up ({@link ReplicatedTable#close()}) or the owner's member leaves the cluster,
   * crash included: {@link Heir#takeover()} then completes with the new owner's handle, which
   * continues the owner's sequence. Of several heirs exactly one takes over.
   */
  public static <K, V> Heir<K, V> heir(
      HazelcastInstance member, String name, String filterPattern) {
    TableCodecs codecs = codecs(member, name, filterPattern);
    Replica<K, V> replica =
        new Replica<>(member, name, codecs, TableOwnership.ordered(member, name));
    replica.awaitJoined(JOIN_SECONDS);
    return new Heir<>(member, name, codecs, replica);
  }

  /**
   * This member's read-only copy of replicated table {@code name}, once it holds everything the
   * cluster held when it joined; it then follows the owner's writes, in order, each all at once.
   * Close the returned handle to stop following and delete the copy.
   */
  public static <K, V> Copy<K, V> replica(
      HazelcastInstance member, String name, String filterPattern) {
    TableCodecs codecs = codecs(member, name, filterPattern);
    Replica<K, V> replica =
        new Replica<>(member, name, codecs, TableOwnership.ordered(member, name));
    replica.awaitJoined(JOIN_SECONDS);
    return new Copy<>(replica);
  }

  /** A member's read-only copy of a replicated table. */
  public static sealed class Copy<K, V> implements AutoCloseable permits Heir {
    final Replica<K, V> replica;

    Copy(Replica<K, V> replica) {
      this.replica = replica;
    }

    /** The local jets table: read it directly. Writes to it from here are refused (PROTECTED). */
    public SetTable<K, V> table() {
      return replica.table();
    }

    /**
     * The local table of an {@code ordered_set} ({@link #ownOrdered}), with its ordered reads.
     *
     * @throws IllegalStateException if the table is a {@code set}
     */
    public OrderedTable<K, V> orderedTable() {
      return ReplicatedTables.ordered(replica.table());
    }

    /** The sequence number of the last owner write applied here; -1 before the first. */
    public long appliedThrough() {
      return replica.appliedThrough();
    }

    /**
     * Waits until this copy has applied the owner's write numbered {@code sequence} ({@link
     * ReplicatedTable#sequence()}), at most {@code timeout}; returns whether it has.
     */
    public boolean awaitApplied(long sequence, java.time.Duration timeout) {
      return replica.awaitAppliedWithin(sequence, timeout.toNanos());
    }

    /** Stops following the owner and deletes the local copy. */
    @Override
    public void close() {
      replica.close();
    }
  }

  /**
   * Who writes replicated table {@code name}, cluster-wide (ETS's {@code whereis} for a cluster):
   * empty if no member has ever owned it.
   */
  public static Optional<TableOwner> whereis(HazelcastInstance member, String name) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(name, "name");
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

  private static TableCodecs codecs(HazelcastInstance member, String name, String filterPattern) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filterPattern, "filterPattern");
    return new TableCodecs(name, filterPattern);
  }

  static <K, V> OrderedTable<K, V> ordered(SetTable<K, V> table) {
    if (table instanceof OrderedTable<K, V> ordered) {
      return ordered;
    }
    throw new IllegalStateException(
        "replicated table " + table.name() + " is a set, not an ordered_set");
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
