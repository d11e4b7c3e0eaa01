package io.jets.table;

import io.jets.table.internal.SetStoreTable;
import io.jets.table.internal.TableOptions;
import io.jets.table.internal.hash.HashStore;

/** Builds a {@link TableType#SET} table; see {@link TableBuilder} for the options. */
public final class SetTableBuilder extends TableBuilder<SetTableBuilder> {

  SetTableBuilder(String name) {
    super(name, TableType.SET);
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
  public <K, V> SetTable<K, V> build() {
    TableOptions options = options();
    return SetStoreTable.create(
        options, new HashStore(options.writeConcurrency(), options.decentralizedCounters(), false));
  }
}
