package io.jets.table;

import io.jets.table.internal.BagStoreTable;
import io.jets.table.internal.TableOptions;
import io.jets.table.internal.hash.HashStore;

/**
 * Builds a {@link TableType#BAG} or {@link TableType#DUPLICATE_BAG} table; see {@link TableBuilder}
 * for the options.
 */
public final class BagTableBuilder extends TableBuilder<BagTableBuilder> {

  BagTableBuilder(String name, TableType type) {
    super(name, type);
  }

  /**
   * Creates the table, owned by the configured owner (by default {@link
   * io.jets.owner.Owner#current()}).
   *
   * @param <K> key type
   * @param <V> value type
   * @return the new table
   * @throws BadArgumentException if the settings conflict, the owner has exited, or the table is
   *     named and its name is in use
   * @throws IllegalStateException if no owner is set, none is bound to the calling thread and
   *     strict binding is on ({@link io.jets.owner.Owner#requireBinding(boolean)})
   */
  public <K, V> BagTable<K, V> build() {
    TableOptions options = options();
    return BagStoreTable.create(
        options, new HashStore(options.writeConcurrency(), options.decentralizedCounters(), true));
  }
}
