package io.jets.table;

import io.jets.table.internal.OrderedStoreTable;
import java.util.Comparator;

/**
 * Builds a {@link TableType#ORDERED_SET} table; see {@link TableBuilder} for the options. With
 * writeConcurrency {@code OFF} the table is a single-writer tree; with {@code ON} or {@code AUTO}
 * it is a contention-adapting tree whose writer locks split and join with the contention measured.
 *
 * @param <K> key type
 * @param <V> value type
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
   *
   * @param <K1> the key type the comparator orders
   * @param comparator the key order, or null for natural order
   * @return this builder, for keys of type {@code K1}
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
   * @param <K1> the new table's key type: {@code K}, or a subtype inferred where the table is
   *     assigned
   * @param <V1> the new table's value type: {@code V}, or a subtype inferred where the table is
   *     assigned
   * @return the new table
   * @throws BadArgumentException if the settings conflict, the owner has exited, or the table is
   *     named and its name is in use
   * @throws IllegalStateException if no owner is set, none is bound to the calling thread and
   *     strict binding is on ({@link io.jets.owner.Owner#requireBinding(boolean)})
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> OrderedTable<K1, V1> build() {
    return OrderedStoreTable.create(options(), (Comparator<? super K1>) comparator);
  }
}
