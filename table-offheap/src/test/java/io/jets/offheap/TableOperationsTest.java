package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.AbstractTableOperationsTest;
import io.jets.table.tck.TablesUnderTest;
import io.jets.table.tck.TypesAndModes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * table-core's shared table-operation tests on the off-heap SET table, and what only off-heap
 * tables do: they hold a copy of each value, not the value itself.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class TableOperationsTest extends AbstractTableOperationsTest {

  /** OFF has one lock; off-heap AUTO works as ON, with 64 from the start. */
  @Override
  protected int expectedLockStripes(WriteConcurrency mode) {
    return mode == WriteConcurrency.OFF ? 1 : 64;
  }

  @ParameterizedTest
  @TypesAndModes
  void valuesAreCopiedOnInsertAndOnEveryRead(TableType type, WriteConcurrency mode) {
    Table<String, Object> t = tables.table(type, mode);
    ArrayList<String> v = new ArrayList<>(List.of("x"));
    t.insert("a", v);
    // ETS semantics: the table holds a copy, and every read returns a new copy
    v.add("changed after insert");
    assertEquals(List.of("x"), t.lookup("a").get(0));
    assertNotSame(t.lookup("a").get(0), t.lookup("a").get(0));
  }
}
