package io.jets.offheap;

import io.jets.table.Access;
import io.jets.table.Table;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The ported select tests' table kinds: the heap SET and the off-heap SET. The other constants
 * exist only so that the ported assertions that branch on them compile; they are never built.
 */
enum TableKind {
  SET,
  OFF_HEAP_SET,
  ORDERED_SET,
  BAG,
  DUPLICATE_BAG;

  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** A new PUBLIC table of this kind with a unique name starting with {@code name}. */
  <K, V> Table<K, V> build(String name, WriteConcurrency mode) {
    String unique = name + "-" + this + "-" + mode + "-" + SERIAL.incrementAndGet();
    return switch (this) {
      case SET -> Tables.set(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
      case OFF_HEAP_SET -> OffHeapTables.set(unique).access(Access.PUBLIC).writeConcurrency(mode).build();
      default -> throw new IllegalArgumentException(this + " is not tested here");
    };
  }

  boolean isBag() {
    return this == BAG || this == DUPLICATE_BAG;
  }

  /** Both SET kinds in every mode. */
  static List<Arguments> everyKindAndMode() {
    List<Arguments> all = new ArrayList<>();
    for (TableKind kind : List.of(SET, OFF_HEAP_SET)) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        all.add(Arguments.of(kind, mode));
      }
    }
    return all;
  }
}
