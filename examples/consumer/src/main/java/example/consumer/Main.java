package example.consumer;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.micrometer.JetsMetrics;
import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.process.GenServer;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.ReplyTo;
import io.jets.table.Access;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.term.PersistentTerm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * A jets user's first program, built against the published artifacts only (jets-bom and the README's
 * "Install" blocks). It uses the core modules and loads one public class of each integration
 * module; it fails (a non-zero exit, which fails the build) if any answer is wrong.
 */
public final class Main {

  private Main() {}

  /** Owns the "stock" table: the only writer; every thread reads it directly. */
  static final class StockServer implements GenServer<SetTable<String, Integer>> {
    @Override
    public Next<SetTable<String, Integer>> init() {
      return Next.noReply(Tables.set("stock").named().<String, Integer>build());
    }

    @Override
    public Next<SetTable<String, Integer>> handleCall(
        Object request, ReplyTo from, SetTable<String, Integer> stock) {
      String item = (String) request;
      stock.insert(item, stock.getOrDefault(item, 0) + 1);
      return Next.reply("ok", stock);
    }
  }

  /**
   * Runs the program.
   *
   * @param args one word saying where it runs (module path or class path), printed
   */
  public static void main(String[] args) throws InterruptedException {
    String where = args.length > 0 ? String.join(" ", args) : "?";

    OwnerScope app = OwnerScope.open("app");
    SetTable<String, String> users;
    OrderedTable<Integer, String> events;
    CacheTable<String, Integer> lengths;
    try (Owner.Binding bound = app.bind()) {
      users = Tables.set("users").build();
      events = Tables.<Integer, String>orderedSet("events").build();
      lengths = Caches.<String, Integer>cache("lengths").access(Access.PUBLIC).maximumSize(100).build();
      users.insert("u1", "alice");
      events.insertAll(List.of(java.util.Map.entry(2, "b"), java.util.Map.entry(1, "a")));
    }
    check("set get", "alice", users.get("u1"));
    check("ordered first", 1, events.first());
    check("cache load", 5, lengths.getOrLoad("hello", String::length));

    PersistentTerm.put("consumer.greeting", "hi");
    check("term", "hi", PersistentTerm.get("consumer.greeting"));

    Proc server = Procs.start("stock-server", new StockServer());
    server.call("apple", Duration.ofSeconds(5));
    server.call("apple", Duration.ofSeconds(5));
    @SuppressWarnings("unchecked")
    SetTable<String, Integer> stock =
        (SetTable<String, Integer>) Tables.whereis("stock").orElseThrow();
    check("bypass read", 2, stock.get("apple"));

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new JetsMetrics().bindTo(registry);
    check("meters", true, !registry.getMeters().isEmpty());

    for (Class<?> integration :
        List.of(
            io.jets.pekko.JetsBehaviors.class,
            io.jets.cluster.ReplicatedTables.class,
            io.jets.offheap.OffHeapTables.class)) {
      check("module of " + integration.getSimpleName(), true, integration.getModule() != null);
      System.out.println("  " + integration.getName() + " from " + integration.getModule());
    }

    server.exit(ExitReason.SHUTDOWN);
    server.awaitExit(Duration.ofSeconds(5));
    app.close();
    check("owner exit deletes", true, users.isDeleted());
    System.out.println("jets consumer on the " + where + ": all checks passed");
  }

  private static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }
}
