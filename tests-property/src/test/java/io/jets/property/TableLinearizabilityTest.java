package io.jets.property;

import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Options;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lincheck on every table type x writeConcurrency OFF/ON/AUTO x readConcurrency off/on: every
 * history of the operations of {@link SetTableOperations} and {@link BagTableOperations} must be
 * explained by some sequential order of them on the reference model. The claim is exactly the
 * package's "linearizable" list; traversals are weakly consistent and are not part of it.
 *
 * <p>One Lincheck run per type and strategy cycles through that type's six configurations, one per
 * invocation: Lincheck's class instrumentation, redone for every run, costs more than the
 * invocations, and this keeps the module within its time budget.
 *
 * <p>Model checking runs on the hash types with writeConcurrency OFF only. With ON and AUTO, a
 * multi-object write walks all 64 to 256 stripe counters, and Lincheck 3.7 reports that long loop as
 * a livelock ("The execution has hung"; raising {@code loopIterationsBeforeThreadSwitch} makes it
 * misreport a thread parked on a ReentrantLock instead); on ORDERED_SET, Lincheck 3.7 fails inside
 * its own memory-snapshot restore ({@code NullPointerException} in {@code
 * SnapshotTracker.restoreValues}). Stress mode covers all 24 configurations.
 */
@Isolated
class TableLinearizabilityTest {

  private static List<TableConfig> configs(TableType type) {
    return TableConfig.all().stream().filter(c -> c.type() == type).toList();
  }

  private static List<TableConfig> modelCheckable(TableType type) {
    return configs(type).stream().filter(c -> c.writeConcurrency() == WriteConcurrency.OFF).toList();
  }

  private static void check(Options<?, ?> options, TableType type, List<TableConfig> configs) {
    if (type == TableType.SET || type == TableType.ORDERED_SET) {
      SetTableOperations.configs = configs;
      try {
        options.sequentialSpecification(SetTableSpec.class).check(SetTableOperations.class);
      } finally {
        LincheckTables.deleteAllMade();
      }
    } else {
      BagTableOperations.configs = configs;
      try {
        options.sequentialSpecification(BagTableSpec.class).check(BagTableOperations.class);
      } finally {
        LincheckTables.deleteAllMade();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void everyModeOfTheTypeIsLinearizableUnderStress(TableType type) {
    check(Budget.stress(), type, configs(type));
  }

  @ParameterizedTest
  @EnumSource(value = TableType.class, names = {"SET", "BAG", "DUPLICATE_BAG"})
  void writeConcurrencyOffIsLinearizableUnderModelChecking(TableType type) {
    check(Budget.modelChecking(), type, modelCheckable(type));
  }
}
