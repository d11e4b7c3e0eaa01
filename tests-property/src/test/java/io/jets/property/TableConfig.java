package io.jets.property;

import io.jets.table.Access;
import io.jets.table.BagTable;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table type in one concurrency configuration: the unit every property of this module is
 * checked in. Tables are {@link Access#PUBLIC}, so any thread may write them.
 */
record TableConfig(TableType type, WriteConcurrency writeConcurrency, boolean readConcurrency) {

  private static final AtomicLong SERIAL = new AtomicLong();

  /** All 24 configurations: four types x OFF/ON/AUTO x readConcurrency off/on. */
  static List<TableConfig> all() {
    List<TableConfig> all = new ArrayList<>();
    for (TableType type : TableType.values()) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        all.add(new TableConfig(type, mode, false));
        all.add(new TableConfig(type, mode, true));
      }
    }
    return all;
  }

  /** The configurations of the types with one object per key (SET, ORDERED_SET). */
  static List<TableConfig> setTypes() {
    return all().stream().filter(c -> !c.isBag()).toList();
  }

  /** The configurations of BAG and DUPLICATE_BAG. */
  static List<TableConfig> bagTypes() {
    return all().stream().filter(TableConfig::isBag).toList();
  }

  boolean isBag() {
    return type == TableType.BAG || type == TableType.DUPLICATE_BAG;
  }

  /** A new, empty, unnamed PUBLIC table of this configuration, owned by the current owner. */
  <K, V> Table<K, V> build(String name) {
    String unique = name + "-" + this.shortName() + "-" + SERIAL.incrementAndGet();
    return switch (type) {
      case SET ->
          Tables.set(unique)
              .access(Access.PUBLIC)
              .writeConcurrency(writeConcurrency)
              .readConcurrency(readConcurrency)
              .build();
      case ORDERED_SET ->
          Tables.orderedSet(unique)
              .access(Access.PUBLIC)
              .writeConcurrency(writeConcurrency)
              .readConcurrency(readConcurrency)
              .build();
      case BAG ->
          Tables.bag(unique)
              .access(Access.PUBLIC)
              .writeConcurrency(writeConcurrency)
              .readConcurrency(readConcurrency)
              .build();
      case DUPLICATE_BAG ->
          Tables.duplicateBag(unique)
              .access(Access.PUBLIC)
              .writeConcurrency(writeConcurrency)
              .readConcurrency(readConcurrency)
              .build();
    };
  }

  /** As {@link #build}, for the set types. */
  <K, V> SetTable<K, V> buildSet(String name) {
    if (isBag()) {
      throw new IllegalStateException(this + " is not a set type");
    }
    return (SetTable<K, V>) this.<K, V>build(name);
  }

  /** As {@link #build}, for the bag types. */
  <K, V> BagTable<K, V> buildBag(String name) {
    if (!isBag()) {
      throw new IllegalStateException(this + " is not a bag type");
    }
    return (BagTable<K, V>) this.<K, V>build(name);
  }

  String shortName() {
    return type.name().toLowerCase()
        + "/"
        + writeConcurrency.name().toLowerCase()
        + "/rc="
        + readConcurrency;
  }

  @Override
  public String toString() {
    return shortName();
  }
}
