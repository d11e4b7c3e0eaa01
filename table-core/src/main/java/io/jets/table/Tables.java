package io.jets.table;

import io.jets.table.internal.TableRegistry;
import java.util.List;
import java.util.Optional;

/** Entry points: a builder per table type, and the registry of live tables. */
public final class Tables {

  private Tables() {}

  /** A builder for a {@link TableType#SET} table called {@code name}. */
  public static SetTableBuilder set(String name) {
    return new SetTableBuilder(name);
  }

  /**
   * A builder for a {@link TableType#ORDERED_SET} table called {@code name}; its comparator's type
   * is checked against the key type at compile time.
   */
  public static <K, V> OrderedTableBuilder<K, V> orderedSet(String name) {
    return new OrderedTableBuilder<>(name);
  }

  /** A builder for a {@link TableType#BAG} table called {@code name}. */
  public static BagTableBuilder bag(String name) {
    return new BagTableBuilder(name, TableType.BAG);
  }

  /** A builder for a {@link TableType#DUPLICATE_BAG} table called {@code name}. */
  public static BagTableBuilder duplicateBag(String name) {
    return new BagTableBuilder(name, TableType.DUPLICATE_BAG);
  }

  /**
   * The live named table registered under {@code name}. A deleted table's name is free at once, and
   * a handle to the deleted table never reaches a newer table with the same name.
   */
  public static Optional<Table<?, ?>> whereis(String name) {
    return TableRegistry.whereis(name);
  }

  /**
   * Every live table, named or not; tables created or deleted concurrently may or may not appear.
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
   */
  public static String i() {
    return TableListing.of(all());
  }
}
