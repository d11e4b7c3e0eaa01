package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An {@code ordered_set} keeps each value inline in its leaf, beside its key, and a write of a
 * present key (the same key object) replaces the value in that slot while readers walk the leaf.
 * Readers racing such a writer must still see every key exactly once, in order, each with a value
 * written for that key, and never a value older than one they saw before (reads are linearizable):
 * through a range select (of objects, of values alone and of keys alone), a reverse select (of
 * objects, of values alone and of keys alone), the map view's iteration and single-key reads. The
 * writer runs until the reader is done, and the reader waits for a new pass of the writer before
 * each round, so reads and writes interleave without a sleep.
 */
class OrderedValuesInPlaceRaceTest {

  private static final int KEYS = 600;
  private static final int FIRST = 1_000; // outside Integer's cache: each key one object of ours
  private static final long STEP = 1_000_000L; // value = key * STEP + version

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void readersSeeEachKeyOnceWithAValueWrittenForIt(WriteConcurrency mode) throws Exception {
    OrderedTable<Integer, Long> table =
        Tables.<Integer, Long>orderedSet("values-in-place-" + mode)
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    Integer[] keys = new Integer[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = Integer.valueOf(FIRST + i);
      table.insert(keys[i], (long) keys[i] * STEP);
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong passes = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch firstPass = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try {
                for (long version = 1; !done.get(); version++) {
                  for (Integer key : keys) { // the stored key object: its value is written in place
                    table.insert(key, key * STEP + version % STEP);
                  }
                  passes.incrementAndGet();
                  firstPass.countDown();
                }
              } catch (Throwable t) {
                failure.set(t);
                firstPass.countDown();
              }
            });
    writer.start();
    long[] seen = new long[KEYS]; // the newest version this reader has seen per key; -1: none
    Arrays.fill(seen, -1);
    try {
      firstPass.await();
      for (int round = 0; round < 60 && failure.get() == null; round++) {
        long before = passes.get();
        while (passes.get() == before && failure.get() == null) {
          Thread.onSpinWait(); // a writer pass between rounds: the reads race new values
        }
        int lo = FIRST + (round * 37) % KEYS;
        int hi = Math.min(FIRST + KEYS, lo + 50 + round * 11);
        MatchSpec<Integer, Long, Map.Entry<Integer, Long>> range =
            MatchSpec.<Integer, Long>where(KeyPattern.range(lo, true, hi, false)).returnObject();
        check(table.select(range), lo, hi, false, seen);
        check(table.selectReverse(range), lo, hi, true, seen);
        // Values alone: copied from the leaves a stretch at a time (Leaf.values).
        List<Long> values =
            table.select(
                MatchSpec.<Integer, Long>where(KeyPattern.range(lo, true, hi, false))
                    .returnValue());
        List<Map.Entry<Integer, Long>> positioned = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          positioned.add(Map.entry(lo + i, values.get(i)));
        }
        check(positioned, lo, hi, false, seen);
        // Values alone, last to first: handed over a leaf's run at a time (visitRunReversed).
        List<Long> reversedValues =
            table.selectReverse(
                MatchSpec.<Integer, Long>where(KeyPattern.range(lo, true, hi, false))
                    .returnValue());
        List<Map.Entry<Integer, Long>> reversedPositioned = new ArrayList<>();
        for (int i = 0; i < reversedValues.size(); i++) {
          reversedPositioned.add(Map.entry(hi - 1 - i, reversedValues.get(i)));
        }
        check(reversedPositioned, lo, hi, true, seen);
        List<Integer> expectedKeys = new ArrayList<>();
        for (int key = lo; key < hi; key++) {
          expectedKeys.add(key);
        }
        assertEquals(
            expectedKeys,
            table.select(
                MatchSpec.<Integer, Long>where(KeyPattern.range(lo, true, hi, false)).returnKey()),
            "keys alone, each once in order");
        assertEquals(
            expectedKeys.reversed(),
            table.selectReverse(
                MatchSpec.<Integer, Long>where(KeyPattern.range(lo, true, hi, false)).returnKey()),
            "keys alone, each once, last to first");
        check(
            new ArrayList<>(table.asNavigableMap().subMap(lo, true, hi, false).entrySet()),
            lo,
            hi,
            false,
            seen);
        for (int key = lo; key < hi; key++) {
          check(List.of(Map.entry(key, table.get(key))), key, key + 1, false, seen);
        }
      }
    } finally {
      done.set(true);
      writer.join();
      table.delete();
    }
    assertNull(failure.get(), "the writer failed");
    assertTrue(passes.get() >= 60, "the writer made a pass per round: " + passes.get());
    for (int i = 0; i < KEYS; i++) {
      // Every read came after a whole pass of the writer, so it saw a value the writer wrote.
      assertTrue(seen[i] == -1 || seen[i] >= 1, "key " + (FIRST + i) + " read at its first value");
    }
  }

  /**
   * The objects of [lo, hi), ascending or reversed: every key once, each value written for its key
   * and no older than the newest this reader has seen for it.
   */
  private static void check(
      List<Map.Entry<Integer, Long>> objects, int lo, int hi, boolean reversed, long[] seen) {
    assertEquals(hi - lo, objects.size(), "every key in [" + lo + ", " + hi + ") once");
    for (int i = 0; i < objects.size(); i++) {
      Map.Entry<Integer, Long> object = objects.get(i);
      int key = reversed ? hi - 1 - i : lo + i;
      assertEquals(key, object.getKey(), "in order");
      long value = object.getValue();
      assertEquals(key, value / STEP, "a value written for key " + key + ": " + value);
      long version = value % STEP;
      assertTrue(
          version >= seen[key - FIRST],
          "key " + key + " went back from version " + seen[key - FIRST] + " to " + version);
      seen[key - FIRST] = version;
    }
  }
}
