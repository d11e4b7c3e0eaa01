package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outcomes that linearizability of {@code takeObjects}, {@code lookupObjects}, {@code getOrDefault}
 * and {@code lookupElement} implies, checked under races (Lincheck also runs them, in
 * tests-property, on few short scenarios): a key taken by {@code takeObjects} and {@code take} at
 * once is removed by one of them, which returns all its objects, and the other returns none; reads
 * racing a writer of increasing values see one whole state of the key at a time, never an older one
 * after a newer one, and never fail between a member test and a read.
 */
@Timeout(120)
class TakeObjectsAndReadsRaceTest {

  private static final int KEYS = 2_000;
  private static final int ROUNDS = 5;
  private static final int READS = 400_000;
  private static final long BOUND_SECONDS = 60;

  private ExecutorService threads;

  @BeforeEach
  void startThreads() {
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
  }

  static List<Arguments> everyKindAndMode() {
    return TableKind.everyKindAndMode();
  }

  static List<Arguments> setKindsAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (TableKind kind : List.of(TableKind.SET, TableKind.ORDERED_SET)) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        all.add(Arguments.of(kind, mode));
      }
    }
    return all;
  }

  /** The objects of key k: one in a set, three in a bag (two equal in a duplicate bag). */
  private static List<Map.Entry<Integer, Integer>> objectsOf(TableKind kind, int k) {
    int v = k + 1; // never 0, so that v and -v differ
    return switch (kind) {
      case SET, ORDERED_SET -> List.of(Map.entry(k, v));
      case BAG -> List.of(Map.entry(k, v), Map.entry(k, -v), Map.entry(k, v + KEYS));
      case DUPLICATE_BAG -> List.of(Map.entry(k, v), Map.entry(k, -v), Map.entry(k, -v));
    };
  }

  /**
   * Two threads take every key at the same time, in the same order, one with takeObjects and one
   * with take: each key's objects come back exactly once, all from one call.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void takeObjectsAndTakeOfOneKeyRemoveItsObjectsOnce(TableKind kind, WriteConcurrency mode)
      throws Exception {
    Table<Integer, Integer> table = kind.build("take-race", mode);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Map.Entry<Integer, Integer>> all = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
          all.addAll(objectsOf(kind, k));
        }
        table.insertAll(all);
        CyclicBarrier start = new CyclicBarrier(2);
        // Each thread takes key k only once the other has reached k: the two meet on every key.
        AtomicIntegerArray reached = new AtomicIntegerArray(2);
        Future<List<List<Map.Entry<Integer, Integer>>>> byTakeObjects =
            threads.submit(
                () -> {
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  List<List<Map.Entry<Integer, Integer>>> taken = new ArrayList<>();
                  for (int k = 0; k < KEYS; k++) {
                    inStep(reached, 0, k);
                    taken.add(table.takeObjects(k));
                  }
                  return taken;
                });
        Future<List<List<Integer>>> byTake =
            threads.submit(
                () -> {
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  List<List<Integer>> taken = new ArrayList<>();
                  for (int k = 0; k < KEYS; k++) {
                    inStep(reached, 1, k);
                    taken.add(table.take(k));
                  }
                  return taken;
                });
        List<List<Map.Entry<Integer, Integer>>> objects =
            byTakeObjects.get(BOUND_SECONDS, TimeUnit.SECONDS);
        List<List<Integer>> values = byTake.get(BOUND_SECONDS, TimeUnit.SECONDS);
        for (int k = 0; k < KEYS; k++) {
          List<Map.Entry<Integer, Integer>> expected = objectsOf(kind, k);
          List<Map.Entry<Integer, Integer>> fromTake = new ArrayList<>();
          for (Integer v : values.get(k)) {
            fromTake.add(Map.entry(k, v));
          }
          List<Map.Entry<Integer, Integer>> fromTakeObjects = new ArrayList<>();
          for (Map.Entry<Integer, Integer> object : objects.get(k)) {
            fromTakeObjects.add(Map.entry(object.getKey(), object.getValue()));
          }
          String at = "round " + round + ", key " + k + ": ";
          assertTrue(
              fromTake.isEmpty() != fromTakeObjects.isEmpty(),
              at + "take returned " + fromTake + ", takeObjects " + fromTakeObjects);
          List<Map.Entry<Integer, Integer>> winner =
              fromTake.isEmpty() ? fromTakeObjects : fromTake;
          assertEquals(counts(expected), counts(winner), at + "the objects taken");
        }
        assertEquals(0, table.size(), "round " + round);
      }
    } finally {
      table.delete();
    }
  }

  /** Announces that thread {@code me} reached step k and waits, bounded, for the other to. */
  private static void inStep(AtomicIntegerArray reached, int me, int k) {
    reached.set(me, k);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    for (int spins = 0; reached.get(1 - me) < k; spins++) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the other thread never reached step " + k);
      }
      if (spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // the other thread may wait for this core
      }
    }
  }

  private static Map<Map.Entry<Integer, Integer>, Integer> counts(
      List<Map.Entry<Integer, Integer>> objects) {
    Map<Map.Entry<Integer, Integer>, Integer> counts = new HashMap<>();
    objects.forEach(o -> counts.merge(o, 1, Integer::sum));
    return counts;
  }

  /**
   * A writer stores versions 1, 2, ... under one key of a set, deleting the key after every odd
   * version, for as long as a reader reads the key with lookupObjects, getOrDefault and both
   * lookupElement forms in turn. Each read returns absent or one version with the key; the versions
   * never go back; and the lookupElement forms never apply their function to a missing value. Once
   * the writer has stored its last version, every form returns it.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("setKindsAndModes")
  void readsOfOneKeyRacingAWriterSeeOneStateAtATimeInOrder(TableKind kind, WriteConcurrency mode)
      throws Exception {
    SetTable<Integer, Integer> table =
        (SetTable<Integer, Integer>) kind.<Integer, Integer>build("read-race", mode);
    int key = 7;
    AtomicBoolean reading = new AtomicBoolean(true);
    CountDownLatch writerStarted = new CountDownLatch(1);
    try {
      Future<Integer> writer =
          threads.submit(
              () -> {
                int v = 1;
                writerStarted.countDown();
                for (; reading.get(); v++) {
                  table.insert(key, v);
                  if (v % 2 == 1) {
                    table.delete(key);
                  }
                }
                table.insert(key, v); // the last version stays
                return v;
              });
      Future<Long> reader =
          threads.submit(
              () -> {
                try {
                  writerStarted.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  long present = 0;
                  int last = 0;
                  for (int i = 0; i < READS; i++) {
                    int seen = read(table, key, i % 4);
                    if (seen != 0) {
                      assertTrue(seen >= last, "read version " + seen + " after version " + last);
                      last = seen;
                      present++;
                    }
                  }
                  return present;
                } finally {
                  reading.set(false);
                }
              });
      long present = reader.get(BOUND_SECONDS, TimeUnit.SECONDS);
      int lastVersion = writer.get(BOUND_SECONDS, TimeUnit.SECONDS);
      assertTrue(present > 0, "the reader never saw the key");
      for (int form = 0; form < 4; form++) {
        assertEquals(lastVersion, read(table, key, form), "read form " + form + " at the end");
      }
    } finally {
      table.delete();
    }
  }

  /** The version under {@code key} (0: absent) by read form 0 to 3, each checked as it reads. */
  private static int read(SetTable<Integer, Integer> table, int key, int form) {
    switch (form) {
      case 0 -> {
        List<Map.Entry<Integer, Integer>> objects = table.lookupObjects(key);
        assertTrue(objects.size() <= 1, "a set key with " + objects);
        if (objects.isEmpty()) {
          return 0;
        }
        assertEquals(key, objects.get(0).getKey());
        return objects.get(0).getValue();
      }
      case 1 -> {
        return table.getOrDefault(key, 0);
      }
      case 2 -> {
        try {
          return -table.lookupElement(key, v -> -v);
        } catch (MissingKeyException absent) {
          return 0;
        }
      }
      default -> {
        return -table.lookupElement(key, v -> -v, 0);
      }
    }
  }
}
