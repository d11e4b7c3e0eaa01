package io.jets.examples;

import io.jets.owner.ExitReason;
import io.jets.process.GenServer;
import io.jets.process.MailboxOverloadedException;
import io.jets.process.Next;
import io.jets.process.OverflowPolicy;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.ReplyTo;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.time.Duration;

/** The README's tour of processes as table owners: the bypass read and the owner lifecycle. */
public final class TourProcesses {

  private TourProcesses() {}

  // spotless:off

  // tag::genserver[]
  /** Owns the "prices" table: the only writer; every other thread reads the table directly. */
  static final class PriceServer implements GenServer<SetTable<String, Long>> {
    @Override
    public Next<SetTable<String, Long>> init() {
      SetTable<String, Long> prices = Tables.set("prices").named().readConcurrency(true).build();
      return Next.noReply(prices); // created in init: this process owns it
    }

    @Override
    public Next<SetTable<String, Long>> handleCall(Object request, ReplyTo from, SetTable<String, Long> prices) {
      if (request instanceof String item) {
        prices.insert(item, prices.getOrDefault(item, 0L) + 1); // writes go through the owner
        return Next.reply("ok", prices);
      }
      return Next.reply("unknown request", prices);
    }
  }
  // end::genserver[]
  // spotless:on

  /** Runs the tour; returns the price read directly after the owner's write. */
  public static long run() throws InterruptedException {
    // spotless:off
    // tag::processes[]
    Proc owner = Procs.start("price-server", new PriceServer()); // waits until init returned
    owner.call("apple", Duration.ofSeconds(1)); // a write: one message round trip
    @SuppressWarnings("unchecked")
    SetTable<String, Long> prices = (SetTable<String, Long>) Tables.whereis("prices").orElseThrow();
    long apples = prices.get("apple"); // a read: no message, no lock (the bypass read)

    Proc slow = Proc.builder("slow").mailbox(1_000, OverflowPolicy.REJECT).start(new EchoServer());
    try {
      slow.call("x", Duration.ofSeconds(1));
    } catch (MailboxOverloadedException full) {
      // only when 1,000 messages wait: callers learn at once instead of queueing without bound
    }

    owner.exit(ExitReason.SHUTDOWN); // the owner exits: with no heir, its table is deleted
    owner.awaitExit(Duration.ofSeconds(1));
    boolean deleted = prices.isDeleted(); // true; any operation now throws TableDeletedException
    // end::processes[]
    // spotless:on
    slow.exit(ExitReason.SHUTDOWN);
    slow.awaitExit(Duration.ofSeconds(1));
    if (!deleted || apples != 1) {
      throw new IllegalStateException("the processes tour went wrong");
    }
    return apples;
  }

  /** A server that answers every call, for the bounded-mailbox line of the tour. */
  static final class EchoServer implements GenServer<Integer> {
    @Override
    public Next<Integer> init() {
      return Next.noReply(0);
    }

    @Override
    public Next<Integer> handleCall(Object request, ReplyTo from, Integer handled) {
      return Next.reply("ok", handled + 1);
    }
  }
}
