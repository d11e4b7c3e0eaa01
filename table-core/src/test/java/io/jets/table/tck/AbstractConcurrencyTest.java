package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrency guarantees of the tables under test, asserted on outcomes. Nothing sleeps: threads
 * start together on a barrier and coordinate through latches or the operations themselves;
 * iteration counts are bounded so each test takes at most a few seconds on two cores.
 */
public abstract class AbstractConcurrencyTest extends SharedTableTest {

  private static final long TIMEOUT_S = 60;

  private ExecutorService pool;

  @BeforeEach
  void startPool() {
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS));
    Fixtures.deleteAllTables();
  }

  private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(TIMEOUT_S, TimeUnit.SECONDS));
    }
    return results;
  }

  // ---- (a) no reader sees half of insertAll or deleteAllObjects ----

  /**
   * A writer moves ten keys together from generation g to g+1 with insertAll, and empties the table
   * with deleteAllObjects after every even generation (a bag then holds g and g+1, and its newest
   * object counts as the key's generation). Readers read the keys one by one (alternately in both
   * orders). Each read is linearizable and the writes are atomic, so for two reads x (earlier) and
   * y (later) in one pass:
   *
   * <ul>
   *   <li>both present: gen(y) >= gen(x), since generations only grow;
   *   <li>x present, y absent: a deleteAllObjects took effect in between, so the writer had
   *       announced a delete of a generation >= gen(x) before the pass ended;
   *   <li>x absent, y present: the table was empty at x, so y's generation was inserted after x,
   *       later than every insert the writer had finished before the pass began.
   * </ul>
   *
   * A half-applied insertAll or deleteAllObjects breaks one of these for some pair of keys.
   */
  @ParameterizedTest
  @TypesAndModes
  void noReaderSeesHalfOfAMultiObjectWrite(TableType type, WriteConcurrency mode) throws Exception {
    Table<Integer, Long> t = tables.table(type, mode);
    int keys = 10;
    long generations = 20_000;
    AtomicLong insertDone = new AtomicLong(); // highest generation whose insertAll has returned
    AtomicLong deleteAnnounced = new AtomicLong(); // generation of the latest delete about to run
    AtomicBoolean writing = new AtomicBoolean(true);
    int readers = 2;
    // The writer goes on until every reader has checked a few passes, however the threads are
    // scheduled on a busy machine.
    java.util.concurrent.atomic.AtomicLongArray passesDone =
        new java.util.concurrent.atomic.AtomicLongArray(readers);
    CyclicBarrier start = new CyclicBarrier(readers + 1);
    List<Callable<Long>> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          start.await();
          try {
            for (long g = 1; ; g++) {
              List<Map.Entry<Integer, Long>> batch = new ArrayList<>();
              for (int k = 0; k < keys; k++) {
                batch.add(Map.entry(k, g));
              }
              t.insertAll(batch);
              insertDone.set(g);
              if (g % 2 == 0) {
                deleteAnnounced.set(g);
                t.deleteAllObjects();
                if (g >= generations && minimum(passesDone) >= 3) {
                  break;
                }
              }
            }
          } finally {
            writing.set(false);
          }
          return generations;
        });
    for (int r = 0; r < readers; r++) {
      int reader = r;
      tasks.add(
          () -> {
            start.await();
            long passes = 0;
            long[] gen = new long[keys]; // 0 = absent
            int[] order = new int[keys];
            while (writing.get()) {
              long insertedBefore = insertDone.get();
              boolean reverse = (passes & 1) == 1;
              for (int i = 0; i < keys; i++) {
                int k = reverse ? keys - 1 - i : i;
                order[i] = k;
                List<Long> found = t.lookup(k);
                // a set holds [g]; a bag also [g, g+1] (odd g), since g+1 is added to g
                assertTrue(
                    found.size() <= (type == TableType.SET ? 1 : 2),
                    "objects under key " + k + ": " + found);
                if (found.size() == 2) {
                  assertTrue(
                      found.get(0) % 2 == 1 && found.get(1) == found.get(0) + 1,
                      "key " + k + ": " + found);
                }
                gen[i] = found.isEmpty() ? 0 : found.get(found.size() - 1);
              }
              long deleteAfter = deleteAnnounced.get();
              for (int i = 0; i < keys; i++) {
                for (int j = i + 1; j < keys; j++) {
                  long x = gen[i];
                  long y = gen[j];
                  String pair =
                      "key " + order[i] + " gen " + x + " then key " + order[j] + " gen " + y;
                  if (x != 0 && y != 0) {
                    assertTrue(y >= x, "generation went back: " + pair);
                  } else if (x != 0) {
                    assertTrue(
                        deleteAfter >= x,
                        "half a delete or half an insert seen: "
                            + pair
                            + ", deletes announced up to "
                            + deleteAfter);
                  } else if (y != 0) {
                    assertTrue(
                        y > insertedBefore,
                        "half a delete seen: "
                            + pair
                            + ", inserts done before the pass "
                            + insertedBefore);
                  }
                }
              }
              passes++;
              passesDone.set(reader, passes);
            }
            return passes;
          });
    }
    List<Long> results = runAll(tasks);
    for (int r = 1; r <= readers; r++) {
      assertTrue(results.get(r) > 0, "reader " + r + " made no pass");
    }
    assertEquals(0, t.size());
  }

  private static long minimum(java.util.concurrent.atomic.AtomicLongArray values) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < values.length(); i++) {
      min = Math.min(min, values.get(i));
    }
    return min;
  }

  // ---- (b) concurrent updateCounter calls lose no increment ----

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void concurrentUpdateCounterLosesNoIncrement(WriteConcurrency mode) throws Exception {
    SetTable<String, Long> t =
        tables.set(Fixtures.unique("counter")).access(Access.PUBLIC).writeConcurrency(mode).build();
    t.insert("c", 0L);
    t.insert("pair", 0L);
    int threads = 4;
    int perThread = 20_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Callable<long[]>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      tasks.add(
          () -> {
            start.await();
            long[] seen = new long[perThread];
            for (int n = 0; n < perThread; n++) {
              seen[n] = t.updateCounter("c", 1);
              long[] steps =
                  t.updateCounter("pair", List.of(CounterOp.increment(1), CounterOp.increment(1)));
              assertEquals(steps[0] + 1, steps[1], "the steps of one list apply together");
              assertEquals(0, steps[1] % 2, "no other call ran between the two steps");
            }
            return seen;
          });
    }
    Set<Long> all = new HashSet<>();
    for (long[] seen : runAll(tasks)) {
      for (long v : seen) {
        assertTrue(all.add(v), "two calls returned " + v);
      }
    }
    assertEquals((long) threads * perThread, t.get("c"));
    assertEquals(2L * threads * perThread, t.get("pair"));
    assertEquals(threads * perThread, all.size());
  }

  // ---- (c) lookups complete while a writer holds the write lock ----

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void lookupsCompleteWhileAWriterHoldsTheLock(WriteConcurrency mode) throws Exception {
    SetTable<String, Long> t =
        tables.set(Fixtures.unique("held")).access(Access.PUBLIC).writeConcurrency(mode).build();
    for (int i = 0; i < 100; i++) {
      t.insert("k" + i, (long) i);
    }
    t.insert("held", 0L);
    int readers = 3;
    int lookups = 10_000;
    CountDownLatch lockHeld = new CountDownLatch(1);
    CountDownLatch readersDone = new CountDownLatch(readers);
    Future<Boolean> writer =
        pool.submit(
            () -> {
              boolean[] released = {false};
              t.update(
                  "held",
                  v -> {
                    lockHeld.countDown();
                    try {
                      // the key's writer lock (the only one, with OFF) is held until every reader
                      // is done
                      released[0] = readersDone.await(TIMEOUT_S, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return v + 1;
                  });
              return released[0];
            });
    assertTrue(lockHeld.await(TIMEOUT_S, TimeUnit.SECONDS));
    List<Future<Long>> readerFutures = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      readerFutures.add(
          pool.submit(
              () -> {
                long sum = 0;
                for (int n = 0; n < lookups; n++) {
                  assertEquals(
                      List.of(0L),
                      t.lookup("held"),
                      "the update is not visible before it completes");
                  assertEquals(0L, t.get("held"));
                  sum += t.get("k" + (n % 100));
                  assertTrue(t.member("k" + (n % 100)));
                }
                assertEquals(101, t.size());
                assertEquals(101, t.toList().size());
                assertTrue(t.first() != null);
                readersDone.countDown();
                return sum;
              }));
    }
    for (Future<Long> f : readerFutures) {
      assertEquals((long) lookups / 100 * (99 * 100 / 2), f.get(TIMEOUT_S, TimeUnit.SECONDS));
    }
    assertTrue(
        writer.get(TIMEOUT_S, TimeUnit.SECONDS),
        "the writer was released by the readers, not by its timeout");
    assertEquals(1L, t.get("held"));
  }

  // ---- insertNew races ----

  @ParameterizedTest
  @TypesAndModes
  void insertNewHasExactlyOneWinnerPerKey(TableType type, WriteConcurrency mode) throws Exception {
    Table<Integer, Integer> t =
        tables
            .builder(type, Fixtures.unique("race"))
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    int threads = 4;
    int keys = 5_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Callable<List<Integer>>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int id = i;
      tasks.add(
          () -> {
            start.await();
            List<Integer> won = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
              if (t.insertNew(k, id)) {
                won.add(k);
              }
              // batches of three keys: all or nothing
              int b = keys + 3 * k;
              if (t.insertNewAll(
                  List.of(Map.entry(b, id), Map.entry(b + 1, id), Map.entry(b + 2, id)))) {
                won.add(-1 - k);
              }
            }
            return won;
          });
    }
    List<List<Integer>> wins = runAll(tasks);
    Map<Integer, Integer> winner = new HashMap<>();
    for (int id = 0; id < threads; id++) {
      for (int k : wins.get(id)) {
        Integer previous = winner.put(k, id);
        assertEquals(null, previous, "two winners for " + k);
      }
    }
    for (int k = 0; k < keys; k++) {
      assertTrue(winner.containsKey(k), "no winner for key " + k);
      assertEquals(List.of(winner.get(k)), t.lookup(k));
      int batch = -1 - k;
      assertTrue(winner.containsKey(batch), "no winner for batch " + k);
      int b = keys + 3 * k;
      for (int j = 0; j < 3; j++) {
        assertEquals(List.of(winner.get(batch)), t.lookup(b + j), "batch " + k + " key " + (b + j));
      }
    }
    assertEquals(4L * keys, t.size());
  }

  // ---- size while only inserts run ----

  @ParameterizedTest
  @TypesAndModes
  void sizeNeverDecreasesWhileOnlyInsertsRun(TableType type, WriteConcurrency mode)
      throws Exception {
    Table<Integer, Integer> t =
        tables
            .builder(type, Fixtures.unique("size"))
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    int inserters = 3;
    int perThread = 30_000;
    AtomicBoolean inserting = new AtomicBoolean(true);
    CyclicBarrier start = new CyclicBarrier(inserters + 1);
    CountDownLatch insertersDone = new CountDownLatch(inserters);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < inserters; i++) {
      int base = i * perThread;
      tasks.add(
          () -> {
            start.await();
            try {
              for (int k = 0; k < perThread; k++) {
                t.insert(base + k, k);
                if (k % 100 == 0) {
                  t.insertAll(List.of(Map.entry(-1 - base - k, k), Map.entry(-2 - base - k, k)));
                }
              }
            } finally {
              insertersDone.countDown();
            }
            return 0L;
          });
    }
    tasks.add(
        () -> {
          start.await();
          long last = 0;
          long samples = 0;
          while (inserting.get()) {
            long now = t.size();
            assertTrue(now >= last, "size went from " + last + " to " + now);
            last = now;
            samples++;
            if (insertersDone.getCount() == 0) {
              inserting.set(false);
            }
          }
          return samples;
        });
    List<Long> results = runAll(tasks);
    assertTrue(results.get(inserters) > 0);
    long expected = (long) inserters * perThread + (long) inserters * (perThread / 100) * 2;
    assertEquals(expected, t.size());
    assertEquals(expected, t.info().size());
  }

  // ---- traversal under concurrent churn ----

  @ParameterizedTest
  @TypesAndModes
  void traversalUnderChurnVisitsStableKeysExactlyOnce(TableType type, WriteConcurrency mode)
      throws Exception {
    Table<Integer, Integer> t =
        tables
            .builder(type, Fixtures.unique("churn"))
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    int stableKeys = 2_000;
    for (int k = 0; k < stableKeys; k++) {
      t.insert(k, k);
    }
    int churners = 2;
    AtomicBoolean walking = new AtomicBoolean(true);
    CyclicBarrier start = new CyclicBarrier(churners + 1);
    CountDownLatch churning = new CountDownLatch(churners);
    List<Future<Long>> churn = new ArrayList<>();
    for (int c = 0; c < churners; c++) {
      int base = 1_000_000 * (c + 1);
      churn.add(
          pool.submit(
              () -> {
                start.await();
                long ops = 0;
                // the table first grows (insert two, delete one) so walks cross resizes, then keeps
                // churning at a bounded size until the walks are done
                for (int n = 0; walking.get(); n++) {
                  if (n == 1_000) {
                    churning.countDown();
                  }
                  int k = base + 2 * (n % 30_000);
                  if (n < 30_000) {
                    t.insert(k, k);
                    t.insert(k + 1, k);
                    t.delete(k - 10);
                  } else {
                    t.delete(k);
                    t.insert(k, n);
                  }
                  ops += 3;
                }
                return ops;
              }));
    }
    start.await(TIMEOUT_S, TimeUnit.SECONDS);
    try {
      assertTrue(churning.await(TIMEOUT_S, TimeUnit.SECONDS), "churn under way before the walks");
      for (int round = 0; round < 3; round++) {
        List<Integer> walked = new ArrayList<>();
        for (Integer k = t.first(); k != null; k = t.next(k)) {
          walked.add(k);
        }
        assertStableOnceAndNoneTwice(stableKeys, walked, "next walk " + round);
        List<Integer> folded =
            t.foldl(
                new ArrayList<>(),
                (k, v, acc) -> {
                  acc.add(k);
                  return acc;
                });
        assertStableOnceAndNoneTwice(stableKeys, folded, "foldl " + round);
        List<Integer> listed = t.toList().stream().map(Map.Entry::getKey).toList();
        assertStableOnceAndNoneTwice(stableKeys, listed, "toList " + round);
        List<Integer> looked = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e = t.firstLookup();
            e != null;
            e = t.nextLookup(e.getKey())) {
          looked.add(e.getKey());
        }
        assertStableOnceAndNoneTwice(stableKeys, looked, "nextLookup walk " + round);
      }
    } finally {
      walking.set(false);
    }
    long ops = 0;
    for (Future<Long> f : churn) {
      ops += f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }
    assertTrue(ops > 0);
    for (int k = 0; k < stableKeys; k++) {
      assertEquals(List.of(k), t.lookup(k));
    }
  }

  // ---- operations racing the table's deletion ----

  @ParameterizedTest
  @TypesAndModes
  void operationsRacingDeletionSucceedOrReportTheDeletedTable(TableType type, WriteConcurrency mode)
      throws Exception {
    for (int round = 0; round < 50; round++) {
      String name = Fixtures.unique("doomed");
      Table<Integer, Integer> t =
          tables.builder(type, name).named().access(Access.PUBLIC).writeConcurrency(mode).build();
      for (int k = 0; k < 500; k++) {
        t.insert(k, k);
      }
      int workers = 2;
      CyclicBarrier start = new CyclicBarrier(workers + 1);
      List<Future<Long>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int id = w;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  long ops = 0;
                  try {
                    for (int n = 0; ; n++) {
                      int k = n % 1000;
                      if (id == 0) {
                        t.insertAll(List.of(Map.entry(k, n), Map.entry(k + 1000, n)));
                        t.delete(k + 1000);
                      } else {
                        t.lookup(k);
                        t.next(k);
                        if (n % 100 == 0) {
                          t.toList();
                        }
                      }
                      ops++;
                    }
                  } catch (TableDeletedException expected) {
                    Fixtures.assertNamesTable(expected, name);
                  }
                  return ops;
                }));
      }
      start.await(TIMEOUT_S, TimeUnit.SECONDS);
      t.delete();
      for (Future<Long> f : futures) {
        f.get(
            TIMEOUT_S,
            TimeUnit.SECONDS); // any exception other than TableDeletedException fails here
      }
      assertTrue(t.isDeleted());
      assertEquals(java.util.Optional.empty(), Tables.whereis(name));
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void namedTableStaysFindableDuringLongInserts(WriteConcurrency mode) throws Exception {
    String name = Fixtures.unique("busy");
    SetTable<Integer, Integer> t =
        tables.set(name).named().access(Access.PUBLIC).writeConcurrency(mode).build();
    AtomicBoolean inserting = new AtomicBoolean(true);
    CyclicBarrier start = new CyclicBarrier(2);
    Future<Long> writer =
        pool.submit(
            () -> {
              start.await();
              try {
                for (int b = 0; b < 20; b++) {
                  List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
                  for (int k = 0; k < 5_000; k++) {
                    batch.add(Map.entry(b * 5_000 + k, k));
                  }
                  t.insertAll(batch);
                }
              } finally {
                inserting.set(false);
              }
              return 0L;
            });
    start.await(TIMEOUT_S, TimeUnit.SECONDS);
    long checks = 0;
    while (inserting.get()) {
      assertTrue(Tables.whereis(name).isPresent(), "whereis lost a live table");
      assertEquals(name, t.info().name());
      checks++;
    }
    writer.get(TIMEOUT_S, TimeUnit.SECONDS);
    assertTrue(checks > 0);
    assertEquals(100_000, t.size());
  }

  // ---- ownership changes racing exits ----

  @org.junit.jupiter.api.Test
  void giveAwayRacingTheReceiversExitEitherFailsOrHandsOverADyingTable() throws Exception {
    for (int round = 0; round < 300; round++) {
      io.jets.owner.OwnerScope owner = io.jets.owner.OwnerScope.open("owner");
      io.jets.owner.OwnerScope receiver = io.jets.owner.OwnerScope.open("receiver");
      SetTable<String, Long> t;
      try (io.jets.owner.Owner.Binding b = owner.bind()) {
        t = tables.set(Fixtures.unique("gift")).named().build();
      }
      CyclicBarrier start = new CyclicBarrier(2);
      Future<Boolean> gave =
          pool.submit(
              () -> {
                start.await();
                try (io.jets.owner.Owner.Binding b = owner.bind()) {
                  t.giveAway(receiver, "gift");
                  return true;
                } catch (BadArgumentException receiverGone) {
                  return false;
                }
              });
      Future<?> exited =
          pool.submit(
              () -> {
                start.await();
                receiver.close();
                return null;
              });
      exited.get(TIMEOUT_S, TimeUnit.SECONDS);
      if (gave.get(TIMEOUT_S, TimeUnit.SECONDS)) {
        assertTrue(
            t.isDeleted(), "round " + round + ": given to an owner that then exited, with no heir");
        assertEquals(java.util.Optional.empty(), Tables.whereis(t.name()));
      } else {
        assertFalse(t.isDeleted(), "round " + round + ": the refused gift stays with its owner");
        assertSame(owner, t.owner());
      }
      owner.close();
      assertTrue(t.isDeleted());
    }
  }

  @org.junit.jupiter.api.Test
  void ownerAndHeirExitingTogetherNeverLeaveAnOrphanTable() throws Exception {
    for (int round = 0; round < 300; round++) {
      io.jets.owner.OwnerScope owner = io.jets.owner.OwnerScope.open("owner");
      io.jets.owner.OwnerScope heir = io.jets.owner.OwnerScope.open("heir");
      SetTable<String, Long> t;
      try (io.jets.owner.Owner.Binding b = owner.bind()) {
        t = tables.set(Fixtures.unique("orphan")).heir(heir, "d").build();
      }
      CyclicBarrier start = new CyclicBarrier(2);
      List<Callable<Object>> exits =
          List.of(
              () -> {
                start.await();
                owner.close();
                return null;
              },
              () -> {
                start.await();
                heir.close();
                return null;
              });
      runAll(exits);
      assertTrue(t.isDeleted(), "round " + round + ": both owners exited, the table must be gone");
      assertFalse(Tables.all().contains(t));
    }
  }

  private static void assertStableOnceAndNoneTwice(
      int stableKeys, List<Integer> visited, String what) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int k : visited) {
      counts.merge(k, 1, Integer::sum);
    }
    for (int k = 0; k < stableKeys; k++) {
      assertEquals(1, counts.getOrDefault(k, 0), what + ": stable key " + k);
    }
    // every key has at most one object at any time here, and a walk never goes back: no key twice
    counts.forEach((k, n) -> assertEquals(1, n, what + ": key " + k + " visited " + n + " times"));
  }
}
