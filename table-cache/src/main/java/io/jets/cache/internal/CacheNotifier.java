package io.jets.cache.internal;

import io.jets.cache.CacheEvent;
import io.jets.cache.CacheListener;
import io.jets.cache.CacheStats;
import java.util.function.Supplier;

/**
 * What a cache table tells the outside about its changes: the listener's events and the cache
 * stats. Called with no lock held, on the thread that made or removed the change (see {@link
 * CacheStore}). A table without stats or without a listener holds null for it: one final-field
 * check per call.
 */
final class CacheNotifier {

  private static final System.Logger LOG = System.getLogger(CacheNotifier.class.getName());

  private final CacheListener<Object, Object> listener; // null: none
  private final CacheStatsRecorder stats; // null: stats are off
  private Supplier<String> tableName = () -> "?"; // set once, before the table is published

  @SuppressWarnings("unchecked")
  CacheNotifier(CacheListener<?, ?> listener, boolean recordStats) {
    this.listener = (CacheListener<Object, Object>) listener;
    this.stats = recordStats ? new CacheStatsRecorder() : null;
  }

  void attach(Supplier<String> name) {
    this.tableName = name;
  }

  String tableName() {
    return tableName.get();
  }

  // ---- stats ----

  /** Counts a read of one key: a hit if it found a live entry. */
  void lookedUp(boolean hit) {
    if (stats != null) {
      if (hit) {
        stats.hit();
      } else {
        stats.miss();
      }
    }
  }

  /** Whether loads are timed: the ticker is read only then. */
  boolean timesLoads() {
    return stats != null;
  }

  void loaded(boolean success, long nanos) {
    if (stats != null) {
      stats.loaded(success, nanos);
    }
  }

  CacheStats snapshot() {
    return stats == null ? CacheStatsRecorder.EMPTY : stats.snapshot();
  }

  // ---- events ----

  /** An entry that expired was removed (by the policy, or replaced or cleared by a write). */
  void expired(CacheEntry entry) {
    removed(entry, true);
  }

  /** An entry the policy retired was removed: it expired, or was evicted. */
  void removed(CacheEntry entry, boolean expired) {
    if (stats != null) {
      stats.removed(expired, entry.weight);
    }
    notify(
        expired ? CacheEvent.Kind.EXPIRED : CacheEvent.Kind.EVICTED,
        entry.key,
        entry.laValue(),
        null);
  }

  /**
   * A write replaced {@code previous} (the live entry it saw, or null) with {@code written} (null:
   * deleted).
   */
  void changed(CacheEntry previous, CacheEntry written) {
    if (written == null) {
      if (previous != null) {
        notify(CacheEvent.Kind.DELETED, previous.key, previous.laValue(), null);
      }
    } else if (previous == null) {
      notify(CacheEvent.Kind.INSERTED, written.key, written.laValue(), null);
    } else {
      notify(CacheEvent.Kind.UPDATED, written.key, written.laValue(), previous.laValue());
    }
  }

  private void notify(CacheEvent.Kind kind, Object key, Object value, Object previous) {
    if (listener == null) {
      return;
    }
    try {
      listener.onEvent(new CacheEvent<>(kind, key, value, previous));
    } catch (Exception e) { // a checked one too, thrown past the compiler
      LOG.log(
          System.Logger.Level.WARNING,
          "table '" + tableName() + "': the cache listener threw on " + kind + " of key " + key,
          e);
    }
  }
}
