package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writers and readers racing; every test asserts what the threads saw, none waits by sleeping. */
@Timeout(120)
class ConcurrentTermsTest {

  /** Runs each task on its own platform thread, released together, and rethrows any failure. */
  private static void race(List<ThrowingRunnable> tasks) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (ThrowingRunnable task : tasks) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      task.run();
                    } catch (Throwable t) {
                      failures.add(t);
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("a racing thread failed", failures.peek());
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void concurrentPutsOfDistinctKeysAllBecomeVisible() throws Exception {
    TermStore store = new TermStore();
    int writers = 4;
    int keysEach = 500;
    List<ThrowingRunnable> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      tasks.add(
          () -> {
            for (int k = 0; k < keysEach; k++) {
              store.put(writer + ":" + k, k);
            }
          });
    }
    race(tasks);
    assertEquals(writers * keysEach, store.info().count());
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < keysEach; k++) {
        assertEquals(k, store.find(w + ":" + k), "lost " + w + ":" + k);
      }
    }
  }

  /**
   * Each key has one writer that puts versions 1..N in order; readers check that no key's version
   * ever goes backwards (through get and through handles) and, at the end, that every key holds N.
   */
  @Test
  void settersAndGettersRacingCrashNothingAndLoseNothing() throws Exception {
    TermStore store = new TermStore();
    int writers = 2;
    int keysEach = 64;
    int versions = 300;
    List<Term<Integer>> handles = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      handles.add(store.handle("0:" + k));
    }
    CountDownLatch writersDone = new CountDownLatch(writers);
    AtomicBoolean readersSawWrites = new AtomicBoolean();
    List<ThrowingRunnable> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      tasks.add(
          () -> {
            try {
              for (int v = 1; v <= versions; v++) {
                for (int k = 0; k < keysEach; k++) {
                  store.put(writer + ":" + k, v);
                }
              }
            } finally {
              writersDone.countDown();
            }
          });
    }
    for (int r = 0; r < 2; r++) {
      tasks.add(
          () -> {
            int[][] seen = new int[writers][keysEach];
            int[] seenByHandle = new int[handles.size()];
            while (writersDone.getCount() > 0) {
              for (int w = 0; w < writers; w++) {
                for (int k = 0; k < keysEach; k++) {
                  Integer v = (Integer) store.find(w + ":" + k);
                  int version = v == null ? 0 : v;
                  if (version < seen[w][k]) {
                    throw new AssertionError(
                        w + ":" + k + " went back from " + seen[w][k] + " to " + version);
                  }
                  seen[w][k] = version;
                }
              }
              for (int h = 0; h < handles.size(); h++) {
                int version = handles.get(h).getOrDefault(0);
                if (version < seenByHandle[h]) {
                  throw new AssertionError("handle " + h + " went back to " + version);
                }
                seenByHandle[h] = version;
              }
              if (seen[0][0] > 0) {
                readersSawWrites.set(true);
              }
            }
          });
    }
    race(tasks);
    assertTrue(readersSawWrites.get(), "readers never overlapped the writers");
    assertEquals(writers * keysEach, store.info().count());
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < keysEach; k++) {
        assertEquals(versions, store.find(w + ":" + k), "lost the last put of " + w + ":" + k);
      }
    }
    for (Term<Integer> handle : handles) {
      assertEquals(versions, handle.get());
    }
  }

  /**
   * One writer puts k0, k1, k2, ... in order while readers take all(): each snapshot must be a
   * prefix of that sequence (linearizable writes), and a map that never changes while it is read.
   */
  @Test
  void allIsAConsistentSnapshotWhileWritersRun() throws Exception {
    TermStore store = new TermStore();
    int keys = 3_000;
    CountDownLatch writerDone = new CountDownLatch(1);
    List<ThrowingRunnable> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          try {
            for (int k = 0; k < keys; k++) {
              store.put("k" + k, k);
            }
          } finally {
            writerDone.countDown();
          }
        });
    for (int r = 0; r < 2; r++) {
      tasks.add(
          () -> {
            int lastSize = 0;
            while (writerDone.getCount() > 0) {
              Map<Object, Object> all = store.all();
              int size = all.size();
              if (size < lastSize) {
                throw new AssertionError("all() shrank from " + lastSize + " to " + size);
              }
              int iterated = 0;
              for (Map.Entry<Object, Object> e : all.entrySet()) {
                int k = (Integer) e.getValue();
                if (k >= size || !e.getKey().equals("k" + k)) {
                  throw new AssertionError("snapshot of " + size + " holds " + e);
                }
                iterated++;
              }
              if (iterated != size) {
                throw new AssertionError("iterated " + iterated + " of " + size);
              }
              lastSize = size;
            }
          });
    }
    race(tasks);
    assertEquals(keys, store.all().size());
  }

  @Test
  void aReaderHoldingAnOldValueKeepsItIntact() throws Exception {
    TermStore store = new TermStore();
    record Settings(String name, List<Integer> limits) {}
    Settings original = new Settings("v1", List.of(1, 2, 3));
    store.put("settings", original);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch replaced = new CountDownLatch(1);
    Queue<Object> readAfter = new ConcurrentLinkedQueue<>();
    List<ThrowingRunnable> tasks =
        List.of(
            () -> {
              Settings mine = (Settings) store.find("settings");
              held.countDown();
              replaced.await();
              readAfter.add(mine);
              readAfter.add(mine.limits().get(2));
            },
            () -> {
              held.await();
              store.put("settings", new Settings("v2", List.of(9)));
              store.erase("settings");
              store.put("other", 1);
              replaced.countDown();
            });
    race(tasks);
    assertSame(original, readAfter.poll());
    assertEquals(3, readAfter.poll());
    assertEquals(new Settings("v1", List.of(1, 2, 3)), original);
    assertEquals(null, store.find("settings"));
  }
}
