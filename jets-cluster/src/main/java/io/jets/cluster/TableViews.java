package io.jets.cluster;

import io.jets.table.BagTable;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.WrongTableTypeException;

/**
 * A replicated table's local copy seen as the type a read asks for, or a {@link
 * WrongTableTypeException} that names the read to use instead: one rule for the owner's handle
 * ({@link ReplicatedTable}) and every other copy ({@link ReplicatedTables.Copy}).
 */
final class TableViews {

  private TableViews() {}

  /** {@code table} as a set, or a {@link WrongTableTypeException} for {@code operation}. */
  static <K, V> SetTable<K, V> set(
      String name, Table<K, V> table, String operation, String bagRead) {
    if (table instanceof SetTable<K, V> set) {
      return set;
    }
    throw new WrongTableTypeException(
        name,
        operation + ": the table is a " + table.type() + ", not a set: read it with " + bagRead);
  }

  static <K, V> OrderedTable<K, V> ordered(
      String name, Table<K, V> table, String operation, String setRead, String bagRead) {
    if (table instanceof OrderedTable<K, V> ordered) {
      return ordered;
    }
    throw new WrongTableTypeException(
        name,
        operation
            + ": the table is a "
            + table.type()
            + ", not an ORDERED_SET: read it with "
            + (table instanceof SetTable ? setRead : bagRead));
  }

  static <K, V> BagTable<K, V> bag(
      String name, Table<K, V> table, String operation, String setRead) {
    if (table instanceof BagTable<K, V> bag) {
      return bag;
    }
    throw new WrongTableTypeException(
        name,
        operation + ": the table is a " + table.type() + ", not a bag: read it with " + setRead);
  }
}
