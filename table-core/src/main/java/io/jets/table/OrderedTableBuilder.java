package io.jets.table;

import io.jets.table.internal.OrderedStoreTable;
import java.util.Comparator;

/**
 * Builds a {@link TableType#ORDERED_SET} table; see {@link TableBuilder} for the options. With
 * writeConcurrency {@code OFF} the table is a single-writer tree; with {@code ON} or {@code AUTO}
 * it is a contention-adapting tree whose writer locks split and join with the contention measured.
 */
public final class OrderedTableBuilder extends TableBuilder<OrderedTableBuilder> {

  private Comparator<?> comparator;

  OrderedTableBuilder(String name) {
    super(name, TableType.ORDERED_SET);
  }

  /**
   * Orders keys with {@code comparator} instead of their natural order. Keys that compare equal are
   * the same key. The comparator must be consistent (a total order) and quick; it runs while writer
   * locks are held. Null restores natural order.
   */
  public OrderedTableBuilder comparator(Comparator<?> comparator) {
    this.comparator = comparator;
    return this;
  }

  /**
   * Creates the table, owned by the configured owner (by default {@link
   * io.jets.owner.Owner#current()}). Without a comparator, keys must be {@code Comparable}.
   *
   * @throws BadArgumentException if the settings conflict, the owner has exited, or the table is
   *     named and its name is in use
   */
  @SuppressWarnings("unchecked")
  public <K, V> OrderedTable<K, V> build() {
    return OrderedStoreTable.create(options(), (Comparator<? super K>) comparator);
  }
}
