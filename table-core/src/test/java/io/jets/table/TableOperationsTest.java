package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jets.table.tck.AbstractTableOperationsTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;
import io.jets.table.tck.TypesAndModes;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The shared table-operation tests on the heap SET, BAG and DUPLICATE_BAG, and what only heap
 * tables do: they hold each value itself, not a copy.
 */
@TablesUnderTest(HeapTableFactory.class)
class TableOperationsTest extends AbstractTableOperationsTest {

  /** OFF has one lock; AUTO starts with one and grows only under contention; ON has 64. */
  @Override
  protected int expectedLockStripes(WriteConcurrency mode) {
    return mode == WriteConcurrency.ON ? 64 : 1;
  }

  @ParameterizedTest
  @TypesAndModes
  void valuesAreStoredByReference(TableType type, WriteConcurrency mode) {
    Table<String, Object> t = tables.table(type, mode);
    Object v = new Object();
    t.insert("a", v);
    assertSame(v, t.lookup("a").get(0));
  }
}
