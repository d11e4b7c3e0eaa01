package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.table.tck.AbstractSetTableTest;
import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;
import java.util.List;
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

  /**
   * An Integer counter keeps its type after every step of {@code updateCounter(key, ops)}, as after
   * a single-step call: a step whose result does not fit an Integer fails the whole list ("if any
   * step fails, nothing is updated"), even if a later step brings the value back in range, rather
   * than report a value the counter cannot hold.
   */
  @Test
  void anIntegerCountersStepThatOverflowsFailsTheWholeList() {
    SetTable<String, Integer> t = Tables.<String, Integer>set(Fixtures.unique("int")).build();
    t.insert("i", 5);
    assertFailsNaming(
        BadArgumentException.class,
        t.name(),
        () ->
            t.updateCounter(
                "i",
                List.of(
                    CounterOp.increment(Integer.MAX_VALUE),
                    CounterOp.increment(-Integer.MAX_VALUE))));
    assertEquals(5, t.get("i"), "unchanged");
    assertFailsNaming(
        BadArgumentException.class,
        t.name(),
        () -> t.updateCounter("i", Integer.MAX_VALUE)); // the same step alone fails too
    t.delete();
  }
}
