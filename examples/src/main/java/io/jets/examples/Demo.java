package io.jets.examples;

import io.jets.process.Owner;
import io.jets.process.OwnerScope;
import io.jets.table.AccessDeniedException;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.TableInfo;
import io.jets.table.TableTransfer;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first tour of jets: an owner, a protected table read directly by many threads, an atomic
 * multi-object insert, and the table's fate when its owner exits, with and without an heir.
 */
public final class Demo {

  private static final int READERS = 4;
  private static final int USERS = 10_000;

  private Demo() {}

  public static void main(String[] args) throws Exception {
    System.out.println("jets demo on Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");

    OwnerScope owner = OwnerScope.open("cache-owner");
    OwnerScope standby = OwnerScope.open("standby");

    SetTable<String, Long> balances;
    try (Owner.Binding bound = owner.bind()) {
      balances =
          Tables.set("balances")
              .named()
              .readConcurrency(true)
              .writeConcurrency(WriteConcurrency.ON)
              .heir(standby, "take over the balances")
              .build();
      List<Map.Entry<String, Long>> initial = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        initial.add(Map.entry("user-" + i, 100L));
      }
      balances.insertAll(initial);
    }
    step("1. " + owner.name() + " created a PROTECTED, named table and inserted " + USERS + " objects atomically");
    printInfo(balances.info());

    step("2. " + READERS + " reader threads read the table directly (no owner round trip)");
    bypassReads(balances);

    step("3. only the owner may write a PROTECTED table");
    try {
      balances.insert("user-0", 0L);
      System.out.println("   unexpected: a non-owner wrote the table");
    } catch (AccessDeniedException expected) {
      System.out.println("   a reader thread tried to write: " + expected.getMessage());
    }

    step("4. atomic transfers: insertAll moves money between two accounts; readers never see half of one");
    atomicTransfers(owner, balances);

    step("5. the owner exits; the heir inherits the table and is told so");
    owner.close();
    TableTransfer transfer = (TableTransfer) standby.poll().orElseThrow();
    System.out.println("   " + standby.name() + " received TableTransfer(table=" + transfer.table().name()
        + ", from=" + transfer.from().name() + ", data=\"" + transfer.data() + "\")");
    System.out.println("   owner is now " + balances.owner().name() + "; size " + balances.size()
        + "; whereis(\"balances\") finds it: " + Tables.whereis("balances").isPresent());

    step("6. the heir exits with no other heir: the table dies with it");
    standby.close();
    try {
      balances.lookup("user-1");
    } catch (TableDeletedException expected) {
      System.out.println("   " + expected.getMessage());
    }
    System.out.println("   whereis(\"balances\") finds it: " + Tables.whereis("balances").isPresent()
        + "; live tables: " + Tables.all().size());
    System.out.println("done");
  }

  private static void step(String text) {
    System.out.println();
    System.out.println(text);
  }

  private static void printInfo(TableInfo info) {
    System.out.println("   info: type " + info.type() + ", access " + info.access() + ", owner " + info.owner().name()
        + ", heir " + info.heir().map(Owner::name).orElse("none") + ", size " + info.size()
        + ", writeConcurrency " + info.writeConcurrency() + " (" + info.lockStripes() + " stripes)"
        + ", readConcurrency " + info.readConcurrency() + ", ~" + info.memoryBytes() / 1024 + " KiB");
  }

  private static void bypassReads(SetTable<String, Long> table) throws InterruptedException {
    int lookupsPerReader = 2_000_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    AtomicLong found = new AtomicLong();
    for (int r = 0; r < READERS; r++) {
      int seed = r;
      readers.add(Thread.ofPlatform().start(() -> {
        awaitQuietly(start);
        long hits = 0;
        for (int i = 0; i < lookupsPerReader; i++) {
          if (table.get("user-" + ((i * 31 + seed) % USERS)) != null) {
            hits++;
          }
        }
        found.addAndGet(hits);
      }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread reader : readers) {
      reader.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long total = (long) READERS * lookupsPerReader;
    System.out.printf("   %,d lookups in %.2f s: %,.0f lookups/s, every one found: %b%n",
        total, seconds, total / seconds, found.get() == total);
  }

  private static void atomicTransfers(OwnerScope owner, SetTable<String, Long> table) throws InterruptedException {
    // Two accounts hold 100 each. The owner moves money back and forth with insertAll, always
    // keeping the sum at 200, and stamps each transfer with a sequence number in "transfer-seq".
    // A reader that reads the sequence, then both accounts, then the sequence again (all
    // unchanged) must see the sum 200: any other sum would be half of a transfer.
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong consistentReads = new AtomicLong();
    AtomicLong tornReads = new AtomicLong();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        Long before = table.get("transfer-seq");
        Long a = table.get("alice");
        Long b = table.get("bob");
        Long after = table.get("transfer-seq");
        if (before != null && before.equals(after) && a != null && b != null) {
          if (a + b == 200) {
            consistentReads.incrementAndGet();
          } else {
            tornReads.incrementAndGet();
          }
        }
      }
    });
    int transfers = 200_000;
    try (Owner.Binding bound = owner.bind()) {
      for (long seq = 0; seq < transfers; seq++) {
        long amount = seq % 100;
        table.insertAll(List.of(
            Map.entry("alice", 100 - amount), Map.entry("bob", 100 + amount), Map.entry("transfer-seq", seq)));
      }
    }
    done.set(true);
    reader.join();
    System.out.printf("   %,d transfers; reader checked %,d quiet snapshots, torn: %d%n",
        transfers, consistentReads.get(), tornReads.get());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
