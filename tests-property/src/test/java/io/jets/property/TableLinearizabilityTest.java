package io.jets.property;

import io.jets.table.TableType;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lincheck on every table type x writeConcurrency OFF/ON/AUTO x readConcurrency off/on: every
 * history of the operations of {@link SetTableOperations} and {@link BagTableOperations} must be
 * explained by some sequential order of them on the reference model. The claim is exactly the
 * package's "linearizable" list; traversals are weakly consistent and are not part of it.
 *
 * <p>Stress mode: one Lincheck run per type cycles through that type's six configurations, one per
 * invocation, since Lincheck's class instrumentation, redone for every run, costs more than the
 * invocations. Model checking: one run per configuration, so that every configuration gets the
 * whole exploration of each scenario's interleavings.
 */
@Isolated
class TableLinearizabilityTest {

  private static List<TableConfig> configs(TableType type) {
    return TableConfig.all().stream().filter(c -> c.type() == type).toList();
  }

  /**
   * Every configuration, or those whose short name (such as {@code set/auto/rc=false}) matches the
   * regular expression in {@code -Djets.property.configs}.
   */
  static List<TableConfig> everyConfiguration() {
    String only = System.getProperty("jets.property.configs", "");
    return TableConfig.all().stream()
        .filter(c -> only.isBlank() || c.shortName().matches(only))
        .toList();
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyConfiguration")
  void everyConfigurationIsLinearizableUnderModelChecking(TableConfig config) {
    check(Budget.modelChecking(), config.type(), List.of(config));
  }

  /** Hash sets whose operated keys collide: one bucket goes from chain to tree bin and back. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashSetConfigurations")
  void hashSetsWithCollidingKeysAreLinearizableUnderModelChecking(TableConfig config) {
    SetTableOperations.colliding = true;
    try {
      check(Budget.modelChecking(), TableType.SET, List.of(config));
    } finally {
      SetTableOperations.colliding = false;
    }
  }

  @Test
  void hashSetsWithCollidingKeysAreLinearizableUnderStress() {
    SetTableOperations.colliding = true;
    try {
      check(Budget.stress(), TableType.SET, configs(TableType.SET));
    } finally {
      SetTableOperations.colliding = false;
    }
  }

  static List<TableConfig> hashSetConfigurations() {
    return everyConfiguration().stream().filter(c -> c.type() == TableType.SET).toList();
  }
}
