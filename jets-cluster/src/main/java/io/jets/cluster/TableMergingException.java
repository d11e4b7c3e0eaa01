package io.jets.cluster;

import io.jets.table.TableException;

/**
 * A {@link ReplicatedTable} write arrived while the owner's member was merging into the cluster
 * after a network partition (between Hazelcast's {@code MERGING} and {@code MERGED} or {@code
 * MERGE_FAILED} events). The write was refused before it was logged: nothing changed. Once the
 * merge is over the handle writes again if the merged ownership record still names it; if an heir
 * on the larger side took the table over meanwhile, the handle is deposed and its writes throw
 * {@link io.jets.table.AccessDeniedException}.
 */
public class TableMergingException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} on table {@code tableName}.
   *
   * @param tableName the table's name
   * @param operation the refused write ({@code insert}, {@code delete}, ...)
   */
  public TableMergingException(String tableName, String operation) {
    super(
        tableName,
        operation
            + ": refused while the cluster merges after a network partition; nothing was logged");
  }
}
