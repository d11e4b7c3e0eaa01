package io.jets.examples;

import io.jets.owner.ExitReason;
import io.jets.process.MailboxOverloadedException;
import io.jets.process.OverflowPolicy;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.TopBy;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableInfo;
import io.jets.table.TableTransfer;
import io.jets.table.Tables;
import io.jets.term.PersistentTerm;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The demo that the README's first command runs: the bypass-read story with real numbers, an owner
 * crash survived by its heir, a bounded mailbox refusing work, and the {@code ets:i()} and
 * recon-style listings, with the JFR events the run produced. It takes about 15 seconds.
 *
 * <p>Usage: {@code Demo [window-millis]}, the length of each timed measurement (1500 by default).
 */
public final class Demo {

  private static final int ACCOUNTS = 10_000;
  private static final int AUDIT_MAILBOX = 100;
  private static final int AUDIT_BURST = 1_000;
  private static final int HEIR_CALLS = 1_000;
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** What the demo observed, for its test. */
  record Outcome(
      ReadPathRace.Result call,
      ReadPathRace.Result direct,
      ReadPathRace.Result handle,
      long objectsBeforeCrash,
      long objectsAfterCrash,
      long balanceSumBefore,
      long balanceSumAfter,
      String heirOwner,
      int heirCallsAnswered,
      int auditAccepted,
      int auditRefused,
      boolean overloadedCallRefused,
      Map<String, Long> events) {}

  private Demo() {}

  /**
   * Runs the demo and prints it to standard output.
   *
   * @param args optionally the measurement window in milliseconds
   */
  public static void main(String[] args) throws Exception {
    Duration window = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 1_500);
    long started = System.nanoTime();
    run(System.out, window);
    System.out.printf(
        Locale.ROOT, "%nDemo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
  }

  static Outcome run(PrintStream out, Duration window) throws Exception {
    int readers = Math.max(4, Runtime.getRuntime().availableProcessors());
    out.printf(
        Locale.ROOT,
        "jets demo: Java %s, %d cores, %d reader threads, %d ms measurement windows%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        readers,
        window.toMillis());

    try (EventTally events = new EventTally()) {
      // 1. An owner process and its heir.
      section(out, "1. A server process owns a PROTECTED table; a standby process is its heir");
      Proc standby = Procs.start("standby", new StandbyServer());
      Proc owner = Procs.start("balances-owner", new BalancesServer(ACCOUNTS, standby));
      @SuppressWarnings("unchecked")
      SetTable<Integer, Long> balances =
          (SetTable<Integer, Long>) Tables.whereis(BalancesServer.TABLE_NAME).orElseThrow();
      TableInfo info = balances.info();
      out.printf(
          Locale.ROOT,
          "   %s: %s, %s, owner %s, heir %s, %,d accounts, readConcurrency %b%n",
          info.name(),
          info.type(),
          info.access(),
          info.owner().name(),
          info.heir().map(heir -> heir.name()).orElse("none"),
          info.size(),
          info.readConcurrency());
      DemoSettings.publish(new DemoSettings("EUR", 500));
      out.println(
          "   settings stored once as a persistent term; readers use a static final handle");

      // 2. The bypass read, measured.
      section(
          out,
          "2. "
              + readers
              + " threads read: through call to the owner, directly, and a persistent-term handle");
      ReadPathRace race = new ReadPathRace(readers, window, ACCOUNTS);
      ReadPathRace.Result call = race.throughCall(owner);
      print(out, call);
      ReadPathRace.Result direct = race.direct(balances);
      print(out, direct);
      ReadPathRace.Result handle = race.persistentTermHandle();
      print(out, handle);
      out.printf(
          Locale.ROOT,
          "   direct read / call:     %,.0fx  (the owner answers one call at a time; readers bypass it)%n",
          direct.opsPerSecond() / call.opsPerSecond());
      out.printf(
          Locale.ROOT,
          "   term handle / direct:   %,.1fx  (a folded constant needs no hash lookup at all)%n",
          handle.opsPerSecond() / direct.opsPerSecond());

      // 3. The owner crashes; the heir inherits.
      section(out, "3. The owner crashes; its heir inherits the table");
      long objectsBefore = balances.size();
      long sumBefore = sumOf(balances);
      out.printf(
          Locale.ROOT,
          "   before: %,d objects, balances sum to %,d, owner %s%n",
          objectsBefore,
          sumBefore,
          balances.owner().name());
      owner.exit(ExitReason.crash(new IllegalStateException("simulated crash")));
      ExitReason reason = owner.awaitExit(WAIT).orElseThrow();
      @SuppressWarnings("unchecked")
      List<TableTransfer> inherited =
          (List<TableTransfer>) standby.call(StandbyServer.INHERITED, WAIT);
      long objectsAfter = balances.size();
      String heirOwner = balances.owner().name();
      long sumAfter = sumOf(balances);
      out.println("   owner exited with " + reason);
      out.println(
          "   standby received TableTransfer for "
              + StandbyServer.tableNames(inherited)
              + (inherited.isEmpty() ? "" : " with data \"" + inherited.get(0).data() + "\""));
      out.printf(
          Locale.ROOT,
          "   after:  %,d objects, balances sum to %,d, owner %s: %s%n",
          objectsAfter,
          sumAfter,
          balances.owner().name(),
          objectsAfter == objectsBefore && sumAfter == sumBefore ? "nothing lost" : "DATA LOST");
      int servedByHeir = 0;
      for (int account = 0; account < HEIR_CALLS; account++) {
        if (balances.get(account).equals(standby.call(new BalancesServer.Balance(account), WAIT))) {
          servedByHeir++;
        }
      }
      out.printf(
          Locale.ROOT,
          "   the heir now answers calls too: %,d of %,d balances it returned match the table%n",
          servedByHeir,
          HEIR_CALLS);

      // 4. A bounded mailbox under overload.
      section(
          out,
          "4. A bounded mailbox ("
              + AUDIT_MAILBOX
              + " messages, REJECT) under a burst of "
              + AUDIT_BURST
              + " casts");
      CountDownLatch stalled = new CountDownLatch(1);
      CountDownLatch released = new CountDownLatch(1);
      Proc audit =
          Proc.builder("audit-log")
              .mailbox(AUDIT_MAILBOX, OverflowPolicy.REJECT)
              .start(new AuditLogServer(stalled, released));
      audit.cast("first entry");
      stalled.await(); // the consumer is stuck on its first entry: nothing drains the mailbox
      int accepted = 0;
      for (int i = 0; i < AUDIT_BURST; i++) {
        if (audit.cast("entry " + i)) {
          accepted++;
        }
      }
      out.printf(
          Locale.ROOT,
          "   accepted %d, refused %d (droppedCount %d); the sender never blocked%n",
          accepted,
          AUDIT_BURST - accepted,
          audit.droppedCount());
      boolean callRefused = false;
      try {
        audit.call("flush", WAIT);
      } catch (MailboxOverloadedException expected) {
        callRefused = true;
        out.println("   a call fails at once: " + expected.getMessage());
      }

      // 5. Introspection.
      section(out, "5. Tables.i(): every live table");
      out.print(indent(Tables.i()));
      section(out, "   Procs.top(3, PROCESSED): the busiest processes");
      out.print(indent(ProcessListing.of(Procs.top(3, TopBy.PROCESSED))));
      section(out, "   Procs.top(3, MAILBOX_LENGTH): the processes falling behind");
      out.print(indent(ProcessListing.of(Procs.top(3, TopBy.MAILBOX_LENGTH))));

      // Shut down: release the audit log, stop the heir (its table dies with it), erase the term.
      released.countDown();
      audit.exit(ExitReason.SHUTDOWN);
      standby.exit(ExitReason.SHUTDOWN);
      audit.awaitExit(WAIT);
      standby.awaitExit(WAIT);
      PersistentTerm.erase(DemoSettings.KEY);

      section(out, "6. JFR events jets emitted during this run");
      Map<String, Long> counts = events.stopAndCount();
      counts.forEach((event, count) -> out.printf(Locale.ROOT, "   %-28s %,d%n", event, count));
      out.printf(Locale.ROOT, "   (checksum of everything read: %d)%n", race.checksum());
      return new Outcome(
          call,
          direct,
          handle,
          objectsBefore,
          objectsAfter,
          sumBefore,
          sumAfter,
          heirOwner,
          servedByHeir,
          accepted,
          AUDIT_BURST - accepted,
          callRefused,
          counts);
    }
  }

  private static long sumOf(Table<Integer, Long> table) {
    return table.foldl(0L, (account, balance, sum) -> sum + balance);
  }

  private static void print(PrintStream out, ReadPathRace.Result result) {
    out.printf(
        Locale.ROOT,
        "   %-24s %,15.0f reads/s  (%,d reads in %.2f s)%n",
        result.path(),
        result.opsPerSecond(),
        result.operations(),
        result.nanos() / 1e9);
  }

  private static void section(PrintStream out, String title) {
    out.println();
    out.println(title);
  }

  private static String indent(String block) {
    return block
        .lines()
        .map(line -> "   " + line + System.lineSeparator())
        .reduce("", String::concat);
  }
}
