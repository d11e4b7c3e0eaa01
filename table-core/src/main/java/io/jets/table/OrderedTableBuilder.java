package io.jets.table;

import io.jets.table.internal.OrderedStoreTable;
import java.util.Comparator;

/**
 * Builds a {@link TableType#ORDERED_SET} table; see {@link TableBuilder} for the options. With
 * writeConcurrency {@code OFF} the table is a single-writer tree; with {@code ON} or {@code AUTO}
 * it is a contention-adapting tree whose writer locks split and join with the contention measured.
 */
public final class OrderedTableBuilder<K, V> extends TableBuilder<OrderedTableBuilder<K, V>> {

  private Comparator<?> comparator;

  OrderedTableBuilder(String name) {
    super(name, TableType.ORDERED_SET);
  }

  /**
   * Orders keys with {@code comparator} instead of their natural order. Keys that compare equal are
   * the same key. The comparator must be consistent (a total order) and quick; it runs while writer
   * locks are held. Null restores natural order. Its type bounds the key type: a {@code
   * Comparator<String>} makes a builder, and a table, of {@code String} keys.
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K> OrderedTableBuilder<K1, V> comparator(Comparator<? super K1> comparator) {
    this.comparator = comparator;
    return (OrderedTableBuilder<K1, V>) this;
  }

  /**
   * Creates the table, owned by the configured owner (by default {@link
   * io.jets.owner.Owner#current()}). Without a comparator, keys must be {@code Comparable}.
   *
   * @throws BadArgumentException if the settings conflict, the owner has exited, or the table is
   *     named and its name is in use
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> OrderedTable<K1, V1> build() {
    return OrderedStoreTable.create(options(), (Comparator<? super K1>) comparator);
  }
}
