package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.SetTable;
import java.util.Base64;
import java.util.Objects;

/**
 * Replicated {@code set} tables: one owner writes through a {@link ReplicatedTable}, every member
 * reads its own local jets table. See {@link Replica} for the structures and the join.
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
    TableCodecs codecs = codecs(member, name, filterPattern);
    Replica<K, V> replica = new Replica<>(member, name, codecs);
    replica.awaitJoined(JOIN_SECONDS);
    return new ReplicatedTable<>(member, name, codecs, replica);
  }

  /**
   * This member's read-only copy of replicated table {@code name}, once it holds everything the
   * cluster held when it joined; it then follows the owner's writes, in order, each all at once.
   * Close the returned handle to stop following and delete the copy.
   */
  public static <K, V> Copy<K, V> replica(
      HazelcastInstance member, String name, String filterPattern) {
    TableCodecs codecs = codecs(member, name, filterPattern);
    Replica<K, V> replica = new Replica<>(member, name, codecs);
    replica.awaitJoined(JOIN_SECONDS);
    return new Copy<>(replica);
  }

  /** A member's read-only copy of a replicated table. */
  public static final class Copy<K, V> implements AutoCloseable {
    private final Replica<K, V> replica;

    private Copy(Replica<K, V> replica) {
      this.replica = replica;
    }

    /** The local jets table: read it directly. Writes to it from here are refused (PROTECTED). */
    public SetTable<K, V> table() {
      return replica.table();
    }

    /** The sequence number of the last owner write applied here; -1 before the first. */
    public long appliedThrough() {
      return replica.appliedThrough();
    }

    /** Stops following the owner and deletes the local copy. */
    @Override
    public void close() {
      replica.close();
    }
  }

  private static TableCodecs codecs(HazelcastInstance member, String name, String filterPattern) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filterPattern, "filterPattern");
    return new TableCodecs(name, filterPattern);
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
