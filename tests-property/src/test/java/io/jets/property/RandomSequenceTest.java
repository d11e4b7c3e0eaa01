package io.jets.property;

import static org.junit.jupiter.api.Assertions.fail;

import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random operation sequences, on one thread, against {@link EtsModel}: every result and, at
 * the end, the whole content must agree, in every table type and concurrency mode. A failure names
 * the seed (replay it with {@code -Djets.property.seed=S}) and shows the sequence shrunk by {@link
 * Shrinker}.
 */
class RandomSequenceTest {

  /** Sequences per configuration, and operations per sequence, at depth 1. */
  private static final int SEQUENCES = 2;

  private static final int OPERATIONS = 2_500;

  static List<TableConfig> configs() {
    return TableConfig.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void randomSequencesAgreeWithTheModel(TableConfig config) {
    for (long seed : Seeds.seeds(config.hashCode(), SEQUENCES * Budget.depth())) {
      List<TableOperation> ops = generate(config, seed, OPERATIONS * Budget.depth());
      String failure = run(config, ops);
      if (failure != null) {
        List<TableOperation> shrunk =
            Shrinker.shrink(ops, candidate -> run(config, candidate) != null);
        fail(
            "seed="
                + seed
                + " (replay: -Djets.property.seed="
                + seed
                + ") on "
                + config
                + ": "
                + failure
                + "\nshrunk from "
                + ops.size()
                + " to "
                + shrunk.size()
                + " operations: "
                + shrunk
                + "\nshrunk failure: "
                + run(config, shrunk));
      }
    }
  }

  static List<TableOperation> generate(TableConfig config, long seed, int length) {
    Random random = new Random(seed);
    List<TableOperation> ops = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      ops.add(TableOperation.random(random, config.type()));
    }
    return ops;
  }

  /** Runs ops on a fresh table and a fresh model; the first disagreement, or null. */
  static String run(TableConfig config, List<TableOperation> ops) {
    Table<Integer, Integer> table = config.build("random");
    EtsModel model = new EtsModel(config.type());
    try {
      for (int i = 0; i < ops.size(); i++) {
        TableOperation op = ops.get(i);
        Object expected = op.onModel(model);
        Object actual;
        try {
          actual = op.onTable(table);
        } catch (RuntimeException | AssertionError e) {
          return "operation " + i + " " + op + " threw " + e;
        }
        if (!Objects.equals(expected, actual)) {
          return "operation " + i + " " + op + " returned " + actual + ", the model " + expected;
        }
      }
      Object content = TableOperation.traverseOrFailure(table);
      if (!Objects.equals(model.snapshot(), content) || table.size() != model.size()) {
        return "final content "
            + content
            + " (size "
            + table.size()
            + "), the model "
            + model.snapshot();
      }
      return null;
    } finally {
      try {
        table.delete();
      } catch (TableDeletedException ignored) {
        // already gone
      }
    }
  }
}
