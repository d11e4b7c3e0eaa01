package io.jets.table.spi;

import io.jets.table.MatchSpec;
import java.util.Comparator;

/**
 * What a storage engine implements: the objects of one table, their writer locks and their counts.
 * Everything else (access, lifecycle, argument checks, stats, events, the bag and counter
 * semantics, traversal and select) is the table facade's, written once for every engine.
 *
 * <p>Who calls what: reads ({@link #find}, {@link #step}, {@link #scan}) from any thread,
 * lock-free; single-key writes as {@link #lock}, then {@link #findLocked} and {@link #putLocked}
 * any number of times, then {@link #unlock}, on one thread; multi-object writes through {@link
 * #writeAll} and {@link #clear}; {@link #lockAll}/{@link #unlockAll} around the table's own
 * lifecycle changes (deletion and hand-over), which {@link #dropLocked} may end. A store never
 * calls user code other than the keys' {@code equals}, {@code hashCode} and comparator, and the
 * {@link Merge} it is given.
 */
public interface Store {

  // ---- reads: lock-free ----

  /** The objects stored under {@code key}, or null. Consistent with multi-object writes. */
  StoredObject find(Object key);

  /**
   * The key after {@code key} in the store's traversal order ({@code forward}) or before it, with
   * its objects, whether or not {@code key} is present; the first (or last) when {@code key} is
   * null; null at the end. A store without an order ignores {@code forward}, as ETS's hash tables
   * do. A traversal by steps visits every key present for its whole length exactly once.
   */
  StoredObject step(Object key, boolean forward);

  /**
   * Objects a store hands to {@link Visitor#visitRun} (or, in a reverse scan, {@link
   * Visitor#visitRunReversed}) together, in forward scan order: object {@code i} as of {@code
   * word}, a version of the run the store read once (an ordered store's leaf and its order word). A
   * run holds one value per key (a set's objects): a visitor reads its keys and values where they
   * lie, with nothing built per object.
   */
  interface Run {
    /** The key of object {@code i}. */
    Object key(long word, int i);

    /**
     * The stored value of object {@code i}, read once: load-acquire, as {@link
     * StoredObject#laValue}.
     */
    Object value(long word, int i);

    /**
     * Copies the values of objects {@code from} to {@code to} (exclusive), each read as {@link
     * #value}, into {@code into} from {@code at}: a select that returns values takes a run whole.
     */
    default void values(long word, int from, int to, Object[] into, int at) {
      for (int i = from; i < to; i++) {
        into[at++] = value(word, i);
      }
    }

    /**
     * Copies the keys of objects {@code from} to {@code to} (exclusive) into {@code into} from
     * {@code at}: a select that returns keys takes a run whole.
     */
    default void keys(long word, int from, int to, Object[] into, int at) {
      for (int i = from; i < to; i++) {
        into[at++] = key(word, i);
      }
    }

    /** Object {@code i} as a stored object (which a store may build for the call). */
    default StoredObject object(long word, int i) {
      return new StoredObject(key(word, i), value(word, i));
    }
  }

  /** Receives the objects of a scan, one key at a time; returns false to stop. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(StoredObject objects);

    /**
     * Visits one key that holds one value where it lies in the store (an object of a {@link Run}),
     * as {@link #visit} on a stored object of the two would: a visitor that takes keys and values
     * apart need not have the object built.
     */
    default boolean visitPair(Object key, Object value) {
      return visit(new StoredObject(key, value));
    }

    /**
     * Visits {@code run}'s objects {@code from} to {@code to} (exclusive) in order, as {@link
     * #visit} on each would: a visitor that appends results can make room once per run.
     *
     * @return {@code to}, or the index of the object after which the visitor asked to stop
     */
    default int visitRun(Run run, long word, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!visitPair(run.key(word, i), run.value(word, i))) {
          return i;
        }
      }
      return to;
    }

    /**
     * Visits {@code run}'s objects {@code to - 1} down to {@code from}: the run's objects {@code
     * from} to {@code to} (exclusive) last to first, as {@link #visit} on each would. A reverse
     * scan's counterpart of {@link #visitRun}.
     *
     * @return {@code from - 1}, or the index of the object after which the visitor asked to stop
     */
    default int visitRunReversed(Run run, long word, int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (!visitPair(run.key(word, i), run.value(word, i))) {
          return i;
        }
      }
      return from - 1;
    }
  }

  /**
   * Visits, in traversal order (reversed where the store has an order and {@code reverse}), at
   * least every key that {@code spec} can match (every key when {@code spec} is null), each from
   * one atomic read; with {@code resume}, strictly after {@code after}. Weakly consistent as {@link
   * #step}.
   *
   * @return true if the scan reached the end, false if the visitor stopped it
   */
  boolean scan(
      MatchSpec<?, ?, ?> spec, boolean reverse, boolean resume, Object after, Visitor visitor);

  /**
   * Reads slot {@code index} (ETS's {@code slot/2}): one internal bucket of a hash store, one
   * segment of an off-heap store, the object at position {@code index} in key order of an ordered
   * store. When {@code index} is less than the number of slots, visits the slot's keys from one
   * read of it. Returns the number of slots as of that read, so that the caller can tell the end of
   * the table ({@code index} equal to it) from an index further out. Lock-free; under concurrent
   * writes a resize may move keys between slots, as in ETS.
   */
  long slot(long index, Visitor visitor);

  /** The order of an ordered store's keys; null for a store that compares with {@code equals}. */
  Comparator<Object> keyOrder();

  /**
   * Whether {@link #scan} visits exactly the keys inside {@code MatchEvaluation.keyRange(spec)} and
   * no other (an ordered store's range walk), so that a one-clause range pattern need not be tested
   * again per object.
   */
  default boolean scanWalksKeyRange() {
    return false;
  }

  /**
   * The number of objects {@code spec} would count in {@code selectCount}, found without visiting
   * them, or -1 if this store cannot (the table then scans). Consistent as a scan is: each step
   * reads one validated part of the store. Lock-free.
   *
   * @throws KeyOrderException if a key bound of the spec cannot be ordered
   */
  default long count(MatchSpec<?, ?, ?> spec) {
    return -1;
  }

  // ---- single-key writes ----

  /** Takes the writer lock that covers {@code key} and returns it, for the calls below. */
  Object lock(Object key);

  /** The objects under {@code key}; the caller holds {@code lock}, from {@link #lock}. */
  StoredObject findLocked(Object lock, Object key);

  /**
   * Stores {@code value} under {@code key}, or removes the key when {@code value} is null; readers
   * see it at once. {@code present} is what the caller's last {@link #findLocked} of {@code key}
   * under this lock returned (null if it found nothing), or null if it did not look: a store may
   * trust it (and write a present object's value in place) unless a write under the lock came
   * between. {@code objectDelta} is the change in the object count. The caller holds {@code lock}.
   */
  void putLocked(Object lock, StoredObject present, Object key, Object value, long objectDelta);

  /** Releases {@code lock}. */
  void unlock(Object lock);

  /**
   * Whether {@code stored}, a value {@link #findLocked} returned, is the value {@code expected}
   * (for deleteObject and selectReplace): {@code equals}. A store that hands out copies compares
   * what the copies were made from, so a value read back earlier matches the stored one.
   */
  default boolean sameValue(Object stored, Object expected) {
    return stored.equals(expected);
  }

  /**
   * Fails with {@link io.jets.table.BadArgumentException} naming the table if {@code value} cannot
   * be stored under {@code key} (an off-heap store's codec refuses the value, a cache's weigher the
   * pair): selectReplace checks every replacement with it before it replaces anything. A store that
   * holds any value does nothing.
   */
  default void checkStorable(Object key, Object value) {}

  /**
   * Marks that user code (an {@code update} function) starts or stops running under {@code lock}.
   * While it runs, a write that the same thread starts under the same lock (a single-key write),
   * and a multi-object write or a clear it starts while it holds any writer lock of the store (not
   * the table's lifecycle), fails with {@link WriteInUserCodeException} before it changes anything.
   * A store that cannot tell does nothing.
   */
  default void userCode(Object lock, boolean running) {}

  // ---- multi-object writes ----

  /** How a multi-object write computes each key's new stored value. */
  interface Merge {
    /**
     * The value to store for the {@code index}th object, whose key holds {@code present} as the
     * write sees it (its own earlier objects included); null to leave the key as it is.
     */
    Object merge(int index, StoredObject present);

    /** The change in the object count when {@code present} becomes {@code merged}. */
    long objectDelta(StoredObject present, Object merged);
  }

  /**
   * Writes one object per key of {@code keys} atomically and in isolation: no reader sees some of
   * them and not others. Runs {@code lockedCheck} once every lock it needs is held, before it
   * reads. With {@code onlyNew}, writes nothing and returns false if any key is present.
   *
   * @throws KeyOrderException if the store's order fails on a key; nothing was written
   */
  boolean writeAll(Object[] keys, Merge merge, boolean onlyNew, Runnable lockedCheck);

  /** Removes every object atomically, after {@code lockedCheck} passes under every lock. */
  void clear(Runnable lockedCheck);

  // ---- the table's lifecycle ----

  /** Takes every writer lock, so that no write is in flight until {@link #unlockAll}. */
  void lockAll();

  /**
   * Drops every object for good; the caller holds every lock and the table is deleted. From then on
   * {@link #find} returns null (or throws): the facade checks the table's deleted flag only after a
   * miss, so a store that still found objects would hand them out after deletion.
   */
  void dropLocked();

  /** Releases what {@link #lockAll} took. */
  void unlockAll();

  // ---- counts; estimates while writers run ----

  /** The number of objects. */
  long objects();

  /** An estimate of the bytes the store uses. */
  long memoryBytes();

  /** The number of writer locks now in use (hash stripes, tree bases). */
  int lockCount();
}
