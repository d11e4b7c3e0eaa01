package io.jets.cache.internal;

import io.jets.table.internal.TableOptions;
import io.jets.table.spi.StoredObject;

/**
 * The cache engine of each configuration, chosen when the table is built (as Caffeine's {@code
 * LocalCacheFactory} picks a class): what a read of one key records depends on whether the cache is
 * bounded and whether reads move deadlines, and each combination is a class of its own, so the read
 * path of a table has no branch, and no work, for a feature it does not use.
 *
 * <table>
 *   <caption>Configurations</caption>
 *   <tr><th>class</th><th>configuration</th><th>a read of one key records</th></tr>
 *   <tr><td>{@link Eternal}</td><td>unbounded; no expiry, or expireAfterWrite only</td>
 *       <td>the hit or miss (stats)</td></tr>
 *   <tr><td>{@link Expiring}</td><td>unbounded; expireAfterAccess or an {@code Expiry}</td>
 *       <td>and moves the entry's access deadline</td></tr>
 *   <tr><td>{@link Bounded}</td><td>maximumSize or maximumWeight; no deadline that reads move</td>
 *       <td>and offers the entry to the read buffer</td></tr>
 *   <tr><td>{@link BoundedExpiring}</td><td>bounded, with expireAfterAccess or an {@code
 *       Expiry}</td><td>both</td></tr>
 * </table>
 *
 * <p>Every configuration checks deadlines on reads (an insert may give any entry its own time to
 * live) and writes take the policy lock only when the policy has work (see {@code
 * CacheMaintenance.policyFree}).
 */
final class CacheEngines {

  private CacheEngines() {}

  /** The engine for {@code cache}'s configuration. */
  static CacheStore create(TableOptions options, CacheOptions cache) {
    boolean bounded = cache.maximum() >= 0;
    boolean readsMoveDeadlines = cache.expireAfterAccessNanos() != 0 || cache.expiry() != null;
    if (bounded) {
      return readsMoveDeadlines ? new BoundedExpiring(options, cache) : new Bounded(options, cache);
    }
    return readsMoveDeadlines ? new Expiring(options, cache) : new Eternal(options, cache);
  }

  /** Unbounded, and no deadline that reads move: a read counts its hit or miss, nothing more. */
  static final class Eternal extends CacheStore {
    Eternal(TableOptions options, CacheOptions cache) {
      super(options, cache);
    }

    @Override
    void lookedUp(StoredObject found) {
      notifier.lookedUp(found != null);
    }
  }

  /**
   * Unbounded; a read of a live entry moves its access deadline (and hands the entry to the wheel
   * if that is its first deadline).
   */
  static final class Expiring extends CacheStore {
    Expiring(TableOptions options, CacheOptions cache) {
      super(options, cache);
    }

    @Override
    void lookedUp(StoredObject found) {
      notifier.lookedUp(found != null);
      if (found != null && clock.accessed((CacheEntry) found, clock.now())) {
        maintenance.firstDeadline((CacheEntry) found);
      }
    }
  }

  /** Bounded; a read of a live entry goes to the read buffer, for the policy. */
  static final class Bounded extends CacheStore {
    Bounded(TableOptions options, CacheOptions cache) {
      super(options, cache);
    }

    @Override
    void lookedUp(StoredObject found) {
      notifier.lookedUp(found != null);
      if (found != null) {
        maintenance.read((CacheEntry) found);
      }
    }
  }

  /** Bounded, and reads move deadlines: both of the above. */
  static final class BoundedExpiring extends CacheStore {
    BoundedExpiring(TableOptions options, CacheOptions cache) {
      super(options, cache);
    }

    @Override
    void lookedUp(StoredObject found) {
      notifier.lookedUp(found != null);
      if (found != null) {
        CacheEntry entry = (CacheEntry) found;
        if (clock.accessed(entry, clock.now())) {
          maintenance.firstDeadline(entry);
        }
        maintenance.read(entry);
      }
    }
  }
}
