package io.jets.cluster;

import io.jets.table.BadArgumentException;
import java.util.UUID;

/**
 * {@link ReplicatedTables#own} (or {@code ownOrdered}) found the table held by a live owner: one
 * that has not given it up, on a member still in the cluster, this member's own handle included
 * (one owner per table, cluster-wide). A local named table whose name is already in use is a {@link
 * BadArgumentException}; so is a replicated table's name that a live owner holds, and this subclass
 * also says who holds it, as the ownership record stood when {@code own} read it.
 *
 * <p>Nothing changed: no copy was built and the ownership record is as it was. The table passes on
 * when its owner exits: an {@link Heir} ({@link ReplicatedTables#heir}) takes it over then.
 */
public class TableOwnedException extends BadArgumentException {

  private static final long serialVersionUID = 1L;

  /** The member of the live owner; part of the serialized form. */
  private final UUID ownerMember;

  /** The live owner's epoch; part of the serialized form. */
  private final long ownerEpoch;

  /**
   * Creates the exception; the message names the operation and the live owner.
   *
   * @param tableName the table's name
   * @param operation the refused operation ({@code own} or {@code ownOrdered})
   * @param ownerMember the Hazelcast member UUID of the live owner's member
   * @param ownerEpoch the live owner's epoch (1 for the table's first owner)
   */
  public TableOwnedException(
      String tableName, String operation, UUID ownerMember, long ownerEpoch) {
    super(
        tableName,
        operation
            + ": a live owner holds the table (member "
            + ownerMember
            + ", epoch "
            + ownerEpoch
            + "); it passes to an heir when that owner exits");
    this.ownerMember = ownerMember;
    this.ownerEpoch = ownerEpoch;
  }

  /**
   * The member of the owner that holds the table.
   *
   * @return the Hazelcast member UUID of the live owner's member
   */
  public UUID ownerMember() {
    return ownerMember;
  }

  /**
   * The epoch of the owner that holds the table: how many owners the table had had, that one
   * included.
   *
   * @return the live owner's epoch
   */
  public long ownerEpoch() {
    return ownerEpoch;
  }
}
