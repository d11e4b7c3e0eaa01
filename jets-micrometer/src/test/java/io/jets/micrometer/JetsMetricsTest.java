package io.jets.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.owner.ExitReason;
import io.jets.process.OverflowPolicy;
import io.jets.process.Proc;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link JetsMetrics} against a {@link SimpleMeterRegistry}: meters read the live figures. */
class JetsMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void tableGaugesFollowTheTableAndStatsCountersFollowItsStats() {
    SetTable<String, Long> table =
        Tables.set("metered-" + System.nanoTime()).access(Access.PUBLIC).recordStats().build();
    SetTable<String, Long> plain = Tables.set("unmetered-" + System.nanoTime()).build();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JetsMetrics().bindTo(registry);
      table.insert("a", 1L);
      table.insert("b", 2L);
      table.get("a");
      table.get("zz");
      table.delete("b");

      assertEquals(1.0, registry.get("jets.table.size").tag("table", table.name()).gauge().value());
      assertTrue(registry.get("jets.table.memory").tag("table", table.name()).gauge().value() > 0);
      assertEquals(
          1.0,
          registry
              .get("jets.table.lookups")
              .tag("table", table.name())
              .tag("result", "hit")
              .functionCounter()
              .count());
      assertEquals(
          1.0,
          registry
              .get("jets.table.lookups")
              .tag("table", table.name())
              .tag("result", "miss")
              .functionCounter()
              .count());
      assertEquals(
          2.0,
          registry.get("jets.table.inserts").tag("table", table.name()).functionCounter().count());
      assertEquals(
          1.0,
          registry.get("jets.table.deletes").tag("table", table.name()).functionCounter().count());
      assertNotNull(registry.find("jets.table.size").tag("table", plain.name()).gauge());
      assertNull(
          registry.find("jets.table.inserts").tag("table", plain.name()).functionCounter(),
          "a table without recordStats has no stats counters");

      table.delete();
      assertTrue(
          Double.isNaN(registry.get("jets.table.size").tag("table", table.name()).gauge().value()));
    } finally {
      if (!plain.isDeleted()) {
        plain.delete();
      }
    }
  }

  @Test
  void processMetersShowTheMailboxFillingAndDrops() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc proc =
        Proc.builder("metered-proc")
            .mailbox(2, OverflowPolicy.REJECT)
            .spawn(
                me -> {
                  release.await();
                  while (true) {
                    me.receive();
                  }
                });
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JetsMetrics().bindTo(registry);
      proc.send("one");
      proc.send("two");
      proc.send("refused");
      String id = Long.toString(proc.id());
      assertEquals(2.0, registry.get("jets.process.mailbox.length").tag("id", id).gauge().value());
      assertEquals(
          1.0,
          registry.get("jets.process.messages.dropped").tag("id", id).functionCounter().count());
      assertEquals(
          0.0,
          registry.get("jets.process.messages.processed").tag("id", id).functionCounter().count());
    } finally {
      release.countDown();
      proc.exit(ExitReason.KILL);
      proc.awaitExit(WAIT);
    }
  }

  @Test
  void bindingTwiceRegistersEachMeterOnce() {
    SetTable<String, Long> table = Tables.set("twice-" + System.nanoTime()).build();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JetsMetrics().bindTo(registry);
      new JetsMetrics().bindTo(registry);
      assertEquals(1, registry.find("jets.table.size").tag("table", table.name()).gauges().size());
    } finally {
      table.delete();
    }
  }

  @Test
  void aCacheWithStatsGetsMicrometersStandardCacheMetersAndBindingTwiceChangesNothing() {
    CacheTable<String, String> cache =
        Caches.<String, String>cache("metered-cache-" + System.nanoTime())
            .maximumSize(1)
            .recordStats()
            .build();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JetsMetrics().bindTo(registry);
      int meters = registry.getMeters().size();
      new JetsMetrics().bindTo(registry);
      assertEquals(meters, registry.getMeters().size(), "binding again registers nothing new");

      cache.getOrLoad("a", k -> "A"); // a miss and a load
      cache.get("a"); // a hit
      cache.getOrLoad("b", k -> null); // a miss and a failed load
      cache.insert("c", "C"); // evicts a: the bound is 1
      String name = cache.name();
      assertEquals(1.0, count(registry, "cache.gets", name, "result", "hit"));
      assertEquals(2.0, count(registry, "cache.gets", name, "result", "miss"));
      assertEquals(1.0, count(registry, "cache.load", name, "result", "success"));
      assertEquals(1.0, count(registry, "cache.load", name, "result", "failure"));
      assertEquals(
          1.0, registry.get("cache.evictions").tag("cache", name).functionCounter().count());
      assertEquals(
          1.0, registry.get("cache.eviction.weight").tag("cache", name).functionCounter().count());
      assertEquals(
          1.0,
          registry.get("cache.puts").tag("cache", name).functionCounter().count(),
          "explicit inserts; loaded values count as loads");
      assertEquals(1.0, registry.get("cache.size").tag("cache", name).gauge().value());
      assertTrue(
          registry
                  .get("cache.load.duration")
                  .tag("cache", name)
                  .timeGauge()
                  .value(java.util.concurrent.TimeUnit.NANOSECONDS)
              > 0);
    } finally {
      cache.delete();
    }
  }

  /**
   * The class documentation: a meter of a deleted table reads NaN (every one of it, the stats and
   * cache meters too); the mailbox gauge of an exited process reads NaN while its message counters
   * keep their final counts.
   */
  @Test
  void meterReadingsOfADeletedTableAreNaNAndAnExitedProcessKeepsItsCounts() throws Exception {
    CacheTable<String, String> cache =
        Caches.<String, String>cache("deleted-cache-" + System.nanoTime()).recordStats().build();
    Proc proc =
        Proc.builder("exiting-proc")
            .spawn(
                me -> {
                  me.receive();
                  me.receive();
                });
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JetsMetrics().bindTo(registry);
      cache.insert("a", "A");
      cache.get("a");
      String name = cache.name();
      int tableMeters = registry.find("jets.table.size").tag("table", name).meters().size();
      assertEquals(1, tableMeters);
      cache.delete();
      List<Double> readings = new ArrayList<>();
      for (Meter meter : registry.getMeters()) {
        String table = meter.getId().getTag("table");
        String cacheTag = meter.getId().getTag("cache");
        if (name.equals(table) || name.equals(cacheTag)) {
          meter.measure().forEach(m -> readings.add(m.getValue()));
        }
      }
      assertEquals(15, readings.size(), "size, memory, 4 stats counters and 9 cache meters");
      assertTrue(readings.stream().allMatch(v -> v.isNaN()), readings.toString());

      proc.send("one");
      proc.send("two");
      assertTrue(proc.awaitExit(WAIT).isPresent());
      String id = Long.toString(proc.id());
      assertTrue(
          Double.isNaN(registry.get("jets.process.mailbox.length").tag("id", id).gauge().value()));
      assertEquals(
          2.0,
          registry.get("jets.process.messages.processed").tag("id", id).functionCounter().count());
    } finally {
      if (!cache.isDeleted()) {
        cache.delete();
      }
      if (proc.isAlive()) {
        proc.exit(ExitReason.KILL);
        proc.awaitExit(WAIT);
      }
    }
  }

  private static double count(
      SimpleMeterRegistry registry, String meter, String cache, String tag, String value) {
    return registry.get(meter).tag("cache", cache).tag(tag, value).functionCounter().count();
  }
}
