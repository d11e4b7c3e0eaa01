package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code selectDelete} and {@code matchDelete} check each object again under its writer lock: they
 * find their candidates with no lock held, so a candidate may change before it is deleted, and the
 * delete must then leave it. One test forces that interleaving for one object; the other races:
 * keys 0..N-1 all hold 0, one thread deletes every object whose value is 0 while another inserts
 * (k, 1) for every k, and whatever the interleaving every key ends present with 1 (an insert after
 * the delete re-adds it; a delete after the insert must not happen, since under the lock the object
 * holds 1 and no longer matches). Both fail if the second pass deletes without re-evaluating the
 * spec.
 */
@Timeout(120)
class DeleteMatchingRecheckTest {

  private static final int KEYS = 2_000;
  private static final int ROUNDS = 30;
  private static final long BOUND_SECONDS = 30;

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

  /** A deletion of the objects whose value passes {@code matches}. */
  @FunctionalInterface
  private interface GuardedDeletion {
    long run(Table<Integer, Integer> table, IntPredicate matches);
  }

  private record Deletion(
      String name, ToLongFunction<Table<Integer, Integer>> run, GuardedDeletion guarded) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final MatchSpec<Integer, Integer, Boolean> VALUE_ZERO =
      MatchSpec.<Integer, Integer>anyKey().guard((k, v) -> v == 0).returnTrue();

  static List<Arguments> deletionsOfEveryKindAndMode() {
    List<Deletion> deletions =
        List.of(
            new Deletion(
                "selectDelete",
                t -> t.selectDelete(VALUE_ZERO),
                (t, matches) ->
                    t.selectDelete(
                        MatchSpec.<Integer, Integer>anyKey()
                            .guard((k, v) -> matches.test(v))
                            .returnTrue())),
            new Deletion(
                "matchDelete",
                t -> t.matchDelete(KeyPattern.any(), v -> v == 0),
                (t, matches) -> t.matchDelete(KeyPattern.any(), matches::test)));
    List<Arguments> all = new ArrayList<>();
    for (TableKind kind : List.of(TableKind.SET, TableKind.ORDERED_SET)) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        for (Deletion deletion : deletions) {
          all.add(Arguments.of(kind, mode, deletion));
        }
      }
    }
    return all;
  }

  /**
   * The interleaving made certain. Key k holds 2k, and the deletion deletes the objects whose value
   * is even. Its guard, on its first call (in the lock-free first pass), waits while another thread
   * inserts (k, 2k + 1) for the key k of the object it judges; the deletion must then leave that
   * key and delete every other.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("deletionsOfEveryKindAndMode")
  void anObjectChangedAfterTheScanMatchedItIsNotDeleted(
      TableKind kind, WriteConcurrency mode, Deletion deletion) throws Exception {
    Table<Integer, Integer> table = kind.build("delete-recheck-stalled", mode);
    int keys = 10;
    for (int k = 0; k < keys; k++) {
      table.insert(k, 2 * k);
    }
    AtomicBoolean armed = new AtomicBoolean(true);
    AtomicInteger stalledKey = new AtomicInteger(-1);
    CountDownLatch inGuard = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IntPredicate even =
        v -> {
          if (armed.compareAndSet(true, false)) {
            stalledKey.set(v / 2);
            inGuard.countDown();
            try {
              if (!release.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the guard was never released");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return v % 2 == 0;
        };
    try {
      Future<Long> deleter = threads.submit(() -> deletion.guarded().run(table, even));
      assertTrue(inGuard.await(BOUND_SECONDS, TimeUnit.SECONDS), "the guard never ran");
      int changed = stalledKey.get();
      // An insert takes the key's writer lock: a first pass that held it would make this wait.
      Thread inserter = Thread.ofPlatform().start(() -> table.insert(changed, 2 * changed + 1));
      inserter.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      assertEquals(
          List.of(2 * changed + 1),
          table.lookup(changed),
          "the insert completed while the deletion's guard ran");
      release.countDown();
      long deleted = deleter.get(BOUND_SECONDS, TimeUnit.SECONDS);
      assertEquals(
          List.of(2 * changed + 1), table.lookup(changed), "the changed object was deleted");
      assertEquals(keys - 1, deleted, "every other object still matched and was deleted");
      assertEquals(1, table.size());
    } finally {
      release.countDown();
      table.delete();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("deletionsOfEveryKindAndMode")
  void aDeleteNeverRemovesAnObjectThatStoppedMatching(
      TableKind kind, WriteConcurrency mode, Deletion deletion) throws Exception {
    Table<Integer, Integer> table = kind.build("delete-recheck", mode);
    List<Map.Entry<Integer, Integer>> zeros = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      zeros.add(Map.entry(k, 0));
    }
    try {
      for (int round = 0; round < ROUNDS; round++) {
        table.insertAll(zeros);
        boolean ascending = round % 2 == 0; // the writer meets the scan in both directions
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Long> deleter =
            threads.submit(
                () -> {
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  return deletion.run().applyAsLong(table);
                });
        Future<?> writer =
            threads.submit(
                () -> {
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  for (int i = 0; i < KEYS; i++) {
                    table.insert(ascending ? i : KEYS - 1 - i, 1);
                  }
                  return null;
                });
        writer.get(BOUND_SECONDS, TimeUnit.SECONDS);
        long deleted = deleter.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertTrue(
            deleted >= 0 && deleted <= KEYS,
            "round " + round + ": deleted " + deleted + " objects");
        List<Integer> wrong = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
          if (!List.of(1).equals(table.lookup(k))) {
            wrong.add(k);
          }
        }
        assertEquals(
            List.of(),
            wrong,
            "round "
                + round
                + ": keys that do not hold (k, 1) after "
                + deletion
                + " deleted "
                + deleted
                + " objects (a delete after the insert of (k, 1))");
        assertEquals(KEYS, table.size());
      }
    } finally {
      table.delete();
    }
  }
}
