package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.table.tck.AbstractSetTableTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;
import org.junit.jupiter.api.Test;

/**
 * The shared SET-only operation tests on the heap SET table, and {@link CounterOp}'s threshold
 * rule, which needs no table.
 */
@TablesUnderTest(HeapTableFactory.class)
class SetTableTest extends AbstractSetTableTest {

  @Test
  void counterOpThresholdRule() {
    assertEquals(11, CounterOp.increment(1, 11, 0).apply(10));
    assertEquals(0, CounterOp.increment(2, 11, 0).apply(10));
    assertEquals(9, CounterOp.increment(-1, 9, 100).apply(10));
    assertEquals(100, CounterOp.increment(-2, 9, 100).apply(10));
    assertEquals(3, CounterOp.increment(2).apply(1));
    assertThrows(ArithmeticException.class, () -> CounterOp.increment(1).apply(Long.MAX_VALUE));
  }
}
