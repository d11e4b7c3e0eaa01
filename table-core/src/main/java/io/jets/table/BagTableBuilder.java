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
   * @throws BadArgumentException if the settings conflict, the owner has exited, or the table is
   *     named and its name is in use
   */
  public <K, V> BagTable<K, V> build() {
    TableOptions options = options();
    return BagStoreTable.create(
        options, new HashStore(options.writeConcurrency(), options.decentralizedCounters(), true));
  }
}
