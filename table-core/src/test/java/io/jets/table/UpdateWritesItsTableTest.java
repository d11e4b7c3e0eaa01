package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.TreeTables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An update function that writes its own table, under the writer lock the update holds, is
 * detected: the nested write throws IllegalStateException naming the table, the update fails, and
 * the table is unchanged (before, a delete inside update left size 0 with one object, and an
 * ordered table lost an insert made inside update).
 */
class UpdateWritesItsTableTest {

  static List<Arguments> tables() {
    return List.of(
        Arguments.of(TableType.SET, WriteConcurrency.OFF),
        Arguments.of(TableType.SET, WriteConcurrency.ON),
        Arguments.of(TableType.SET, WriteConcurrency.AUTO),
        Arguments.of(TableType.ORDERED_SET, WriteConcurrency.OFF),
        Arguments.of(TableType.ORDERED_SET, WriteConcurrency.ON));
  }

  /** Tables with one writer lock: every other key is under the update's lock. */
  static List<Arguments> oneLockTables() {
    return List.of(
        Arguments.of(TableType.SET, WriteConcurrency.OFF),
        Arguments.of(TableType.ORDERED_SET, WriteConcurrency.OFF));
  }

  private static SetTable<String, Long> table(TableType type, WriteConcurrency mode) {
    String name = "update-writes-" + type + "-" + mode;
    SetTable<String, Long> t =
        type == TableType.SET
            ? Tables.<String, Long>set(name).access(Access.PUBLIC).writeConcurrency(mode).build()
            : Tables.<String, Long>orderedSet(name)
                .access(Access.PUBLIC)
                .writeConcurrency(mode)
                .build();
    t.insert("k", 1L);
    t.insert("other", 5L);
    return t;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void aWriteOfTheSameKeyFromTheFunctionFailsAndChangesNothing(
      TableType type, WriteConcurrency mode) {
    Map<String, Consumer<SetTable<String, Long>>> nested =
        Map.of(
            "insert", t -> t.insert("k", 9L),
            "delete", t -> t.delete("k"),
            "insertAll", t -> t.insertAll(List.of(Map.entry("k", 9L))),
            "deleteAllObjects", SetTable::deleteAllObjects,
            "updateCounter", t -> t.updateCounter("k", 1));
    for (Map.Entry<String, Consumer<SetTable<String, Long>>> write : nested.entrySet()) {
      SetTable<String, Long> t = table(type, mode);
      try {
        assertRefusedInUpdate(t, write.getKey(), write.getValue());
        assertEquals(1L, t.get("k"), write.getKey() + ": unchanged");
        assertEquals(5L, t.get("other"));
        assertEquals(2, t.size(), write.getKey() + ": the count agrees with the contents");
        t.insert("k", 3L); // the lock was released
        assertEquals(3L, t.get("k"));
      } finally {
        t.delete();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("oneLockTables")
  void aWriteOfAnotherKeyUnderTheSameLockFails(TableType type, WriteConcurrency mode) {
    SetTable<String, Long> t = table(type, mode);
    try {
      assertThrows(
          IllegalStateException.class,
          () ->
              t.update(
                  "k",
                  v -> {
                    t.insert("x", 7L);
                    return v + 1;
                  }));
      assertFalse(t.member("x"), "the nested insert was not made");
      assertEquals(1L, t.get("k"));
      assertEquals(2, t.size());
    } finally {
      t.delete();
    }
  }

  /**
   * Regression: a write from the function under another stripe that made the table grow resized it
   * on the update's thread (the stripe lock is reentrant), and the update then wrote its value into
   * a node the resize had copied: it returned true and its value was lost.
   */
  @ParameterizedTest
  @MethodSource("writesThatGrowTheTable")
  void aWriteUnderAnotherStripeThatGrowsTheTableKeepsTheUpdate(
      String write, Consumer<SetTable<Integer, Integer>> nested) {
    SetTable<Integer, Integer> t =
        Tables.<Integer, Integer>set("update-grows-" + write)
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    try {
      for (int k = 0; k < 47; k++) {
        t.insert(k, 0); // one key short of the first load limit of the ON table
      }
      assertTrue(
          t.update(
              0,
              v -> {
                nested.accept(t);
                return 42;
              }));
      assertEquals(42, t.get(0), "the update's value is in the table");
      List<Integer> added = keysUnderOtherStripes();
      int size = 47 + (write.equals("insert") ? 1 : added.size());
      assertEquals(size, t.size());
      int slots = 64; // a slot is a bucket: the table grew when the update released its lock
      while (size >= slots * 3 / 4) {
        slots *= 2;
      }
      assertNotNull(t.slot(slots - 1), "grown to " + slots + " buckets");
      for (int k = 1; k < 47; k++) {
        assertEquals(0, t.get(k));
      }
      for (Integer k : write.equals("insert") ? added.subList(0, 1) : added) {
        assertEquals(k, t.get(k));
      }
      assertTrue(t.update(0, v -> v + 1), "the lock and the grown table work on");
      assertEquals(43, t.get(0));
    } finally {
      t.delete();
    }
  }

  /**
   * The ordered store's form of the same: quiet writes from the function to the base beside the
   * update's (a CA tree of two bases) made the last of them join the two bases on the update's
   * thread (the base lock is reentrant, so the join took the update's locked base for a free
   * neighbour). The update's base was retired under it: a write of a key its lock covers was no
   * longer refused, and the update then wrote its value into the retired base, lost.
   */
  @ParameterizedTest
  @EnumSource(
      value = WriteConcurrency.class,
      names = {"ON", "AUTO"})
  void quietWritesUnderTheNeighbouringBaseKeepTheUpdatesBase(WriteConcurrency mode) {
    OrderedTable<Integer, Integer> t =
        Tables.<Integer, Integer>orderedSet("update-joins-" + mode)
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    try {
      for (int k = 0; k < 1_000; k++) {
        t.insert(k, 0);
      }
      assertTrue(TreeTables.forceSplit(t, 500));
      assertEquals(2, t.info().lockStripes(), "keys 0 and 1 under one base, key 999 the other");
      assertTrue(
          t.update(
              0,
              v -> {
                for (int i = 1; i <= 1_500; i++) {
                  t.insert(999, i); // quiet writes: enough to call for a join
                }
                IllegalStateException refused =
                    assertThrows(
                        IllegalStateException.class,
                        () -> t.insert(1, -1),
                        "key 1 is under the update's lock");
                assertTrue(refused.getMessage().contains(t.name()), refused.getMessage());
                return 42;
              }));
      assertEquals(42, t.get(0), "the update's value is in the table");
      assertEquals(0, t.get(1), "the refused write wrote nothing");
      assertEquals(1_500, t.get(999));
      assertEquals(1_000, t.size());
      assertTrue(t.update(0, v -> v + 1), "the lock and the tree work on");
      assertEquals(43, t.get(0));
    } finally {
      t.delete();
    }
  }

  static List<Arguments> writesThatGrowTheTable() {
    List<Integer> keys = keysUnderOtherStripes();
    Consumer<SetTable<Integer, Integer>> insert = t -> t.insert(keys.get(0), keys.get(0));
    return List.of(Arguments.of("insert", insert));
  }

  /**
   * A multi-object write or a clear from the function is refused even when none of its keys is
   * under the update's lock: it would wait for the table's batch lock, which another batch may hold
   * while it waits for the update's lock (a deadlock the review found with a concurrent insertAll).
   */
  @ParameterizedTest
  @MethodSource("tables")
  void aMultiObjectWriteFromTheFunctionIsRefusedWhateverItsKeys(
      TableType type, WriteConcurrency mode) {
    Map<String, Consumer<SetTable<String, Long>>> nested =
        Map.of(
            "insertAll", t -> t.insertAll(List.of(Map.entry("elsewhere", 9L))),
            "insertNewAll", t -> t.insertNewAll(List.of(Map.entry("elsewhere", 9L))),
            "deleteAllObjects", SetTable::deleteAllObjects);
    for (Map.Entry<String, Consumer<SetTable<String, Long>>> write : nested.entrySet()) {
      SetTable<String, Long> t = table(type, mode);
      try {
        assertRefusedInUpdate(t, write.getKey(), write.getValue());
        assertFalse(t.member("elsewhere"), write.getKey() + ": nothing written");
        assertEquals(1L, t.get("k"));
        assertEquals(2, t.size());
        t.insertAll(List.of(Map.entry("elsewhere", 2L))); // every lock was released
        assertEquals(2L, t.get("elsewhere"));
      } finally {
        t.delete();
      }
    }
  }

  /**
   * Regression: a write from the function under another stripe that pushed the table past its load
   * limit waited for the batch lock, which another thread's resize held while it waited for the
   * update's stripe: both threads stopped for good. The resize is now left to the update's release.
   */
  @Test
  void aGrowthCalledForInsideTheFunctionDoesNotWaitForAResizeWaitingForTheUpdate()
      throws InterruptedException {
    SetTable<Integer, Integer> t =
        Tables.<Integer, Integer>set("update-grows-while-resizing")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    try {
      for (int k = 0; k < 47; k++) {
        t.insert(k, 0); // one key short of the first load limit of the ON table
      }
      CountDownLatch inFunction = new CountDownLatch(1);
      AtomicReference<Thread> resizer = new AtomicReference<>();
      AtomicBoolean updated = new AtomicBoolean();
      Thread updater =
          Thread.ofPlatform()
              .daemon(true)
              .start(
                  () ->
                      updated.set(
                          t.update(
                              0,
                              v -> {
                                inFunction.countDown();
                                while (resizer.get() == null) {
                                  Thread.onSpinWait();
                                }
                                // Its resize holds the batch lock and waits for stripe 0.
                                awaitWaiting(resizer.get());
                                t.insert(1001, 1); // another stripe: past the load limit
                                return 42;
                              })));
      inFunction.await();
      // An insert under stripe 47 that reaches the load limit: its release resizes, which takes
      // the batch lock and then every stripe in order, and waits on stripe 0 (the update's).
      resizer.set(Thread.ofPlatform().daemon(true).start(() -> t.insert(47, 0)));
      updater.join(TimeUnit.SECONDS.toMillis(60));
      assertFalse(updater.isAlive(), "the update and the resize wait for each other");
      resizer.get().join(TimeUnit.SECONDS.toMillis(60));
      assertFalse(resizer.get().isAlive());
      assertTrue(updated.get());
      assertEquals(42, t.get(0));
      assertEquals(1, t.get(1001));
      assertEquals(0, t.get(47));
      assertEquals(49, t.size());
    } finally {
      t.delete();
    }
  }

  /** An update of "k" whose function makes {@code write} fails naming the table. */
  private static void assertRefusedInUpdate(
      SetTable<String, Long> t, String what, Consumer<SetTable<String, Long>> write) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                t.update(
                    "k",
                    v -> {
                      write.accept(t);
                      return v + 1;
                    }),
            what);
    assertTrue(e.getMessage().contains(t.name()), e.getMessage());
  }

  /** Returns once {@code thread} is parked (or has ended); fails after a minute. */
  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(thread + " never waited: " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  /** Keys 1000 to 1199 but those under key 0's stripe (an ON table has 64: Integer's hash). */
  private static List<Integer> keysUnderOtherStripes() {
    return java.util.stream.IntStream.range(1000, 1200).filter(k -> k % 64 != 0).boxed().toList();
  }
}
