package io.jets.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.Page;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's concurrency guarantees as racing scenarios, in every table type x writeConcurrency
 * x readConcurrency (table-core's own tests cover the hash types without readConcurrency). Racers
 * start together at a barrier; nothing sleeps; outcomes are asserted, not timings.
 */
class ContractScenarioTest {

  private final List<Table<?, ?>> made = new ArrayList<>();

  static List<TableConfig> configs() {
    return TableConfig.all();
  }

  static List<TableConfig> setConfigs() {
    return TableConfig.setTypes();
  }

  private <K, V> Table<K, V> table(TableConfig config, String name) {
    Table<K, V> table = config.build(name);
    made.add(table);
    return table;
  }

  @AfterEach
  void deleteTables() {
    for (Table<?, ?> table : made) {
      if (!table.isDeleted()) {
        try (Owner.Binding bound = table.owner().bind()) {
          table.delete();
        } catch (TableDeletedException gone) {
          // deleted by its owner's exit meanwhile
        }
      }
    }
  }

  private static int rounds(int base) {
    return base * Budget.depth();
  }

  /**
   * A writer inserts batches of two never-deleted keys; a reader reads the two keys one after the
   * other, in both orders. Presence only grows, so if the first key read is present the second must
   * be too, unless a reader saw half of a batch.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void noReaderSeesHalfOfAMultiObjectInsert(TableConfig config) throws Exception {
    Table<Integer, Integer> table = table(config, "half");
    int batches = rounds(3_000);
    AtomicInteger written = new AtomicInteger(-1);
    Racers.race(
        1,
        id -> {
          for (int b = 0; b < batches; b++) {
            table.insertAll(List.of(Map.entry(b, b), Map.entry(-b - 1, b)));
            written.set(b);
          }
        },
        id -> {
          for (int i = 0; written.get() < batches - 1; i++) {
            int b = Math.max(0, written.get() + 1); // the batch most likely in flight
            int first = i % 2 == 0 ? b : -b - 1;
            int second = i % 2 == 0 ? -b - 1 : b;
            if (table.member(first) && !table.member(second)) {
              throw new AssertionError(
                  "saw key " + first + " of batch " + b + " without key " + second);
            }
          }
        });
    assertEquals(2L * batches, table.size());
  }

  /**
   * Writers insert their own keys in sequence while another thread calls deleteAllObjects: each
   * deleteAllObjects removes a writer's prefix, so what is left of every writer is an unbroken run
   * ending with its latest object.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void deleteAllObjectsRacingWritersLeavesAnUnbrokenRunOfEachWritersLatestObjects(
      TableConfig config) throws Exception {
    Table<Integer, Integer> table = table(config, "clear");
    int writers = 2;
    int perWriter = rounds(4_000);
    AtomicInteger done = new AtomicInteger();
    Racers.race(
        writers,
        id -> {
          for (int i = 0; i < perWriter; i++) {
            table.insert(id * 1_000_000 + i, i);
          }
          done.incrementAndGet();
        },
        id -> {
          while (done.get() < writers) {
            table.deleteAllObjects();
          }
        });
    Map<Integer, TreeSet<Integer>> left = new HashMap<>();
    for (Map.Entry<Integer, Integer> object : table.toList()) {
      left.computeIfAbsent(object.getKey() / 1_000_000, w -> new TreeSet<>())
          .add(object.getValue());
    }
    for (Map.Entry<Integer, TreeSet<Integer>> run : left.entrySet()) {
      TreeSet<Integer> values = run.getValue();
      assertEquals(
          perWriter - 1, values.last(), "writer " + run.getKey() + " lost its latest object");
      assertEquals(
          values.last() - values.first() + 1,
          values.size(),
          "writer " + run.getKey() + " has a gap: " + values);
    }
  }

  /**
   * selectReplace used as compare-and-set: concurrent increments, each retried until it wins, lose
   * nothing.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("setConfigs")
  void selectReplaceCompareAndSetIncrementsLoseNothing(TableConfig config) throws Exception {
    Table<Integer, Long> table = table(config, "cas");
    table.insert(1, 0L);
    int threads = 3;
    int increments = rounds(1_500);
    Racers.race(
        threads,
        id -> {
          for (int i = 0; i < increments; i++) {
            long seen;
            do {
              seen = table.lookup(1).get(0);
              long expected = seen;
              var cas =
                  MatchSpec.<Integer, Long>where(KeyPattern.exact(1))
                      .guard((k, v) -> v == expected)
                      .replaceValue((k, v) -> v + 1);
              if (table.selectReplace(cas) == 1) {
                break;
              }
            } while (true);
            table.insert(2 + id, (long) i); // unrelated writes to the same table
          }
        });
    assertEquals(List.of((long) threads * increments), table.lookup(1));
  }

  /** While only inserts (single and multi-object) run, size() never appears to decrease. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void sizeNeverDecreasesWhileOnlyInsertsRun(TableConfig config) throws Exception {
    Table<Integer, Integer> table = table(config, "size");
    int writers = 2;
    int perWriter = rounds(4_000);
    AtomicInteger done = new AtomicInteger();
    Racers.race(
        writers,
        id -> {
          for (int i = 0; i < perWriter; i += 2) {
            int key = id * 1_000_000 + i;
            if (i % 4 == 0) {
              table.insertAll(List.of(Map.entry(key, i), Map.entry(key + 1, i)));
            } else {
              table.insert(key, i);
              table.insert(key + 1, i);
            }
          }
          done.incrementAndGet();
        },
        id -> {
          long previous = 0;
          while (done.get() < writers) {
            long size = table.size();
            if (size < previous) {
              throw new AssertionError("size went from " + previous + " to " + size);
            }
            previous = size;
          }
        });
    assertEquals((long) writers * perWriter, table.size());
  }

  /**
   * Stable objects inserted before churn starts are visited exactly once by every traversal
   * (toList, foldl, foldr, a first/next walk, select and its chunks) while other keys churn; no
   * object is visited twice.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void traversalVisitsLongLivedObjectsExactlyOnceUnderChurn(TableConfig config) throws Exception {
    Table<Integer, Integer> table = table(config, "churn");
    int stable = 200;
    for (int k = 0; k < stable; k++) {
      table.insert(k * 2, k); // stable keys are even, churned keys odd
    }
    int traversals = rounds(8);
    AtomicBoolean stop = new AtomicBoolean();
    Map<String, Function<Table<Integer, Integer>, List<Map.Entry<Integer, Integer>>>> ways =
        Map.of(
            "toList", Table::toList,
            "foldl",
                t ->
                    t.foldl(
                        new ArrayList<>(),
                        (k, v, acc) -> {
                          acc.add(Map.entry(k, v));
                          return acc;
                        }),
            "foldr",
                t ->
                    t.foldr(
                        new ArrayList<>(),
                        (k, v, acc) -> {
                          acc.add(Map.entry(k, v));
                          return acc;
                        }),
            "first/next",
                t -> {
                  List<Map.Entry<Integer, Integer>> seen = new ArrayList<>();
                  for (Integer k = t.first(); k != null; k = t.next(k)) {
                    for (Integer v : t.lookup(k)) {
                      seen.add(Map.entry(k, v));
                    }
                  }
                  return seen;
                },
            "select chunks",
                t -> {
                  List<Map.Entry<Integer, Integer>> seen = new ArrayList<>();
                  for (Page<Map.Entry<Integer, Integer>> page =
                          t.select(MatchSpec.<Integer, Integer>anyKey().returnObject(), 17);
                      ;
                      page = page.next()) {
                    seen.addAll(page.results());
                    if (!page.hasNext()) {
                      return seen;
                    }
                  }
                });
    Racers.race(
        2,
        id -> {
          for (int i = 0; !stop.get(); i++) {
            int key = 2 * ((id * 7919 + i) % 400) + 1;
            int value = i % 3; // few distinct values, so bags stay small
            if (i % 2 == 1) {
              table.delete(key);
            } else if (i % 6 == 0) {
              table.insertAll(List.of(Map.entry(key, value), Map.entry(key + 2, value)));
            } else {
              table.insert(key, value);
            }
          }
        },
        id -> {
          try {
            for (int i = 0; i < traversals; i++) {
              for (var way : ways.entrySet()) {
                List<Map.Entry<Integer, Integer>> seen = way.getValue().apply(table);
                int stableSeen = 0;
                var distinct = new java.util.HashSet<Map.Entry<Integer, Integer>>();
                for (Map.Entry<Integer, Integer> object : seen) {
                  if (object.getKey() % 2 == 0) {
                    stableSeen++;
                  }
                  if (!distinct.add(object)
                      && config.type() != io.jets.table.TableType.DUPLICATE_BAG) {
                    throw new AssertionError(way.getKey() + " visited " + object + " twice");
                  }
                }
                if (stableSeen != stable) {
                  throw new AssertionError(
                      way.getKey() + " visited " + stableSeen + " stable objects, not " + stable);
                }
              }
            }
          } finally {
            stop.set(true);
          }
        });
  }

  /**
   * The owner exits while threads insert two-key batches into its PUBLIC table: every insertAll
   * returns or fails with TableDeletedException (nothing else), and afterwards the table is deleted
   * and unregistered.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void ownerExitRacingInsertsLeavesEachInsertAllOrNothingAndTheTableGone(TableConfig config)
      throws Exception {
    ownerExitRace(config, false);
  }

  private void ownerExitRace(TableConfig config, boolean readHalfBatches) throws Exception {
    OwnerScope owner = OwnerScope.open("exiting-owner");
    Table<Integer, Integer> table;
    try (Owner.Binding bound = owner.bind()) {
      table = config.build("exit");
    }
    int inserters = 2;
    CountDownLatch someInserted = new CountDownLatch(inserters);
    AtomicInteger lastBatch = new AtomicInteger();
    Racers.race(
        inserters,
        id -> {
          for (int b = 1; ; b++) {
            int key = id * 1_000_000 + b;
            try {
              table.insertAll(List.of(Map.entry(key, b), Map.entry(-key, b)));
              lastBatch.accumulateAndGet(key, Math::max);
            } catch (TableDeletedException gone) {
              return;
            } finally {
              if (b == 50) {
                someInserted.countDown();
              }
            }
          }
        },
        id -> {
          someInserted.await();
          owner.close();
        },
        id -> {
          for (int i = 0; ; i++) {
            int key = lastBatch.get() + (i % 3); // the latest batch or ones that may be in flight
            int first = i % 2 == 0 ? key : -key;
            try {
              if (table.member(first) && readHalfBatches && !table.member(-first)) {
                throw new AssertionError("saw key " + first + " without " + -first);
              }
            } catch (TableDeletedException gone) {
              return;
            }
          }
        });
    assertTrue(table.isDeleted());
    assertFalse(Tables.all().contains(table), "a deleted table stays registered");
    assertThrows(TableDeletedException.class, () -> table.insert(1, 1));
    assertThrows(TableDeletedException.class, () -> table.lookup(1));
  }

  /**
   * As above, with a reader checking that it never sees one key of a batch without the other while
   * the owner's exit deletes the table. Regression test: on SET/AUTO a reader that had passed the
   * deleted-table check saw key -4698 present and then {@code member(4698)} false, because deletion
   * clears the storage under lock-free readers. A read that finds nothing now re-checks deletion
   * and throws {@link TableDeletedException} instead of reporting a miss.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void readersRacingAnOwnerExitNeverSeeHalfOfAnInsertAll(TableConfig config) throws Exception {
    ownerExitRace(config, true);
  }
}
