package io.jets.cache;

import io.jets.cache.internal.CacheOptions;
import io.jets.cache.internal.CacheStoreTable;
import io.jets.table.BadArgumentException;
import io.jets.table.TableBuilder;
import io.jets.table.TableType;
import io.jets.table.internal.BuilderSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Builds a {@link CacheTable}: a {@link TableType#SET} table with expiry, a size bound, load-once,
 * listeners and stats. Takes every option of {@link TableBuilder}; no cache option is on by
 * default. {@link TableBuilder#recordStats()} turns on both {@link Table#stats()} and {@link
 * CacheTable#cacheStats()}. Settings are validated by {@link #build()}, which throws {@link
 * BadArgumentException} naming the table and the setting and creates nothing.
 */
public final class CacheTableBuilder<K, V> extends TableBuilder<CacheTableBuilder<K, V>> {

  private Duration expireAfterWrite;
  private Duration expireAfterAccess;
  private long maximumSize = -1;
  private long maximumWeight = -1;
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

  CacheTableBuilder(String name) {
    super(name, TableType.SET);
  }

  /**
   * Every object expires this long after it was last written (unless inserted with its own time to
   * live).
   */
  public CacheTableBuilder<K, V> expireAfterWrite(Duration timeToLive) {
    this.expireAfterWrite = timeToLive;
    return this;
  }

  /** Every object expires this long after it was last read or written. */
  public CacheTableBuilder<K, V> expireAfterAccess(Duration timeToIdle) {
    this.expireAfterAccess = timeToIdle;
    return this;
  }

  /** Bounds the number of objects; objects unlikely to be read again are evicted past it. */
  public CacheTableBuilder<K, V> maximumSize(long maximumSize) {
    this.maximumSize = maximumSize;
    return this;
  }

  /**
   * Bounds the total weight of the objects, as measured by {@link #weigher}, which is then
   * required.
   */
  public CacheTableBuilder<K, V> maximumWeight(long maximumWeight) {
    this.maximumWeight = maximumWeight;
    return this;
  }

  /** How much each object weighs against {@link #maximumWeight}. */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    this.weigher = weigher;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /** The time source ({@link Ticker#system()} by default); tests pass a clock they advance. */
  public CacheTableBuilder<K, V> ticker(Ticker ticker) {
    this.ticker = ticker;
    return this;
  }

  /** Receives every change; see {@link CacheListener} for the thread and the timing. */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> listener(
      CacheListener<K1, V1> listener) {
    this.listener = listener;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Receives the removals only, as Caffeine's {@code removalListener}: {@link
   * CacheEvent.Kind#UPDATED UPDATED} (the old value replaced: Caffeine's {@code REPLACED}), {@link
   * CacheEvent.Kind#DELETED DELETED} ({@code EXPLICIT}), {@link CacheEvent.Kind#EXPIRED EXPIRED}
   * and {@link CacheEvent.Kind#EVICTED EVICTED} ({@code SIZE}); not insertions. Same thread and
   * timing as {@link #listener}; with both, the listener is called first.
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> removalListener(
      CacheListener<K1, V1> removalListener) {
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
   * The loader behind read-through reads: with one, {@link Table#get(Object) get(key)} of a missing
   * key loads it (once, however many threads ask, as {@link CacheTable#getOrLoad}) and needs only
   * read access: the loader acts for the owner. {@link CacheTable#getAll} uses it for each missing
   * key unless a {@link #bulkLoader} is set. Caffeine's {@code build(CacheLoader)}.
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> loader(
      Function<? super K1, ? extends V1> loader) {
    this.loader = loader;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Gives each object its own time to live, computed by {@code expiry} when it is created, updated
   * and read (Caffeine's {@code expireAfter}). Cannot be combined with {@link #expireAfterWrite} or
   * {@link #expireAfterAccess}. A read that shortens an object's time to live hides it at once; the
   * timer wheel removes it at the deadline it had.
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> expireAfter(
      Expiry<? super K1, ? super V1> expiry) {
    this.expiry = expiry;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Reloads an object this long after it was written, when a read finds it: the read (and every
   * read until the reload completes) returns the current value, while one reload per key runs on a
   * virtual thread with the build-time {@link #loader}; its value then replaces the object (unless
   * a write replaced or removed it meanwhile), a null removes it, and an exception leaves it as it
   * was (and is logged). Needs a loader. Caffeine's {@code refreshAfterWrite}.
   */
  public CacheTableBuilder<K, V> refreshAfterWrite(Duration refreshAfterWrite) {
    this.refreshAfterWrite = refreshAfterWrite;
    return this;
  }

  /**
   * Loads every missing key of one {@link CacheTable#getAll} call at once: given the missing keys,
   * returns a map of those it found (keys it leaves out stay absent; extra entries are cached too).
   * Caffeine's {@code CacheLoader.loadAll}.
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> CacheTableBuilder<K1, V1> bulkLoader(
      Function<? super Set<K1>, ? extends Map<? extends K1, ? extends V1>> bulkLoader) {
    this.bulkLoader = bulkLoader;
    return (CacheTableBuilder<K1, V1>) this;
  }

  /**
   * Where a bounded cache applies its buffered reads to its eviction policy ({@link
   * ForkJoinPool#commonPool()} by default, as Caffeine's {@code executor}): a reader that fills its
   * read buffer hands the batch to this executor and returns. {@code Runnable::run} applies it on
   * the reading thread, if the policy is free. Writes do their maintenance on the writing thread.
   */
  public CacheTableBuilder<K, V> executor(Executor executor) {
    this.executor = executor;
    return this;
  }

  /**
   * Whether a shared daemon thread removes expired objects when no write or {@link
   * CacheTable#cleanUp()} does (on by default). Tests that drive expiry with a fake ticker turn it
   * off so that every removal happens on their own thread.
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
   * @throws BadArgumentException if a setting is invalid or conflicts with another, the owner has
   *     exited, or the table is named and its name is in use
   */
  public <K1 extends K, V1 extends V> CacheTable<K1, V1> build() {
    var table = BuilderSettings.options(this, true);
    String name = table.name();
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
    if (maximumSize != -1 && maximumWeight != -1) {
      throw new BadArgumentException(
          name, "build: maximumSize and maximumWeight cannot both be set");
    }
    if (maximumSize < -1) {
      throw new BadArgumentException(name, "build: maximumSize " + maximumSize + " is negative");
    }
    if (maximumWeight < -1) {
      throw new BadArgumentException(
          name, "build: maximumWeight " + maximumWeight + " is negative");
    }
    if (maximumWeight != -1 && weigher == null) {
      throw new BadArgumentException(name, "build: maximumWeight needs a weigher");
    }
    if (weigher != null && maximumWeight == -1) {
      throw new BadArgumentException(name, "build: a weigher is meaningless without maximumWeight");
    }
    if (ticker == null) {
      throw new BadArgumentException(name, "build: ticker is null");
    }
    if (executor == null) {
      throw new BadArgumentException(name, "build: executor is null");
    }
    long maximum = maximumWeight != -1 ? maximumWeight : maximumSize;
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
