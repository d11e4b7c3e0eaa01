package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.TableType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multi-object writes against user code that blocks or throws in the middle of a batch, in every
 * table type, write mode and readConcurrency setting, cache tables included: a reader of any key
 * never waits for the batch, and a batch whose user code throws changes nothing. Each module names
 * the tables it builds in {@link #configurations()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractMultiObjectWriteTest {

  private static final long BOUND_SECONDS = 30; // a bound on failure, never a wait on success

  private ExecutorService threads;

  @BeforeEach
  void startThreads() {
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void cleanUp() {
    threads.shutdownNow();
    Fixtures.deleteAllTables();
  }

  /** Makes the keys' equals and compareTo block or throw, on one thread, for one key. */
  public static final class Trap {
    final boolean throwing;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final RuntimeException failure = new IllegalStateException("trap: user code failed");
    volatile Thread armedFor;
    volatile int trigger;

    Trap(boolean throwing) {
      this.throwing = throwing;
    }

    void check(TrapKey a, TrapKey b) {
      if (Thread.currentThread() != armedFor || a.id == b.id) {
        return;
      }
      if (a.id != trigger && b.id != trigger) {
        return;
      }
      if (throwing) {
        throw failure;
      }
      entered.countDown();
      try {
        if (!release.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the trapped writer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * A key whose hash code puts ids below 1000 in one bucket (so a batch compares them with {@code
   * equals}) and the rest in their own buckets.
   */
  public static final class TrapKey implements Comparable<TrapKey> {
    final int id;
    final Trap trap;

    TrapKey(int id, Trap trap) {
      this.id = id;
      this.trap = trap;
    }

    @Override
    public int hashCode() {
      return id < 1000 ? 0 : id;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof TrapKey other)) {
        return false;
      }
      trap.check(this, other);
      return id == other.id;
    }

    @Override
    public int compareTo(TrapKey other) {
      trap.check(this, other);
      return Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
      return "TrapKey(" + id + ")";
    }
  }

  /**
   * The tables under test: each a label and a supplier of a new PUBLIC table whose keys are {@link
   * TrapKey}s, of every write mode the module offers.
   */
  protected abstract Stream<Arguments> configurations();

  private static Map.Entry<TrapKey, String> object(int id, Trap trap) {
    return Map.entry(new TrapKey(id, trap), "v" + id);
  }

  /**
   * The batch stores a key in its own bucket, then blocks in the equals (or compareTo) of a key
   * that collides with a stored one. Readers of a key outside the batch, of a key inside it and of
   * the colliding stored key all complete while the writer is blocked, and see nothing of it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void aReaderNeverWaitsForABatchBlockedInUserCode(
      String label, Supplier<Table<TrapKey, String>> build) throws Exception {
    Trap trap = new Trap(false);
    trap.trigger = 2;
    Table<TrapKey, String> table = build.get();
    table.insert(new TrapKey(1, trap), "v1");
    table.insert(new TrapKey(1000, trap), "v1000");
    List<Map.Entry<TrapKey, String>> batch = List.of(object(1001, trap), object(2, trap));

    // Threads of their own: the common pool may have a single worker on a small machine.
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              trap.armedFor = Thread.currentThread();
              table.insertAll(batch);
            },
            threads);
    assertTrue(
        trap.entered.await(BOUND_SECONDS, TimeUnit.SECONDS),
        label + ": the batch never reached the trapped key");

    CompletableFuture<List<List<String>>> reader =
        CompletableFuture.supplyAsync(
            () ->
                List.of(
                    table.lookup(new TrapKey(1000, trap)),
                    table.lookup(new TrapKey(1001, trap)),
                    table.lookup(new TrapKey(1, trap)),
                    table.lookup(new TrapKey(2, trap))),
            threads);
    List<List<String>> seen = reader.get(BOUND_SECONDS, TimeUnit.SECONDS);
    assertFalse(writer.isDone(), label + ": the writer must still be blocked in user code");
    assertEquals(
        List.of(List.of("v1000"), List.of(), List.of("v1"), List.of()),
        seen,
        label + ": a reader during the batch sees none of it");

    trap.release.countDown();
    writer.get(BOUND_SECONDS, TimeUnit.SECONDS);
    assertEquals(List.of("v1001"), table.lookup(new TrapKey(1001, trap)), label);
    assertEquals(List.of("v2"), table.lookup(new TrapKey(2, trap)), label);
    assertEquals(4, table.size(), label);
  }

  /**
   * A batch whose user code throws for its third key (after two keys in buckets of their own)
   * leaves the table as it was, and the caller gets the user's exception: as thrown for {@code
   * equals}, as the cause of a {@link BadArgumentException} naming the table for an ordered table's
   * comparator.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void aBatchWhoseUserCodeThrowsChangesNothing(
      String label, Supplier<Table<TrapKey, String>> build) {
    Trap trap = new Trap(true);
    trap.trigger = 2;
    Table<TrapKey, String> table = build.get();
    table.insert(new TrapKey(1, trap), "v1");
    table.insert(new TrapKey(1000, trap), "v1000");
    List<Map.Entry<TrapKey, String>> batch =
        List.of(object(1001, trap), object(1002, trap), object(2, trap), object(1003, trap));

    trap.armedFor = Thread.currentThread();
    RuntimeException thrown;
    try {
      thrown = assertThrows(RuntimeException.class, () -> table.insertAll(batch), label);
      RuntimeException thrownNew =
          assertThrows(RuntimeException.class, () -> table.insertNewAll(batch), label);
      assertSame(thrown.getClass(), thrownNew.getClass(), label);
    } finally {
      trap.armedFor = null;
    }
    if (table.type() == TableType.ORDERED_SET) {
      assertTrue(thrown instanceof BadArgumentException, label + ": " + thrown);
      assertTrue(thrown.getMessage().contains(table.name()), label + ": " + thrown.getMessage());
      assertSame(trap.failure, thrown.getCause(), label);
    } else {
      assertSame(trap.failure, thrown, label + ": the user's exception, as thrown");
    }

    assertEquals(2, table.size(), label + ": nothing of the batch was kept");
    for (int id : new int[] {1001, 1002, 2, 1003}) {
      assertEquals(List.of(), table.lookup(new TrapKey(id, trap)), label + ": key " + id);
    }
    assertEquals(List.of("v1"), table.lookup(new TrapKey(1, trap)), label);
    assertEquals(List.of("v1000"), table.lookup(new TrapKey(1000, trap)), label);

    table.insertAll(batch); // unarmed, the same batch goes through whole
    assertEquals(6, table.size(), label);
  }
}
