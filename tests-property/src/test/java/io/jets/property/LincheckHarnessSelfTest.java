package io.jets.property;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Shows that this module's Lincheck set-up can fail: a subject whose two-object write is two
 * separate inserts (not atomic) must be reported as not linearizable by the same model-checking
 * options that pass the real tables in {@link TableLinearizabilityTest}.
 */
@Isolated
class LincheckHarnessSelfTest {

  @Test
  void modelCheckingReportsATwoObjectWriteThatIsNotAtomic() {
    try {
      assertThrows(
          LincheckAssertionError.class,
          () ->
              Budget.modelChecking()
                  .sequentialSpecification(AtomicPairSpec.class)
                  .check(TornPairOperations.class));
    } finally {
      LincheckTables.deleteAllMade();
    }
  }

  /** A real SET table, written through a broken "insertAll" that inserts key 1, then key 2. */
  @Param(name = "value", gen = IntGen.class, conf = "1:3")
  public static class TornPairOperations {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final SetTable<Integer, Integer> table =
        LincheckTables.track(
            Tables.<Integer, Integer>set("torn-pair-" + SERIAL.incrementAndGet())
                .access(Access.PUBLIC)
                .build());

    @Operation
    public void insertPair(@Param(name = "value") int value) {
      table.insert(1, value);
      table.insert(2, value);
    }

    @Operation
    public Integer get1() {
      return table.get(1);
    }

    @Operation
    public Integer get2() {
      return table.get(2);
    }
  }

  /** What an atomic pair write would allow. */
  public static class AtomicPairSpec {

    private final Map<Integer, Integer> objects = new HashMap<>();

    public void insertPair(int value) {
      objects.put(1, value);
      objects.put(2, value);
    }

    public Integer get1() {
      return objects.get(1);
    }

    public Integer get2() {
      return objects.get(2);
    }
  }
}
