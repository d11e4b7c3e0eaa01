package io.jets.examples;

import io.jets.cache.CacheEvent;
import io.jets.cache.CacheStats;
import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.WriteConcurrency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The README's cache section, compiled and run by {@code TourTest}. */
public final class TourCache {

  private TourCache() {}

  /** A session, as the tour's backing store returns it. */
  public record Session(String id, String user) {}

  /** The tour's stand-in for a database. */
  static final class Db {
    int loads;

    Session loadSession(String id) {
      loads++;
      return new Session(id, "user of " + id);
    }
  }

  /** What the tour saw, for its test. */
  public record Outcome(Session loaded, Session guest, CacheStats stats, List<String> audit) {}

  /** Runs the tour. */
  public static Outcome run() {
    Db db = new Db();
    List<String> audit = new ArrayList<>();
    Session guest = new Session("s-44", "guest");
    // spotless:off
    // tag::cache[]
    OwnerScope app = OwnerScope.open("app");
    CacheTable<String, Session> sessions;
    try (Owner.Binding bound = app.bind()) {
      sessions = Caches.<String, Session>cache("sessions")
          .access(Access.PUBLIC)                          // any thread may load and write
          .writeConcurrency(WriteConcurrency.ON)
          .expireAfterWrite(Duration.ofMinutes(30))       // default time to live
          .expireAfterAccess(Duration.ofMinutes(5))       // and idle time
          .maximumSize(100_000)                           // frequency-aware eviction past the bound
          .recordStats()                                  // off by default, free when off
          .listener((CacheEvent<String, Session> e) -> audit.add(e.kind() + " " + e.key()))
          .build();                                       // owned by app: it dies with app
    }
    Session s = sessions.getOrLoad("s-42", id -> db.loadSession(id));       // one load per key, however many callers
    Session t = sessions.getOrLoad("s-43", id -> db.loadSession(id), Duration.ofMillis(200));  // bounded wait
    sessions.insert("s-44", guest, Duration.ofSeconds(30));                  // this object's own time to live
    sessions.touch("s-42");                                                  // restart its time to live
    Session maybe = sessions.get("s-45");                                    // null if absent or expired
    Map<String, Session> view = sessions.asMap();                            // a ConcurrentMap, for java.util code
    CacheStats stats = sessions.cacheStats();                                // hits, misses, loads, evictions
    // app.close() later: the owner exits and the cache is deleted (or passes to its heir)
    // end::cache[]
    // spotless:on
    Outcome outcome = new Outcome(s, view.get("s-44"), stats, List.copyOf(audit));
    app.close();
    if (t == null || maybe != null || !sessions.isDeleted()) {
      throw new IllegalStateException("the cache tour went wrong");
    }
    return outcome;
  }
}
