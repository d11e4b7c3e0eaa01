package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code update} is atomic against another {@code update} of the same key: its function runs under
 * the key's writer lock, from the value it read under that lock to the store. Two threads increment
 * one key many times each, with both forms ({@code update(k, f)} on a present key, and {@code
 * update(k, f, default)} on a key that starts absent); the sum is exact, and each call returned the
 * value it stored, which no other call returned.
 */
@Timeout(120)
class ConcurrentUpdateTest {

  private static final int THREADS = 2;
  private static final int INCREMENTS = 20_000;
  private static final long BOUND_SECONDS = 60;

  private ExecutorService threads;

  @BeforeEach
  void startThreads() {
    threads = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
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

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("setKindsAndModes")
  void racingUpdatesOfOneKeyLoseNoIncrement(TableKind kind, WriteConcurrency mode)
      throws Exception {
    SetTable<String, Integer> table =
        (SetTable<String, Integer>) kind.<String, Integer>build("update-race", mode);
    table.insert("present", 0);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<boolean[]>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            threads.submit(
                () -> {
                  // Which results this thread saw from update(k, f, default): index = value.
                  boolean[] returned = new boolean[THREADS * INCREMENTS + 1];
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  for (int i = 0; i < INCREMENTS; i++) {
                    if (!table.update("present", v -> v + 1)) {
                      throw new AssertionError("update of a present key returned false");
                    }
                    returned[table.update("absent-at-first", v -> v + 1, 0)] = true;
                  }
                  return returned;
                }));
      }
      boolean[] seen = new boolean[THREADS * INCREMENTS + 1];
      for (Future<boolean[]> worker : workers) {
        boolean[] returned = worker.get(BOUND_SECONDS, TimeUnit.SECONDS);
        for (int v = 0; v < returned.length; v++) {
          if (returned[v]) {
            assertTrue(!seen[v], "two updates both stored " + v);
            seen[v] = true;
          }
        }
      }
      assertEquals(THREADS * INCREMENTS, table.get("present"), "lost increments");
      assertEquals(THREADS * INCREMENTS, table.get("absent-at-first"), "lost increments");
      for (int v = 1; v < seen.length; v++) {
        assertTrue(seen[v], "no update returned " + v);
      }
    } finally {
      table.delete();
    }
  }
}
