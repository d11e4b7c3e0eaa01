package io.jets.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.provider.Arguments;

/** The four table types, for tests that run on each of them in each write-concurrency mode. */
enum TableKind {
  SET,
  ORDERED_SET,
  BAG,
  DUPLICATE_BAG;

  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** A new PUBLIC table of this kind with a unique name starting with {@code name}. */
  <K, V> Table<K, V> build(String name, WriteConcurrency mode) {
    String unique = name + "-" + this + "-" + mode + "-" + SERIAL.incrementAndGet();
    return switch (this) {
      case SET -> Tables.set(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
      case ORDERED_SET ->
          Tables.orderedSet(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
      case BAG -> Tables.bag(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
      case DUPLICATE_BAG ->
          Tables.duplicateBag(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
    };
  }

  boolean isBag() {
    return this == BAG || this == DUPLICATE_BAG;
  }

  /** Every kind in every mode. */
  static List<Arguments> everyKindAndMode() {
    List<Arguments> all = new ArrayList<>();
    for (TableKind kind : values()) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        all.add(Arguments.of(kind, mode));
      }
    }
    return all;
  }
}
