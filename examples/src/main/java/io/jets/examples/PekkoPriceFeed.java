package io.jets.examples;

import io.jets.pekko.JetsBehaviors;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Table;
import io.jets.table.Tables;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A Pekko price-feed actor owns an ordered {@code prices} table; "HTTP handler" threads answer
 * quotes and range queries straight from the table, never asking the actor. Terminating the actor
 * system deletes the table with its owner. Run: {@code java --module-path ... --module
 * io.jets.examples/io.jets.examples.PekkoPriceFeed}.
 */
public final class PekkoPriceFeed {

  private static final String[] SYMBOLS = {"AAPL", "AMZN", "GOOG", "IBM", "MSFT", "NVDA", "ORCL"};
  private static final int TICKS = 20_000;
  private static final int HANDLERS = 4;

  /** What the run observed, for its test. */
  record Outcome(long quotesServed, Map<String, Long> lastPrices, boolean deletedWithItsOwner) {}

  private PekkoPriceFeed() {}

  // spotless:off
  // tag::pekko[]
  record Tick(String symbol, long cents) {}

  static Behavior<Tick> priceFeed() {
    return JetsBehaviors.owning(Behaviors.setup(context -> { // the actor owns what it builds
      OrderedTable<String, Long> prices =
          Tables.<String, Long>orderedSet("prices").named().readConcurrency(true).build();
      return Behaviors.receive(Tick.class)
          .onMessage(Tick.class, tick -> {
            prices.insert(tick.symbol(), tick.cents()); // only the owner writes
            return Behaviors.same();
          })
          .build();
    })); // stopped, crashed or restarted: its tables go to their heirs or are deleted
  }
  // end::pekko[]
  // spotless:on

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  @SuppressWarnings("unchecked")
  static Outcome run(PrintStream out) throws Exception {
    ActorSystem<Tick> system = ActorSystem.create(priceFeed(), "price-feed");
    try {
      OrderedTable<String, Long> prices = awaitTable("prices");
      out.printf("the prices table is owned by %s%n", prices.owner().name());
      CountDownLatch ticking = new CountDownLatch(1);
      AtomicLong served = new AtomicLong();
      List<Thread> handlers = new ArrayList<>();
      for (int h = 0; h < HANDLERS; h++) {
        handlers.add(
            Thread.ofPlatform()
                .name("http-handler-" + h)
                .start(() -> serve(prices, ticking, served)));
      }
      for (int i = 1; i <= TICKS; i++) {
        system.tell(new Tick(SYMBOLS[i % SYMBOLS.length], 10_000L + i));
      }
      system.tell(new Tick("ZZZZ", 0L)); // the last tick: handlers stop when they see it
      ticking.countDown();
      for (Thread handler : handlers) {
        handler.join();
      }
      Map<String, Long> last = new java.util.TreeMap<>();
      prices.foldl(
          last,
          (symbol, cents, acc) -> {
            acc.put(symbol, cents);
            return acc;
          });
      out.printf(
          Locale.ROOT, "%d quotes served directly by %d handler threads%n", served.get(), HANDLERS);
      out.printf("last prices: %s%n", last);
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      out.printf("actor system terminated: prices table deleted = %s%n", prices.isDeleted());
      return new Outcome(served.get(), last, prices.isDeleted());
    } finally {
      system.terminate();
    }
  }

  /** One handler: quotes and a range query per request, until the last tick is visible. */
  private static void serve(
      OrderedTable<String, Long> prices, CountDownLatch ticking, AtomicLong served) {
    MatchSpec<String, Long, String> aToH =
        MatchSpec.<String, Long>where(KeyPattern.range("A", "H")).returnKey();
    long answered = 0;
    while (ticking.getCount() > 0 || prices.get("ZZZZ") == null) {
      prices.get("MSFT"); // a quote: one lock-free read on this thread
      prices.select(aToH); // a range: visits only the keys from A to H
      answered++;
    }
    served.addAndGet(answered);
  }

  @SuppressWarnings("unchecked")
  private static OrderedTable<String, Long> awaitTable(String name) throws TimeoutException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) { // the actor builds it when it starts
      var table = Tables.whereis(name);
      if (table.isPresent()) {
        return (OrderedTable<String, Long>) (Table<?, ?>) table.get();
      }
      Thread.onSpinWait();
    }
    throw new TimeoutException("the feed did not create " + name);
  }
}
