package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each concurrency mode promises beyond the common guarantees. */
class ConcurrencyModesTest {

  private static SetTable<Object, Object> publicSet(
      WriteConcurrency mode, boolean readConcurrency) {
    return Tables.set("modes-" + mode + "-" + readConcurrency)
        .access(Access.PUBLIC)
        .writeConcurrency(mode)
        .readConcurrency(readConcurrency)
        .build();
  }

  @Test
  void infoReportsTheModeAndItsStripes() {
    SetTable<Object, Object> off = publicSet(WriteConcurrency.OFF, false);
    SetTable<Object, Object> on = publicSet(WriteConcurrency.ON, false);
    SetTable<Object, Object> auto = publicSet(WriteConcurrency.AUTO, true);
    assertEquals(1, off.info().lockStripes());
    assertEquals(64, on.info().lockStripes());
    assertEquals(1, auto.info().lockStripes(), "AUTO starts with one lock");
    assertEquals(WriteConcurrency.AUTO, auto.info().writeConcurrency());
    assertTrue(auto.info().readConcurrency());
    assertTrue(
        auto.info().decentralizedCounters(), "ETS default: decentralized counters with auto");
    assertFalse(
        on.info().decentralizedCounters(), "ETS default: central counter for a set with ON");
    off.delete();
    on.delete();
    auto.delete();
  }

  /** Waits until {@code thread} is parked: in these tests, only a writer lock parks it. */
  private static void awaitParked(Thread thread) {
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      if (!thread.isAlive()) {
        throw new AssertionError(thread + " ended before it blocked");
      }
      Thread.onSpinWait();
    }
  }

  /**
   * Makes {@code writers} threads queue on the lock that an update of {@code key} holds, then lets
   * them through: every one of them finds the lock taken.
   */
  private static void contend(SetTable<Object, Object> table, Object key, int writers, long keyBase)
      throws InterruptedException {
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
    assertTrue(holding.await(1, TimeUnit.MINUTES));
    List<Thread> blocked = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long k = keyBase + w;
      Thread writer = Thread.ofPlatform().start(() -> table.insert(k, k));
      awaitParked(writer);
      blocked.add(writer);
    }
    release.countDown();
    holder.join();
    for (Thread writer : blocked) {
      writer.join();
    }
  }

  @Test
  void autoGrowsItsStripesUnderContentionAndLosesNothing() throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.AUTO, false);
    table.insert("held", 0);
    assertEquals(1, table.info().lockStripes());
    // Eight writers queue behind one lock: their failed tryLocks push its statistic past the limit.
    // A writer can look parked for another reason (class loading, say) and reach the lock only
    // after it is free; so repeat the round, bounded, until the statistic has had its evidence.
    int rounds = 0;
    while (table.info().lockStripes() == 1 && rounds < 20) {
      contend(table, "held", 8, 1_000 + 8L * rounds);
      rounds++;
    }
    int grown = table.info().lockStripes();
    assertTrue(grown > 1, "contended writers must make AUTO add stripes, has " + grown);
    for (long k = 1_000; k < 1_000 + 8L * rounds; k++) {
      assertEquals(k, table.get(k), "no write lost while the stripes changed");
    }
    // Writers keep working across further adaptations, from several threads at once.
    int threads = 2;
    int perThread = 50_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> writers = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      long base = 10_000_000L * (t + 1);
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      for (int i = 0; i < perThread; i++) {
                        table.insert(base + i, i);
                      }
                    } catch (Throwable e) {
                      failure.set(e);
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    assertNull(failure.get());
    assertEquals(1 + 8L * rounds + (long) threads * perThread, table.size());
    assertEquals(table.size(), table.toList().size());
    table.delete();
  }

  @Test
  void autoShrinksItsStripesWhenWritesAreUncontended() throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.AUTO, false);
    table.insert("held", 0);
    int rounds = 0;
    while (table.info().lockStripes() == 1 && rounds < 20) {
      contend(table, "held", 8, 1_000_000 + 8L * rounds);
      rounds++;
    }
    int peak = table.info().lockStripes();
    assertTrue(peak > 1, "precondition: the table grew its stripes");
    // Then one writer alone: every acquisition is uncontended, so the stripes come back down.
    for (int i = 0; i < 20_000_000 && table.info().lockStripes() >= peak; i++) {
      table.insert((long) (i % 4096), i);
    }
    assertTrue(table.info().lockStripes() < peak, "a quiet table gives stripes back");
    assertEquals(4096 + 1 + 8L * rounds, table.size());
    table.delete();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void sizeNeverDecreasesWhileOnlyInsertsRun(boolean decentralized) throws Exception {
    SetTable<Object, Object> table =
        Tables.set("size-" + decentralized)
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .decentralizedCounters(decentralized)
            .build();
    int perWriter = 100_000;
    CountDownLatch writersDone = new CountDownLatch(2);
    for (int t = 0; t < 2; t++) {
      int id = t;
      Thread.ofPlatform()
          .start(
              () -> {
                for (int i = 0; i < perWriter; i++) {
                  table.insert(id * 1_000_000 + i, i);
                }
                writersDone.countDown();
              });
    }
    long last = 0;
    long samples = 0;
    while (writersDone.getCount() > 0) {
      long now = table.size();
      assertTrue(now >= last, "size went from " + last + " to " + now);
      last = now;
      samples++;
    }
    assertTrue(writersDone.await(1, TimeUnit.MINUTES));
    assertTrue(samples > 0);
    assertEquals(2L * perWriter, table.size(), "exact once the writers stop");
    table.delete();
  }

  /**
   * A stored key whose equals, when compared with any other key, blocks until released: a batch
   * that inserts a colliding key stalls in the middle, holding its locks.
   */
  private static final class StallingKey {
    private final CountDownLatch entered;
    private final CountDownLatch release;

    StallingKey(CountDownLatch entered, CountDownLatch release) {
      this.entered = entered;
      this.release = release;
    }

    @Override
    public int hashCode() {
      return 42;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  /** A key that collides with every {@link StallingKey}. */
  private record Colliding(String name) {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"OFF", "ON", "AUTO"})
  void withReadConcurrencyReadsCompleteWhileAMultiObjectWriteIsStalled(String mode)
      throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.valueOf(mode), true);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StallingKey stalling = new StallingKey(entered, release);
    table.insert(stalling, "stored first, so the batch compares its colliding key with it");
    table.insert("before", 0);
    Colliding colliding = new Colliding("c");
    Thread writer =
        Thread.ofPlatform()
            .start(
                () ->
                    table.insertAll(
                        List.of(
                            Map.entry("first", 1), Map.entry(colliding, 2), Map.entry("last", 3))));
    assertTrue(entered.await(1, TimeUnit.MINUTES), "the batch reached the stalling key");
    // The batch holds every lock and has half its objects written to its private copy; readers
    // must neither wait nor see any of it.
    for (int i = 0; i < 10_000; i++) {
      assertEquals(0, table.get("before"));
      assertNull(table.get("first"));
      assertNull(table.get("last"));
    }
    release.countDown();
    writer.join();
    assertEquals(1, table.get("first"));
    assertEquals(3, table.get("last"));
    assertEquals(2, table.get(colliding));
    table.delete();
  }

  /** Stable-stamp reads the reader must have checked while transfers ran. */
  private static final long MIN_CHECKED_READS = 1_000;

  @ParameterizedTest
  @ValueSource(
      strings = {"OFF/false", "ON/false", "AUTO/false", "OFF/true", "ON/true", "AUTO/true"})
  void noReaderSeesHalfOfATransfer(String modes) throws Exception {
    String[] parts = modes.split("/");
    SetTable<Object, Object> table =
        publicSet(WriteConcurrency.valueOf(parts[0]), Boolean.parseBoolean(parts[1]));
    table.insertAll(List.of(Map.entry("a", 100L), Map.entry("b", 100L), Map.entry("seq", 0L)));
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong torn = new AtomicLong();
    AtomicLong checked = new AtomicLong();
    AtomicLong rounds = new AtomicLong();
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    CountDownLatch readerRunning = new CountDownLatch(1);
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  readerRunning.countDown();
                  while (!done.get() && readerFailure.get() == null) {
                    // Between deleteAllObjects and the insertAll after it the table is empty;
                    // a stable stamp never spans that, so a missing "a" or "b" under one is torn.
                    Object before;
                    Long a;
                    Long b;
                    Object after;
                    try {
                      before = table.get("seq");
                      a = (Long) table.get("a");
                      b = (Long) table.get("b");
                      after = table.get("seq");
                    } catch (RuntimeException e) {
                      readerFailure.set(e);
                      break;
                    }
                    rounds.incrementAndGet();
                    if (before != null && before.equals(after)) {
                      checked.incrementAndGet();
                      if (a == null || b == null || a + b != 200) {
                        torn.incrementAndGet();
                      }
                    }
                  }
                });
    readerRunning.await();
    // Write until the reader has checked enough stable stamps while the writes ran. A writer
    // faster than the reader's four reads would leave it few stable stamps, so every 64 writes
    // the writer lets the reader finish a round (a bounded spin: a descheduled reader only
    // delays it). Bounded, so a reader that never gets a stable stamp fails the test rather
    // than hanging it.
    long seq = 0;
    while ((++seq <= 50_000 || (checked.get() < MIN_CHECKED_READS && seq <= 5_000_000))
        && readerFailure.get() == null) {
      if (seq % 64 == 0) {
        long round = rounds.get();
        for (int spin = 0; spin < 1_000_000 && rounds.get() < round + 2; spin++) {
          Thread.onSpinWait();
        }
      }
      long amount = seq % 100;
      table.insertAll(
          List.of(
              Map.entry("a", 100 - amount), Map.entry("b", 100 + amount), Map.entry("seq", seq)));
      if (seq % 10_000 == 0) {
        table.deleteAllObjects();
        table.insertAll(
            List.of(Map.entry("a", 100L), Map.entry("b", 100L), Map.entry("seq", -seq)));
      }
    }
    done.set(true);
    reader.join();
    assertNull(readerFailure.get(), "the reader failed");
    assertEquals(0, torn.get(), "reads between equal sequence stamps saw half a transfer");
    assertTrue(
        checked.get() >= MIN_CHECKED_READS,
        "the reader checked only " + checked.get() + " stable reads while the transfers ran");
    table.delete();
  }
}
