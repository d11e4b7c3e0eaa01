package io.jets.cache;

import io.jets.cache.internal.CacheOptions;
import io.jets.cache.internal.CacheStoreTable;
import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.TableBuilder;
import io.jets.table.TableInfo;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.internal.BuilderSettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Builds a {@link CacheTable}: a {@link TableType#SET} table with expiry, a size bound, load-once,
 * listeners and stats. Takes every option of {@link TableBuilder}; no cache option is on by
 * default. {@link TableBuilder#recordStats()} turns on both {@link Table#stats()} and {@link
 * CacheTable#cacheStats()}.
 *
 * <p>A setter only records its argument, and the last value given to a setting counts. Settings are
 * validated by {@link #build()}, which throws {@link BadArgumentException} naming the table and the
 * setting and creates nothing: a null argument to any setter this class adds (null never means
 * "unset" there; {@link TableBuilder}'s own keep their meaning, {@code owner(null)} the default
 * owner), a negative bound, a duration that is not positive, or settings that conflict. A builder
 * is not thread-safe; build it on one thread.
 *
 * @param <K> the key type of the cache it builds
 * @param <V> the value type of the cache it builds
 */
public final class CacheTableBuilder<K, V> extends TableBuilder<CacheTableBuilder<K, V>> {

  private Duration expireAfterWrite;
  private Duration expireAfterAccess;
  private Long maximumSize; // null: unset
  private Long maximumWeight; // null: unset
  private Weigher<?, ?> weigher;
  private Ticker ticker = Ticker.system();
  private CacheListener<?, ?> listener;
  private CacheListener<?, ?> removalListener;
  private boolean backgroundExpiry = true;
  private Executor executor = ForkJoinPool.commonPool();
  private Function<?, ?> loader;
  private Duration refreshAfterWrite;
  private Expiry<?, ?> expiry;
  private Function<?, ? extends Map<?, ?>> bulkLoader;
  // The settings whose last value was null, in the order they were set: build() refuses them.
  private final Set<String> nullSettings = new LinkedHashSet<>();

  CacheTableBuilder(String name) {
    super(name, TableType.SET);
  }

  /** Records that {@code setting} was last given {@code value}; build refuses a null one. */
  private void given(String setting, Object value) {
    if (value == null) {
      nullSettings.add(setting);
    } else {
      nullSettings.remove(setting);
    }
  }

  /**
   * Every object expires this long after it was last written (unless inserted with its own time to
   * live).
   *
   * @param timeToLive the time to live; positive, not null
   * @return this builder
   */
  public CacheTableBuilder<K, V> expireAfterWrite(Duration timeToLive) {
    given("expireAfterWrite", timeToLive);
    this.expireAfterWrite = timeToLive;
    return this;
  }

  /**
   * Every object expires this long after it was last read or written.
   *
   * @param timeToIdle the time an object may go unused; positive, not null
   * @return this builder
   */
  public CacheTableBuilder<K, V> expireAfterAccess(Duration timeToIdle) {
    given("expireAfterAccess", timeToIdle);
    this.expireAfterAccess = timeToIdle;
    return this;
  }

  /**
   * Bounds the number of objects; objects unlikely to be read again are evicted past it.
   *
   * @param maximumSize the most objects the cache keeps when no write is running; zero or more
   *     (zero keeps nothing)
   * @return this builder
   */
  public CacheTableBuilder<K, V> maximumSize(long maximumSize) {
    this.maximumSize = maximumSize;
    return this;
  }

  /**
   * Bounds the total weight of the objects, as measured by {@link #weigher}, which is then
   * required.
   *
   * @param maximumWeight the most total weight the cache keeps when no write is running; zero or
   *     more
   * @return this builder
   */
  public CacheTableBuilder<K, V> maximumWeight(long maximumWeight) {
    this.maximumWeight = maximumWeight;
    return this;
  }

  /**
   * How much each object weighs against {@link #maximumWeight}.
   *
   * @param <K1> the key type the weigher fixes
   * @param <V1> the value type the weigher fixes
   * @param weigher the weigher; not null
   * @return this builder, typed by the weigher
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    given("weigher", weigher);
    this.weigher = weigher;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * The time source ({@link Ticker#system()} by default); tests pass a clock they advance.
   *
   * @param ticker the time source; not null
   * @return this builder
   */
  public CacheTableBuilder<K, V> ticker(Ticker ticker) {
    given("ticker", ticker);
    this.ticker = ticker;
    return this;
  }

  /**
   * Receives every change; see {@link CacheListener} for the thread and the timing.
   *
   * @param <K1> the key type the listener fixes
   * @param <V1> the value type the listener fixes
   * @param listener the listener; not null
   * @return this builder, typed by the listener
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> listener(
      CacheListener<K1, V1> listener) {
    given("listener", listener);
    this.listener = listener;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Receives the removals only, as Caffeine's {@code removalListener}: {@link
   * CacheEvent.Kind#UPDATED UPDATED} (the old value replaced: Caffeine's {@code REPLACED}), {@link
   * CacheEvent.Kind#DELETED DELETED} ({@code EXPLICIT}), {@link CacheEvent.Kind#EXPIRED EXPIRED}
   * and {@link CacheEvent.Kind#EVICTED EVICTED} ({@code SIZE}); not insertions. Same thread and
   * timing as {@link #listener}; with both, the listener is called first.
   *
   * @param <K1> the key type the listener fixes
   * @param <V1> the value type the listener fixes
   * @param removalListener the listener; not null
   * @return this builder, typed by the listener
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> removalListener(
      CacheListener<K1, V1> removalListener) {
    given("removalListener", removalListener);
    this.removalListener = removalListener;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /** The listener and the removal listener as one listener; null if neither is set. */
  @SuppressWarnings("unchecked")
  private CacheListener<Object, Object> listeners() {
    CacheListener<Object, Object> all = (CacheListener<Object, Object>) listener;
    CacheListener<Object, Object> removals = (CacheListener<Object, Object>) removalListener;
    if (removals == null) {
      return all;
    }
    return event -> {
      try {
        if (all != null) {
          all.onEvent(event);
        }
      } finally {
        if (event.kind() != CacheEvent.Kind.INSERTED) {
          removals.onEvent(event);
        }
      }
    };
  }

  /**
   * The loader behind read-through reads: with one, {@link CacheTable#get(Object) get(key)} of a
   * missing key loads it (once, however many threads ask, as {@link CacheTable#getOrLoad}) and
   * needs only read access: the loader acts for the owner. {@link CacheTable#getAll} uses it for
   * each missing key unless a {@link #bulkLoader} is set. The map view ({@link CacheTable#asMap()})
   * never loads: its {@code get}, {@code compute} and {@code merge} see a missing key as absent.
   * Caffeine's {@code build(CacheLoader)}.
   *
   * @param <K1> the key type the loader fixes
   * @param <V1> the value type the loader fixes
   * @param loader computes the value of a missing key, or null to cache nothing; not null itself
   * @return this builder, typed by the loader
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> loader(
      Function<? super K1, ? extends V1> loader) {
    given("loader", loader);
    this.loader = loader;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Gives each object its own time to live, computed by {@code expiry} when it is created, updated
   * and read (Caffeine's {@code expireAfter}). Cannot be combined with {@link #expireAfterWrite} or
   * {@link #expireAfterAccess}. A read that shortens an object's time to live hides it at once; the
   * timer wheel removes it at the deadline it had (an object that had none, at its new one).
   *
   * @param <K1> the key type the expiry fixes
   * @param <V1> the value type the expiry fixes
   * @param expiry computes each object's time to live; not null
   * @return this builder, typed by the expiry
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> expireAfter(
      Expiry<? super K1, ? super V1> expiry) {
    given("expireAfter", expiry);
    this.expiry = expiry;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Reloads an object this long after it was written, when a read finds it: the read (and every
   * read until the reload completes) returns the current value, while one reload per key runs on a
   * virtual thread with the build-time {@link #loader}; its value then replaces the object (unless
   * a write replaced or removed it meanwhile), a null removes it, and an exception leaves it as it
   * was (and is logged). Needs a loader. Caffeine's {@code refreshAfterWrite}.
   *
   * @param refreshAfterWrite how long after a write a read triggers a reload; positive, not null
   * @return this builder
   */
  public CacheTableBuilder<K, V> refreshAfterWrite(Duration refreshAfterWrite) {
    given("refreshAfterWrite", refreshAfterWrite);
    this.refreshAfterWrite = refreshAfterWrite;
    return this;
  }

  /**
   * Loads every missing key of one {@link CacheTable#getAll} call at once: given the missing keys,
   * returns a map of those it found (keys it leaves out stay absent; extra entries are cached too).
   * Caffeine's {@code CacheLoader.loadAll}.
   *
   * @param <K1> the key type the bulk loader fixes
   * @param <V1> the value type the bulk loader fixes
   * @param bulkLoader given the missing keys (an unmodifiable set), returns what it found (null:
   *     nothing); not null itself
   * @return this builder, typed by the bulk loader
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> bulkLoader(
      Function<? super Set<K1>, ? extends Map<? extends K1, ? extends V1>> bulkLoader) {
    given("bulkLoader", bulkLoader);
    this.bulkLoader = bulkLoader;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Where a bounded cache applies its buffered reads to its eviction policy ({@link
   * ForkJoinPool#commonPool()} by default, as Caffeine's {@code executor}): a reader that fills its
   * read buffer hands the batch to this executor and returns. {@code Runnable::run} applies it on
   * the reading thread, if the policy is free. Writes do their maintenance on the writing thread.
   *
   * @param executor where buffered reads are applied; not null
   * @return this builder
   */
  public CacheTableBuilder<K, V> executor(Executor executor) {
    given("executor", executor);
    this.executor = executor;
    return this;
  }

  /**
   * Whether a shared daemon thread removes expired objects when no write or {@link
   * CacheTable#cleanUp()} does (on by default). Tests that drive expiry with a fake ticker turn it
   * off so that every removal happens on their own thread.
   *
   * @param backgroundExpiry false to leave every removal to writes and {@code cleanUp()}
   * @return this builder
   */
  public CacheTableBuilder<K, V> backgroundExpiry(boolean backgroundExpiry) {
    this.backgroundExpiry = backgroundExpiry;
    return this;
  }

  /**
   * Creates the cache table. Which lifetime it gets is decided here, once:
   *
   * <ul>
   *   <li><b>Owned</b> (ETS's rule), when an owner is named with {@code owner(...)}, or one is
   *       bound to the calling thread (a process, an actor, an {@code OwnerScope}), or the cache is
   *       {@link #named()} or has an heir: it belongs to that owner (by default {@link
   *       io.jets.owner.Owner#current()}) and is deleted, or passes to its heir, when the owner
   *       exits.
   *   <li><b>Standalone</b> otherwise (built on a plain thread with none of those): a cache as
   *       Caffeine's are, PUBLIC unless {@code access(...)} says otherwise, owned by no lifecycle
   *       ({@link TableInfo#standalone()} is true, {@link TableInfo#owner()} the application), and
   *       collected by the garbage collector once nothing references it. {@link Tables#all()} lists
   *       it while it lives; {@code delete()} still frees it at once.
   * </ul>
   *
   * @param <K1> the key type of the cache, as the caller names it
   * @param <V1> the value type of the cache, as the caller names it
   * @return the new cache table, open
   * @throws BadArgumentException if a setting is null or invalid (a negative bound, a duration that
   *     is not positive) or conflicts with another, the owner has exited, or the table is named and
   *     its name is in use; nothing is created
   */
  public <K1 extends K, V1 extends V> CacheTable<K1, V1> build() {
    var table = BuilderSettings.options(this, true);
    String name = table.name();
    if (!nullSettings.isEmpty()) {
      throw new BadArgumentException(name, "build: " + nullSettings.iterator().next() + " is null");
    }
    long writeNanos = positiveNanos(name, expireAfterWrite, "expireAfterWrite");
    long accessNanos = positiveNanos(name, expireAfterAccess, "expireAfterAccess");
    long refreshNanos = positiveNanos(name, refreshAfterWrite, "refreshAfterWrite");
    if (expiry != null && (writeNanos != 0 || accessNanos != 0)) {
      throw new BadArgumentException(
          name, "build: expireAfter(Expiry) cannot be combined with expireAfterWrite/Access");
    }
    if (refreshNanos != 0 && loader == null) {
      throw new BadArgumentException(name, "build: refreshAfterWrite needs a loader");
    }
    if (maximumSize != null && maximumSize < 0) {
      throw new BadArgumentException(name, "build: maximumSize " + maximumSize + " is negative");
    }
    if (maximumWeight != null && maximumWeight < 0) {
      throw new BadArgumentException(
          name, "build: maximumWeight " + maximumWeight + " is negative");
    }
    if (maximumSize != null && maximumWeight != null) {
      throw new BadArgumentException(
          name, "build: maximumSize and maximumWeight cannot both be set");
    }
    if (maximumWeight != null && weigher == null) {
      throw new BadArgumentException(name, "build: maximumWeight needs a weigher");
    }
    if (weigher != null && maximumWeight == null) {
      throw new BadArgumentException(name, "build: a weigher is meaningless without maximumWeight");
    }
    long maximum = maximumWeight != null ? maximumWeight : maximumSize != null ? maximumSize : -1;
    return CacheStoreTable.create(
        table,
        new CacheOptions(
            writeNanos,
            accessNanos,
            maximum,
            weigher,
            ticker,
            table.recordStats(),
            listeners(),
            backgroundExpiry,
            executor,
            refreshNanos,
            expiry,
            loader,
            bulkLoader));
  }

  /** The duration in nanoseconds, 0 when unset; rejects zero and negative durations. */
  private static long positiveNanos(String table, Duration duration, String setting) {
    if (duration == null) {
      return 0;
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new BadArgumentException(
          table, "build: " + setting + " " + duration + " is not positive");
    }
    return CacheOptions.nanos(duration);
  }
}
