package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.tree.ContentionAdaptingTree.BaseNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The CA tree under forced and natural adaptation, checked against a TreeMap model. */
class ContentionAdaptingTreeTest {

  private static OrderedTable<Integer, Integer> table(String name, WriteConcurrency mode) {
    OrderedTable<Integer, Integer> table =
        Tables.orderedSet(name).access(Access.PUBLIC).writeConcurrency(mode).build();
    return table;
  }

  /** Splits the base holding {@code key}, as a contended writer would. */
  static boolean forceSplit(ContentionAdaptingTree tree, Object key) {
    BaseNode base = tree.lockBase(key);
    try {
      return tree.trySplit(base);
    } finally {
      base.lock.unlock();
    }
  }

  /** Joins the base holding {@code key} with its neighbour, as a quiet writer would. */
  static boolean forceJoin(ContentionAdaptingTree tree, Object key) {
    BaseNode base = tree.lockBase(key);
    try {
      return tree.tryJoin(base);
    } finally {
      base.lock.unlock();
    }
  }

  private static void checkAgainst(
      TreeMap<Integer, Integer> model, OrderedTable<Integer, Integer> table, Random random) {
    List<Map.Entry<Integer, Integer>> expected = new ArrayList<>(model.entrySet());
    assertEquals(expected, table.toList());
    assertEquals(model.size(), table.size());
    List<Map.Entry<Integer, Integer>> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);
    assertEquals(
        reversed, table.selectReverse(MatchSpec.<Integer, Integer>anyKey().returnObject()));
    List<Integer> folded =
        table.foldr(
            new ArrayList<>(),
            (k, v, acc) -> {
              acc.add(k);
              return acc;
            });
    assertEquals(new ArrayList<>(model.descendingKeySet()), folded);
    assertEquals(model.isEmpty() ? null : model.firstKey(), table.first());
    assertEquals(model.isEmpty() ? null : model.lastKey(), table.last());
    for (int i = 0; i < 20; i++) {
      int probe = random.nextInt(1_100) - 50;
      assertEquals(model.higherKey(probe), table.next(probe), "next(" + probe + ")");
      assertEquals(model.lowerKey(probe), table.prev(probe), "prev(" + probe + ")");
      int index = random.nextInt(model.size() + 1);
      List<Map.Entry<Integer, Integer>> slot = table.slot(index);
      if (index < expected.size()) {
        assertEquals(List.of(expected.get(index)), slot);
      } else {
        assertNull(slot);
      }
      int from = random.nextInt(1_000);
      int to = from + random.nextInt(200);
      assertEquals(
          new ArrayList<>(model.subMap(from, true, to, false).keySet()),
          table.select(MatchSpec.<Integer, Integer>where(KeyPattern.range(from, to)).returnKey()));
    }
  }

  private static <R> List<R> drain(io.jets.table.Page<R> page) {
    List<R> all = new ArrayList<>(page.results());
    while (page.hasNext()) {
      page = page.next();
      all.addAll(page.results());
    }
    return all;
  }

  @Test
  void seededRandomOperationsThroughSplitsAndJoinsMatchATreeMap() {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      OrderedTable<Integer, Integer> table = table("cat-model-" + seed, WriteConcurrency.ON);
      ContentionAdaptingTree tree = TreeTables.treeOf(table);
      TreeMap<Integer, Integer> model = new TreeMap<>();
      int maxBases = 1;
      for (int step = 0; step < 6_000; step++) {
        int key = random.nextInt(1_000);
        int value = random.nextInt();
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> {
            table.insert(key, value);
            model.put(key, value);
          }
          case 3 ->
              assertEquals(model.putIfAbsent(key, value) == null, table.insertNew(key, value));
          case 4 -> assertEquals(model.remove(key) != null, table.delete(key));
          case 5 -> {
            Integer removed = model.remove(key);
            assertEquals(removed == null ? List.of() : List.of(removed), table.take(key));
          }
          case 6 -> {
            List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
            for (int i = random.nextInt(6); i >= 0; i--) {
              batch.add(Map.entry(random.nextInt(1_000), random.nextInt()));
            }
            if (random.nextBoolean()) {
              table.insertAll(batch);
              batch.forEach(e -> model.put(e.getKey(), e.getValue()));
            } else {
              boolean fresh = batch.stream().noneMatch(e -> model.containsKey(e.getKey()));
              assertEquals(fresh, table.insertNewAll(batch));
              if (fresh) {
                batch.forEach(e -> model.put(e.getKey(), e.getValue()));
              }
            }
          }
          case 7 -> {
            forceSplit(tree, key);
            forceSplit(tree, random.nextInt(1_000));
          }
          case 8 -> forceJoin(tree, key);
          default -> assertEquals(model.get(key), table.get(key));
        }
        maxBases = Math.max(maxBases, tree.baseCount());
        if (step % 500 == 0) {
          checkAgainst(model, table, random);
        }
      }
      checkAgainst(model, table, random);
      assertTrue(maxBases > 4, "the forced splits built a routing layer: " + maxBases);
      table.delete();
    }
  }

  @Test
  void concurrentWritersThroughSplitsAndJoinsKeepEveryKeyAndEveryStableKeyVisibleToTraversals()
      throws Exception {
    int writers = 2;
    OrderedTable<Integer, Integer> table = table("cat-concurrent", WriteConcurrency.ON);
    ContentionAdaptingTree tree = TreeTables.treeOf(table);
    List<Integer> stable = new ArrayList<>();
    for (int k = 0; k < 3_000; k += 10) {
      stable.add(k);
      table.insert(k, -k);
    }
    CyclicBarrier start = new CyclicBarrier(writers + 1);
    AtomicBoolean readerDone = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<TreeMap<Integer, Integer>> models = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int residue = w + 1; // writer w owns the keys k with k % 10 == w + 1
      TreeMap<Integer, Integer> model = new TreeMap<>();
      models.add(model);
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      Random random = new Random(residue);
                      start.await();
                      int step = 0;
                      while (!readerDone.get() || step < 20_000) {
                        int key = random.nextInt(300) * 10 + residue;
                        switch (random.nextInt(8)) {
                          case 0, 1, 2 -> {
                            table.insert(key, step);
                            model.put(key, step);
                          }
                          case 3, 4 -> {
                            table.delete(key);
                            model.remove(key);
                          }
                          case 5 -> {
                            int other = random.nextInt(300) * 10 + residue;
                            table.insertAll(List.of(Map.entry(key, step), Map.entry(other, step)));
                            model.put(key, step);
                            model.put(other, step);
                          }
                          case 6 -> forceSplit(tree, key);
                          default -> forceJoin(tree, key);
                        }
                        step++;
                      }
                    } catch (Throwable t) {
                      failures.add(t);
                    }
                  }));
    }
    start.await();
    Integer[] stableKeys = stable.toArray(new Integer[0]);
    MatchSpec<Integer, Integer, Integer> stableSpec =
        MatchSpec.<Integer, Integer>anyKey().guard((k, v) -> k % 10 == 0).returnKey();
    try {
      for (int round = 0; round < 40; round++) {
        assertEquals(List.of(stableKeys), table.select(stableSpec));
        List<Integer> walked = new ArrayList<>();
        for (Integer k = table.first(); k != null; k = table.next(k)) {
          if (k % 10 == 0) {
            walked.add(k);
          }
        }
        assertEquals(List.of(stableKeys), walked);
        List<Integer> back = new ArrayList<>();
        for (Integer k = table.last(); k != null; k = table.prev(k)) {
          if (k % 10 == 0) {
            back.add(0, k);
          }
        }
        assertEquals(List.of(stableKeys), back);
        assertEquals(
            stable.size(),
            table.selectCount(
                MatchSpec.<Integer, Integer>anyKey().guard((k, v) -> k % 10 == 0).returnTrue()));
        List<Integer> reversed = new ArrayList<>(table.selectReverse(stableSpec));
        Collections.reverse(reversed);
        assertEquals(List.of(stableKeys), reversed);
        assertEquals(List.of(stableKeys), drain(table.select(stableSpec, 7)));
        List<Integer> chunkedBack = drain(table.selectReverse(stableSpec, 7));
        Collections.reverse(chunkedBack);
        assertEquals(List.of(stableKeys), chunkedBack);
        assertEquals(
            List.of(stableKeys),
            table.foldl(
                new ArrayList<Integer>(),
                (k, v, acc) -> {
                  if (k % 10 == 0) {
                    acc.add(k);
                  }
                  return acc;
                }));
        List<Integer> folded =
            table.foldr(
                new ArrayList<Integer>(),
                (k, v, acc) -> {
                  if (k % 10 == 0) {
                    acc.add(0, k);
                  }
                  return acc;
                });
        assertEquals(List.of(stableKeys), folded);
      }
    } finally {
      readerDone.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
    }
    assertTrue(failures.isEmpty(), () -> "writer failed: " + failures);
    TreeMap<Integer, Integer> expected = new TreeMap<>();
    stable.forEach(k -> expected.put(k, -k));
    models.forEach(expected::putAll);
    assertEquals(new ArrayList<>(expected.entrySet()), table.toList());
    assertEquals(expected.size(), table.size());
    table.delete();
  }

  /**
   * Makes a second writer meet a held base lock: the first writer holds the base inside an update
   * function until the second is queued on the lock, so the second's tryLock fails every round.
   */
  private static void contendOnce(OrderedTable<Integer, Integer> table, int key) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofPlatform()
            .start(
                () ->
                    table.update(
                        key,
                        v -> {
                          holding.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return v;
                        }));
    holding.await();
    BaseNode base =
        TreeTables.treeOf(table)
            .descend(
                key,
                ContentionAdaptingTree.Seek
                    .AT_OR_ABOVE); // a plain descent: the holder has its lock
    Thread contender = Thread.ofPlatform().start(() -> table.insert(key + 1, key));
    while (contender.isAlive() && !base.lock.hasQueuedThread(contender) && base.valid) {
      Thread.onSpinWait();
    }
    release.countDown();
    holder.join();
    contender.join();
  }

  @Test
  void contentionFromTwoWritersSplitsBasesAndQuietWritesJoinThemBack() throws Exception {
    OrderedTable<Integer, Integer> table = table("cat-contention", WriteConcurrency.ON);
    for (int k = 0; k < 1_000; k++) {
      table.insert(k, k);
    }
    assertEquals(1, table.info().lockStripes());
    int rounds = 0;
    while (table.info().lockStripes() < 4 && rounds < 200) {
      contendOnce(table, (rounds * 97) % 990);
      rounds++;
    }
    int grown = table.info().lockStripes();
    assertTrue(
        grown >= 4,
        "contended writers split the base: " + grown + " bases after " + rounds + " rounds");
    assertEquals(1_000, table.size());
    // Uncontended writes lower every base's statistic until the bases join back into one.
    Random random = new Random(3);
    for (int i = 0; i < 1_000_000 && table.info().lockStripes() > 1; i++) {
      table.insert(random.nextInt(1_000), i);
    }
    assertEquals(1, table.info().lockStripes(), "quiet writes joined every base back");
    assertEquals(1_000, table.size());
    table.delete();
  }

  /** Writes {@code key} from a thread of its own, and waits for it. */
  private static void insertFromAnotherThread(OrderedTable<Integer, Integer> table, int key)
      throws InterruptedException {
    Thread.ofPlatform().start(() -> table.insert(key, -key)).join();
  }

  /**
   * A table of keys 0..999 in two bases, split at 500: this thread writes the left one, and {@code
   * between} runs before every 500 of its writes (each a quiet acquisition).
   */
  private static int basesAfterQuietWrites(String name, int rounds, BetweenRounds between)
      throws Exception {
    OrderedTable<Integer, Integer> table = table(name, WriteConcurrency.ON);
    for (int k = 0; k < 1_000; k++) {
      table.insert(k, k);
    }
    assertTrue(forceSplit(TreeTables.treeOf(table), 500));
    assertEquals(2, table.info().lockStripes());
    for (int round = 0; round < rounds; round++) {
      between.accept(table, round);
      for (int i = 0; i < 500; i++) {
        table.insert(i % 100, i);
      }
    }
    int bases = table.info().lockStripes();
    assertEquals(1_000, table.size());
    table.delete();
    return bases;
  }

  /** What happens before each round of quiet writes: other threads' writes, or none. */
  private interface BetweenRounds {
    void accept(OrderedTable<Integer, Integer> table, int round) throws Exception;
  }

  @Test
  void aQuietBaseDoesNotJoinANeighbourThatAnotherThreadWritesBetweenItsLooks() throws Exception {
    // 20 rounds of 500 quiet writes pass JOIN_LIMIT several times over: without the check, the
    // bases join after the first 1,001 writes.
    assertEquals(
        2,
        basesAfterQuietWrites(
            "cat-no-join", 20, (table, round) -> insertFromAnotherThread(table, 700)));
  }

  @Test
  void aNeighbourWrittenByThisThreadAndAnotherIsNotJoinedEither() throws Exception {
    // The other thread writes first and this thread last: a record of the last writer alone
    // would let the join through.
    assertEquals(
        2,
        basesAfterQuietWrites(
            "cat-no-join-shared",
            20,
            (table, round) -> {
              insertFromAnotherThread(table, 700);
              table.insert(701, round);
            }));
  }

  @Test
  void aQuietBaseJoinsItsNeighbourOnceNoOtherThreadWritesIt() throws Exception {
    // The other thread writes the neighbour in the first round only: the first look finds its
    // mark and clears it, a later look finds the neighbour written by nobody else and joins.
    assertEquals(
        1,
        basesAfterQuietWrites(
            "cat-join-later",
            20,
            (table, round) -> {
              if (round == 0) {
                insertFromAnotherThread(table, 700);
              }
            }));
    // And a neighbour that this thread alone writes joins at the first look.
    assertEquals(
        1, basesAfterQuietWrites("cat-join-own", 3, (table, round) -> table.insert(701, round)));
  }

  @Test
  void twoFreelyContendingWritersKeepEveryObject() throws Exception {
    OrderedTable<Integer, Integer> table = table("cat-free", WriteConcurrency.AUTO);
    CyclicBarrier start = new CyclicBarrier(2);
    Runnable writer =
        () -> {
          try {
            start.await();
            Random random = new Random();
            for (int i = 0; i < 300_000; i++) {
              table.insert(random.nextInt(2_000), i);
              table.delete(random.nextInt(2_000) + 2_000);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Thread other = Thread.ofPlatform().start(writer);
    writer.run();
    other.join();
    assertEquals(2_000, table.size());
    assertEquals(2_000, table.toList().size());
    table.delete();
  }

  @Test
  void writeConcurrencyOffIsOneBaseThatNeverAdapts() throws Exception {
    OrderedTable<Integer, Integer> table = table("cat-off", WriteConcurrency.OFF);
    CyclicBarrier start = new CyclicBarrier(2);
    Runnable writer =
        () -> {
          try {
            start.await();
            for (int i = 0; i < 200_000; i++) {
              table.insert(i % 500, i);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Thread other = Thread.ofPlatform().start(writer);
    writer.run();
    other.join();
    assertEquals(1, table.info().lockStripes());
    assertEquals(500, table.size());
    table.delete();
  }

  @Test
  void aBaseStatisticStaysWithinTwiceItsLimitsWhateverHappens() {
    int statistic = 0;
    for (int i = 0; i < 10_000_000; i++) {
      statistic = ContentionAdaptingTree.nextStatistic(statistic, true);
    }
    assertEquals(2 * ContentionAdaptingTree.SPLIT_LIMIT, statistic);
    for (int i = 0; i < 10_000_000; i++) {
      statistic = ContentionAdaptingTree.nextStatistic(statistic, false);
    }
    assertEquals(2 * ContentionAdaptingTree.JOIN_LIMIT, statistic);
    assertTrue(ContentionAdaptingTree.nextStatistic(Integer.MAX_VALUE, true) > 0);
    assertTrue(ContentionAdaptingTree.nextStatistic(Integer.MIN_VALUE, false) < 0);
  }
}
