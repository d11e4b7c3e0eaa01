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

  private static SetTable<Object, Object> publicSet(WriteConcurrency mode, boolean readConcurrency) {
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
    assertTrue(auto.info().decentralizedCounters(), "ETS default: decentralized counters with auto");
    assertFalse(on.info().decentralizedCounters(), "ETS default: central counter for a set with ON");
    off.delete();
    on.delete();
    auto.delete();
  }

  @Test
  void autoGrowsItsStripesUnderContentionAndLosesNothing() throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.AUTO, false);
    int threads = 2;
    int maxOpsPerThread = 2_000_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicBoolean grown = new AtomicBoolean();
    AtomicLong inserted = new AtomicLong();
    List<Thread> writers = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      writers.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
          for (int i = 0; i < maxOpsPerThread && !grown.get(); i++) {
            // Distinct keys per thread; every 4096 inserts, check whether the table has adapted.
            table.insert(id * 10_000_000L + i, i);
            inserted.incrementAndGet();
            if ((i & 4095) == 0 && table.info().lockStripes() > 1) {
              grown.set(true);
            }
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
    assertTrue(table.info().lockStripes() > 1, "two writers on one lock must make AUTO add stripes");
    assertEquals(inserted.get(), table.size(), "no insert lost while the stripes changed");
    assertEquals(inserted.get(), table.toList().size());
    table.delete();
  }

  @Test
  void autoShrinksItsStripesWhenWritesAreUncontended() throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.AUTO, false);
    // First make it grow, with two contending writers.
    CyclicBarrier start = new CyclicBarrier(2);
    AtomicBoolean grown = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int id = t;
      writers.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < 2_000_000 && !grown.get(); i++) {
          table.insert((long) (i % 1000) + id * 1000L, i);
          if ((i & 1023) == 0 && table.info().lockStripes() > 1) {
            grown.set(true);
          }
        }
      }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    int peak = table.info().lockStripes();
    assertTrue(peak > 1, "precondition: the table grew its stripes");
    // Then one writer alone: every acquisition is uncontended, so the stripes come back down.
    for (int i = 0; i < 20_000_000 && table.info().lockStripes() >= peak; i++) {
      table.insert((long) (i % 4096), i);
    }
    assertTrue(table.info().lockStripes() < peak, "a quiet table gives stripes back");
    assertEquals(4096, table.size());
    table.delete();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void sizeNeverDecreasesWhileOnlyInsertsRun(boolean decentralized) throws Exception {
    SetTable<Object, Object> table = Tables.set("size-" + decentralized)
        .access(Access.PUBLIC)
        .writeConcurrency(WriteConcurrency.ON)
        .decentralizedCounters(decentralized)
        .build();
    int perWriter = 100_000;
    CountDownLatch writersDone = new CountDownLatch(2);
    for (int t = 0; t < 2; t++) {
      int id = t;
      Thread.ofPlatform().start(() -> {
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
  void withReadConcurrencyReadsCompleteWhileAMultiObjectWriteIsStalled(String mode) throws Exception {
    SetTable<Object, Object> table = publicSet(WriteConcurrency.valueOf(mode), true);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StallingKey stalling = new StallingKey(entered, release);
    table.insert(stalling, "stored first, so the batch compares its colliding key with it");
    table.insert("before", 0);
    Colliding colliding = new Colliding("c");
    Thread writer = Thread.ofPlatform().start(() ->
        table.insertAll(List.of(Map.entry("first", 1), Map.entry(colliding, 2), Map.entry("last", 3))));
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

  @ParameterizedTest
  @ValueSource(strings = {"OFF/false", "ON/false", "AUTO/false", "OFF/true", "ON/true", "AUTO/true"})
  void noReaderSeesHalfOfATransfer(String modes) throws Exception {
    String[] parts = modes.split("/");
    SetTable<Object, Object> table = publicSet(WriteConcurrency.valueOf(parts[0]), Boolean.parseBoolean(parts[1]));
    table.insertAll(List.of(Map.entry("a", 100L), Map.entry("b", 100L), Map.entry("seq", 0L)));
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong torn = new AtomicLong();
    AtomicLong checked = new AtomicLong();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        Object before = table.get("seq");
        long a = (Long) table.get("a");
        long b = (Long) table.get("b");
        Object after = table.get("seq");
        if (before.equals(after)) {
          checked.incrementAndGet();
          if (a + b != 200) {
            torn.incrementAndGet();
          }
        }
      }
    });
    for (long seq = 1; seq <= 50_000; seq++) {
      long amount = seq % 100;
      table.insertAll(List.of(Map.entry("a", 100 - amount), Map.entry("b", 100 + amount), Map.entry("seq", seq)));
      if (seq % 10_000 == 0) {
        table.deleteAllObjects();
        table.insertAll(List.of(Map.entry("a", 100L), Map.entry("b", 100L), Map.entry("seq", -seq)));
      }
    }
    done.set(true);
    reader.join();
    assertEquals(0, torn.get(), "reads between equal sequence stamps saw half a transfer");
    assertTrue(checked.get() > 0);
    table.delete();
  }
}
