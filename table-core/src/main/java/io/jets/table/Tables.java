package io.jets.table;

import io.jets.table.internal.TableRegistry;
import java.util.List;
import java.util.Optional;

/** Entry points: a builder per table type, and the registry of live tables. */
public final class Tables {

  private Tables() {}

  /**
   * A builder for a {@link TableType#SET} table called {@code name}.
   *
   * @param name the table's name; a null or empty name is refused when the table is built
   * @return a builder with the defaults of {@link TableBuilder}
   */
  public static SetTableBuilder set(String name) {
    return new SetTableBuilder(name);
  }

  /**
   * A builder for a {@link TableType#ORDERED_SET} table called {@code name}; its comparator's type
   * is checked against the key type at compile time.
   *
   * @param <K> key type
   * @param <V> value type
   * @param name the table's name; a null or empty name is refused when the table is built
   * @return a builder with the defaults of {@link TableBuilder}, ordering keys naturally
   */
  public static <K, V> OrderedTableBuilder<K, V> orderedSet(String name) {
    return new OrderedTableBuilder<>(name);
  }

  /**
   * A builder for a {@link TableType#BAG} table called {@code name}.
   *
   * @param name the table's name; a null or empty name is refused when the table is built
   * @return a builder with the defaults of {@link TableBuilder}
   */
  public static BagTableBuilder bag(String name) {
    return new BagTableBuilder(name, TableType.BAG);
  }

  /**
   * A builder for a {@link TableType#DUPLICATE_BAG} table called {@code name}.
   *
   * @param name the table's name; a null or empty name is refused when the table is built
   * @return a builder with the defaults of {@link TableBuilder}
   */
  public static BagTableBuilder duplicateBag(String name) {
    return new BagTableBuilder(name, TableType.DUPLICATE_BAG);
  }

  /**
   * The live named table registered under {@code name}. A deleted table's name is free at once, and
   * a handle to the deleted table never reaches a newer table with the same name.
   *
   * @param name the name to look up; not null
   * @return the table, or empty if no live named table has that name
   * @throws BadArgumentException if {@code name} is null (its table name reads {@code <null>})
   */
  public static Optional<Table<?, ?>> whereis(String name) {
    if (name == null) {
      throw new BadArgumentException("<null>", "whereis: the name is null");
    }
    return TableRegistry.whereis(name);
  }

  /**
   * Every live table, named or not; tables created or deleted concurrently may or may not appear.
   *
   * @return the live tables
   */
  public static List<Table<?, ?>> all() {
    return TableRegistry.all();
  }

  /**
   * An {@code ets:i()}-style listing of every live table, one line each, sorted by name: name,
   * type, size, memory estimate, owner, access and modes (write concurrency with its current lock
   * stripes, {@code read}, {@code decentralized}, {@code named}, {@code heir=...}). Sizes and
   * memory are estimates while tables change; a PRIVATE table of another owner is listed without
   * figures. Never blocks on table writers.
   *
   * @return the listing: a header line, then one line per table
   */
  public static String i() {
    return TableListing.of(all());
  }
}
