package io.jets.micrometer;

import io.jets.cache.CacheStats;
import io.jets.cache.CacheTable;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.table.Table;
import io.jets.table.TableException;
import io.jets.table.TableStats;
import io.jets.table.Tables;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * A Micrometer {@link MeterBinder} for the jets tables and processes alive when {@link #bindTo} is
 * called. Meters hold their table or process weakly, so binding never keeps a deleted table or an
 * exited process reachable; a meter of a deleted table, and the mailbox gauge of an exited process,
 * read {@code NaN} (a process's message counters keep their final counts until it is collected).
 *
 * <p>Per table (tags {@code table}, {@code type}): gauges {@code jets.table.size} (objects) and
 * {@code jets.table.memory} (bytes, an estimate); for tables built with {@code recordStats()},
 * function counters {@code jets.table.lookups} (tag {@code result}: {@code hit} or {@code miss}),
 * {@code jets.table.inserts} and {@code jets.table.deletes}. A PRIVATE table's figures can be read
 * only by its owner, so its meters read {@code NaN} elsewhere.
 *
 * <p>Per cache table built with {@code recordStats()}, also Micrometer's standard cache meters (tag
 * {@code cache}: the table's name), as its Caffeine binder registers them: gauge {@code
 * cache.size}; function counters {@code cache.gets} (tag {@code result}: {@code hit} or {@code
 * miss}), {@code cache.puts}, {@code cache.evictions}, {@code cache.eviction.weight} and {@code
 * cache.load} (tag {@code result}: {@code success} or {@code failure}); time gauge {@code
 * cache.load.duration}. The figures follow {@link io.jets.cache.CacheStats}, whose definitions are
 * Caffeine's, so dashboards built for Caffeine read them unchanged.
 *
 * <p>Per process (tags {@code process}, {@code id}): gauge {@code jets.process.mailbox.length} and
 * function counters {@code jets.process.messages.processed} and {@code
 * jets.process.messages.dropped}.
 *
 * <p>Tables and processes created later are not seen until {@code bindTo} runs again; binding again
 * is safe (Micrometer returns the meters already registered under the same name and tags), so an
 * application may call it on a schedule. Reading a meter never blocks and never takes a table lock:
 * sizes are the tables' estimates under concurrent writes.
 */
public final class JetsMetrics implements MeterBinder {

  /** Creates a binder; it holds no state, so one instance can bind any number of registries. */
  public JetsMetrics() {}

  /**
   * Registers the meters of every table and process alive now (a weakly consistent listing: one
   * created or ended during the call may or may not be bound). Safe to call again.
   *
   * @param registry where to register the meters; not null
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    for (Table<?, ?> table : Tables.all()) {
      bindTable(registry, table);
    }
    for (Proc proc : Procs.list()) {
      bindProcess(registry, proc);
    }
  }

  private static void bindTable(MeterRegistry registry, Table<?, ?> table) {
    Tags tags = Tags.of("table", table.name(), "type", table.type().name());
    Gauge.builder("jets.table.size", table, readable(t -> t.size()))
        .tags(tags)
        .description("objects in the table (an estimate under concurrent writes)")
        .baseUnit("objects")
        .register(registry);
    Gauge.builder("jets.table.memory", table, readable(t -> t.info().memoryBytes()))
        .tags(tags)
        .description("estimated heap used by the table's structure")
        .baseUnit("bytes")
        .register(registry);
    TableStats stats = statsOf(table);
    if (stats == null || !stats.recording()) {
      return;
    }
    FunctionCounter.builder("jets.table.lookups", table, readable(t -> t.stats().lookupHits()))
        .tags(tags)
        .tag("result", "hit")
        .description("key reads that found the key")
        .register(registry);
    FunctionCounter.builder("jets.table.lookups", table, readable(t -> t.stats().lookupMisses()))
        .tags(tags)
        .tag("result", "miss")
        .description("key reads that did not find the key")
        .register(registry);
    FunctionCounter.builder("jets.table.inserts", table, readable(t -> t.stats().inserts()))
        .tags(tags)
        .description("objects passed to successful inserts")
        .register(registry);
    FunctionCounter.builder("jets.table.deletes", table, readable(t -> t.stats().deletes()))
        .tags(tags)
        .description("delete calls that removed something")
        .register(registry);
    if (table instanceof CacheTable<?, ?> cache) {
      bindCache(registry, cache);
    }
  }

  /** Micrometer's cache meter names, as its Caffeine binder registers them. */
  private static void bindCache(MeterRegistry registry, CacheTable<?, ?> cache) {
    Tags tags = Tags.of("cache", cache.name());
    Gauge.builder("cache.size", cache, readable(c -> c.size()))
        .tags(tags)
        .description("The number of entries in this cache (expired ones not yet removed included)")
        .register(registry);
    FunctionCounter.builder("cache.gets", cache, cacheStat(s -> s.hits()))
        .tags(tags)
        .tag("result", "hit")
        .description("The number of times cache lookup methods have returned a cached value")
        .register(registry);
    FunctionCounter.builder("cache.gets", cache, cacheStat(s -> s.misses()))
        .tags(tags)
        .tag("result", "miss")
        .description("The number of times cache lookup methods have returned an uncached value")
        .register(registry);
    FunctionCounter.builder("cache.puts", cache, readable(c -> c.stats().inserts()))
        .tags(tags)
        .description("The number of entries added to the cache")
        .register(registry);
    FunctionCounter.builder("cache.evictions", cache, cacheStat(s -> s.evictions()))
        .tags(tags)
        .description("The number of entries evicted or expired by the cache")
        .register(registry);
    FunctionCounter.builder("cache.eviction.weight", cache, cacheStat(s -> s.evictionWeight()))
        .tags(tags)
        .description("The sum of weights of evicted entries")
        .register(registry);
    FunctionCounter.builder("cache.load", cache, cacheStat(s -> s.loadSuccesses()))
        .tags(tags)
        .tag("result", "success")
        .description("The number of times loads returned a value")
        .register(registry);
    FunctionCounter.builder("cache.load", cache, cacheStat(s -> s.loadFailures()))
        .tags(tags)
        .tag("result", "failure")
        .description("The number of times loads threw or found nothing")
        .register(registry);
    TimeGauge.builder(
            "cache.load.duration", cache, TimeUnit.NANOSECONDS, cacheStat(s -> s.totalLoadNanos()))
        .tags(tags)
        .description("The time the cache has spent loading new values")
        .register(registry);
  }

  private static ToDoubleFunction<Table<?, ?>> cacheStat(ToDoubleFunction<CacheStats> figure) {
    return readable(table -> figure.applyAsDouble(((CacheTable<?, ?>) table).cacheStats()));
  }

  private static void bindProcess(MeterRegistry registry, Proc proc) {
    Tags tags = Tags.of("process", proc.name(), "id", Long.toString(proc.id()));
    Gauge.builder(
            "jets.process.mailbox.length", proc, p -> p.isAlive() ? p.mailboxLength() : Double.NaN)
        .tags(tags)
        .description("messages waiting in the mailbox")
        .baseUnit("messages")
        .register(registry);
    FunctionCounter.builder("jets.process.messages.processed", proc, p -> p.processedCount())
        .tags(tags)
        .description("messages taken from the mailbox")
        .register(registry);
    FunctionCounter.builder("jets.process.messages.dropped", proc, p -> p.droppedCount())
        .tags(tags)
        .description("messages refused by a full REJECT mailbox")
        .register(registry);
  }

  private static TableStats statsOf(Table<?, ?> table) {
    try {
      return table.stats();
    } catch (TableException unreadable) {
      return null; // deleted meanwhile, or PRIVATE to another owner
    }
  }

  /** A reading that is {@code NaN} when the table is deleted or not readable by the caller. */
  private static ToDoubleFunction<Table<?, ?>> readable(ToDoubleFunction<Table<?, ?>> reading) {
    return table -> {
      try {
        return reading.applyAsDouble(table);
      } catch (TableException unreadable) {
        return Double.NaN;
      }
    };
  }
}
