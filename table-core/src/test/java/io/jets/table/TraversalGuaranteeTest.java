package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traversal guarantee, without fixing the table: while other keys are inserted and deleted
 * concurrently, every traversal visits each stable object exactly once and no object twice.
 */
class TraversalGuaranteeTest {

  private static final int STABLE_KEYS = 300; // even keys 0, 2, ..., 598
  private static final int CHURN_KEYS = 4_000; // odd keys, inserted and deleted by the writer
  private static final int ROUNDS = 10;

  static List<org.junit.jupiter.params.provider.Arguments> kinds() {
    return TableKind.everyKindAndMode();
  }

  /** The objects of one traversal, in the order it returned them. */
  private record Traversal(
      String name, Function<Table<Integer, String>, List<Map.Entry<Integer, String>>> run) {}

  private static List<Map.Entry<Integer, String>> walk(
      Table<Integer, String> table, boolean forward) {
    List<Map.Entry<Integer, String>> seen = new ArrayList<>();
    Map.Entry<Integer, List<String>> at = forward ? table.firstLookup() : table.lastLookup();
    while (at != null) {
      for (String value : at.getValue()) {
        seen.add(Map.entry(at.getKey(), value));
      }
      at = forward ? table.nextLookup(at.getKey()) : table.prevLookup(at.getKey());
    }
    return seen;
  }

  private static List<Map.Entry<Integer, String>> keyWalk(
      Table<Integer, String> table, boolean forward) {
    List<Map.Entry<Integer, String>> seen = new ArrayList<>();
    for (Integer k = forward ? table.first() : table.last();
        k != null;
        k = forward ? table.next(k) : table.prev(k)) {
      if (k % 2 == 0) {
        for (String value : table.lookup(k)) {
          seen.add(Map.entry(k, value));
        }
      } else {
        seen.add(Map.entry(k, "key")); // a churn key: once per walk, whatever its objects
      }
    }
    return seen;
  }

  private static <R> List<R> drain(Page<R> page) {
    List<R> all = new ArrayList<>(page.results());
    while (page.hasNext()) {
      page = page.next();
      all.addAll(page.results());
    }
    return all;
  }

  private static final MatchSpec<Integer, String, Map.Entry<Integer, String>> ALL =
      MatchSpec.<Integer, String>anyKey().returnObject();

  private static List<Traversal> traversals() {
    return List.of(
        new Traversal("select", t -> t.select(ALL)),
        new Traversal("selectReverse", t -> t.selectReverse(ALL)),
        new Traversal("chunked select", t -> drain(t.select(ALL, 7))),
        new Traversal("chunked selectReverse", t -> drain(t.selectReverse(ALL, 7))),
        new Traversal("matchObject", t -> t.matchObject(KeyPattern.any(), v -> true)),
        new Traversal(
            "foldl",
            t ->
                t.foldl(
                    new ArrayList<>(),
                    (k, v, acc) -> {
                      acc.add(Map.entry(k, v));
                      return acc;
                    })),
        new Traversal(
            "foldr",
            t ->
                t.foldr(
                    new ArrayList<>(),
                    (k, v, acc) -> {
                      acc.add(Map.entry(k, v));
                      return acc;
                    })),
        new Traversal("toList", Table::toList),
        new Traversal("next walk", t -> walk(t, true)),
        new Traversal("prev walk", t -> walk(t, false)),
        new Traversal("first/next keys", t -> keyWalk(t, true)),
        new Traversal("last/prev keys", t -> keyWalk(t, false)));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void stableObjectsAreVisitedExactlyOnceWhileOtherKeysChurn(TableKind kind, WriteConcurrency mode)
      throws Exception {
    Table<Integer, String> table = kind.build("traversal", mode);
    Map<Map.Entry<Integer, String>, Integer> stable = new HashMap<>();
    for (int k = 0; k < 2 * STABLE_KEYS; k += 2) {
      table.insert(k, "s");
      stable.merge(Map.entry(k, "s"), 1, Integer::sum);
      if (kind.isBag()) {
        table.insert(k, "t");
        stable.merge(Map.entry(k, "t"), 1, Integer::sum);
      }
      if (kind == TableKind.DUPLICATE_BAG) {
        table.insert(k, "t");
        stable.merge(Map.entry(k, "t"), 1, Integer::sum);
      }
    }
    long stableObjects = stable.values().stream().mapToInt(Integer::intValue).sum();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch writing = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    Random random = new Random(kind.ordinal() * 31L + mode.ordinal());
                    writing.countDown();
                    for (long step = 0; !done.get(); step++) {
                      int key = 2 * random.nextInt(CHURN_KEYS) + 1;
                      String value =
                          "c" + step; // every churn object is distinct, even in a duplicate bag
                      switch (random.nextInt(5)) {
                        case 0, 1 -> table.insert(key, value);
                        case 2 ->
                            table.insertAll(
                                List.of(
                                    Map.entry(key, value),
                                    Map.entry(2 * random.nextInt(CHURN_KEYS) + 1, value + "'")));
                        default -> table.delete(key);
                      }
                    }
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                });
    writing.await();
    var stableCount = MatchSpec.<Integer, String>anyKey().guard((k, v) -> k % 2 == 0).returnTrue();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        assertEquals(stableObjects, table.selectCount(stableCount), "selectCount");
        for (Traversal traversal : traversals()) {
          List<Map.Entry<Integer, String>> seen = traversal.run().apply(table);
          Map<Map.Entry<Integer, String>, Integer> stableSeen = new HashMap<>();
          Map<Map.Entry<Integer, String>, Integer> churnSeen = new HashMap<>();
          for (Map.Entry<Integer, String> object : seen) {
            if (object.getKey() % 2 == 0) {
              stableSeen.merge(object, 1, Integer::sum);
            } else {
              churnSeen.merge(object, 1, Integer::sum);
            }
          }
          assertEquals(stable, stableSeen, traversal.name() + ": every stable object exactly once");
          for (Map.Entry<Map.Entry<Integer, String>, Integer> churn : churnSeen.entrySet()) {
            assertEquals(
                1,
                churn.getValue(),
                traversal.name() + ": churn object " + churn.getKey() + " visited twice");
          }
          if (kind == TableKind.ORDERED_SET) {
            boolean descending =
                traversal.name().contains("everse")
                    || traversal.name().contains("prev")
                    || traversal.name().equals("foldr");
            for (int i = 1; i < seen.size(); i++) {
              int c = Integer.compare(seen.get(i - 1).getKey(), seen.get(i).getKey());
              assertTrue(descending ? c > 0 : c < 0, traversal.name() + ": key order");
            }
          }
        }
      }
    } finally {
      done.set(true);
      writer.join();
    }
    assertTrue(failures.isEmpty(), () -> "writer failed: " + failures);
    table.delete();
  }

  @Test
  void aWalkNeverFailsBecauseTheKeyItStandsOnWasDeleted() {
    for (TableKind kind : TableKind.values()) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        Table<Integer, String> table = kind.build("walk-delete", mode);
        for (int k = 0; k < 500; k++) {
          table.insert(k, "v");
        }
        List<Integer> visited = new ArrayList<>();
        for (Integer k = table.first(); k != null; ) {
          visited.add(k);
          table.delete(k); // the walk continues from a key that is gone
          k = table.next(k);
        }
        assertEquals(500, visited.size(), kind + " " + mode);
        assertEquals(500, visited.stream().distinct().count());
        assertEquals(0, table.size());
        table.delete();
      }
    }
  }
}
