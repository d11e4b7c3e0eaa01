package io.jets.table;

import io.jets.owner.Owner;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An ETS-style table of key/value objects, owned by an {@link Owner} and read by any thread
 * directly. The terms used here (atomic, isolated, linearizable, weakly consistent) are defined in
 * the {@linkplain io.jets.table package documentation}.
 *
 * <p>Every operation on a deleted table throws {@link TableDeletedException}, except {@link #name},
 * {@link #type}, {@link #owner} and {@link #isDeleted}, which never throw (on a deleted table they
 * report its last name and owner); every operation that the calling owner may not perform under the
 * table's {@link Access} throws {@link AccessDeniedException}; a null key or value throws {@link
 * BadArgumentException}. A failed operation leaves the table unchanged. No operation blocks on the
 * owner or goes through a mailbox; reads never take a lock.
 *
 * @param <K> key type: keys compare with {@code equals}/{@code hashCode} in hash tables and with
 *     the comparator in ordered tables, and must not change while stored
 * @param <V> value type: values should be immutable, since lookups return the stored reference
 */
public interface Table<K, V> extends TableLifecycle {

  // ---- identity and metadata ----

  /**
   * The table's current name; its last name once deleted. Never throws.
   *
   * @return the table's name
   */
  String name();

  /**
   * The table's type. Never throws.
   *
   * @return the table's type
   */
  TableType type();

  /**
   * The current owner; the last owner once deleted. Never throws.
   *
   * @return the table's owner
   */
  Owner owner();

  /**
   * True once the table has been deleted; never throws.
   *
   * @return whether the table has been deleted
   */
  boolean isDeleted();

  /**
   * A snapshot of the table's metadata and size. Any owner may call it, whatever the table's access
   * (as {@code ets:info/1}): an heir or a monitoring tool can see who owns a {@code PRIVATE} table.
   *
   * @return the table's metadata now; its size and memory figures are estimates while writes run
   * @throws TableDeletedException if the table is deleted
   */
  TableInfo info();

  /**
   * A snapshot of the operation counters, or {@link TableStats#NOT_RECORDING} unless the table was
   * built with {@link TableBuilder#recordStats()}. Never blocks; estimates while operations run.
   *
   * @return the table's operation counters now
   * @throws TableDeletedException if the table is deleted
   * @throws AccessDeniedException if the table is PRIVATE and the caller is not its owner
   */
  default TableStats stats() {
    return TableStats.NOT_RECORDING;
  }

  /**
   * The number of objects. Exact while no write runs; under concurrent writes an estimate that,
   * while only inserts run, never decreases.
   *
   * @return the number of objects in the table
   */
  long size();

  // ---- writes ----

  /**
   * Inserts the object {@code (key, value)}: a set replaces the object under the key, a bag adds it
   * unless an equal object is already under the key, a duplicate bag always adds it. Atomic and
   * linearizable.
   *
   * @param key the object's key
   * @param value the object's value
   */
  void insert(K key, V value);

  /**
   * Inserts every object of {@code objects}, in order, as one atomic and isolated operation: no
   * reader sees some of them without the others. In a set, of several objects with equal keys the
   * last one wins.
   *
   * @param objects the objects to insert, as key/value entries
   */
  void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects);

  /**
   * Inserts {@code (key, value)} only if no object has the key. Atomic and linearizable.
   *
   * @param key the object's key
   * @param value the object's value
   * @return true if inserted, false (table unchanged) if the key was present
   */
  boolean insertNew(K key, V value);

  /**
   * Inserts every object of {@code objects} if none of their keys is present, otherwise none of
   * them. Atomic and isolated.
   *
   * @param objects the objects to insert, as key/value entries
   * @return true if all were inserted, false (table unchanged) if any key was present
   */
  boolean insertNewAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects);

  /**
   * Removes every object with {@code key}. Atomic and linearizable.
   *
   * @param key the key whose objects to remove
   * @return true if anything was removed
   */
  boolean delete(K key);

  /**
   * Removes the object {@code (key, value)} and keeps others under the key; in a duplicate bag,
   * every copy equal to it. Atomic and linearizable.
   *
   * @param key the object's key
   * @param value the object's value, compared with {@code equals} (off-heap: or by its encoding)
   * @return true if anything was removed
   */
  boolean deleteObject(K key, V value);

  /** Removes every object, atomically and in isolation: a reader sees all of them or none. */
  void deleteAllObjects();

  /**
   * Removes and returns every object with {@code key}, in insertion order. Atomic and linearizable.
   *
   * @param key the key whose objects to remove
   * @return the values removed; empty if there were none
   */
  List<V> take(K key);

  /**
   * As {@link #take}, returning the objects removed with the key as it was stored: in an ordered
   * table whose comparator makes unequal keys equal (1 and 1.0), the caller learns which one the
   * table held, as ETS's {@code take/2} returns {@code {1.0, V}}.
   *
   * @param key the key whose objects to remove
   * @return the objects removed, in insertion order; empty if there were none
   */
  List<Map.Entry<K, V>> takeObjects(K key);

  // ---- reads ----

  /**
   * The values stored under {@code key}: none or one in a set, in insertion order in a bag.
   * Linearizable; the list is immutable.
   *
   * @param key the key to look up
   * @return the values under the key; empty if there are none
   */
  List<V> lookup(K key);

  /**
   * As {@link #lookup}, returning whole objects with the key as stored (see {@link #takeObjects}).
   * Linearizable; the list is immutable.
   *
   * @param key the key to look up
   * @return the objects under the key, in the order {@link #lookup} gives their values; empty if
   *     there are none
   */
  List<Map.Entry<K, V>> lookupObjects(K key);

  /**
   * Whether any object has {@code key}. Linearizable.
   *
   * @param key the key to look for
   * @return true if at least one object has the key
   */
  boolean member(K key);

  // ---- traversal (weakly consistent: see the package documentation) ----

  /**
   * The first key in the table's traversal order, or null if it is empty. Hash tables have an
   * unspecified order that does not change while the table is unchanged.
   *
   * @return the first key, or null if the table is empty
   */
  K first();

  /**
   * The key after {@code key} in traversal order, or null at the end. {@code key} need not be in
   * the table any more: a walk never fails because the key it stands on was deleted meanwhile.
   *
   * @param key the key to step from
   * @return the next key, or null at the end of the table
   */
  K next(K key);

  /**
   * The last key in traversal order (for hash tables, the same as {@link #first()}).
   *
   * @return the last key, or null if the table is empty
   */
  K last();

  /**
   * The objects in slot {@code index} of the table (ETS's {@code slot/2}, a debugging aid): for a
   * hash table, one internal bucket (numbered in traversal order, possibly empty); for an ordered
   * set, the object at position {@code index} in key order; for an off-heap table, one storage
   * segment. Returns null (end of table) for the index just past the last slot. Weakly consistent:
   * a concurrent resize may move keys between slots, so a walk over the slots of a table that is
   * being written may miss or repeat keys (use {@link #first()}/{@link #next} to walk it).
   *
   * @param index the slot's number, from 0
   * @return the slot's objects (immutable), or null just past the last slot
   * @throws BadArgumentException if {@code index} is negative or further past the last slot
   */
  List<Map.Entry<K, V>> slot(long index);

  /**
   * The key before {@code key} (for hash tables, the same as {@link #next(Object)}). As with {@link
   * #next}, {@code key} need not be in the table any more.
   *
   * @param key the key to step back from
   * @return the previous key, or null if there is none
   */
  K prev(K key);

  /**
   * {@link #first()} with its values, or null if the table is empty.
   *
   * @return the first key and its values (as {@link #lookup} gives them), or null if the table is
   *     empty
   */
  Map.Entry<K, List<V>> firstLookup();

  /**
   * {@link #next(Object)} with its values, or null at the end.
   *
   * @param key the key to step from
   * @return the next key and its values, or null at the end of the table
   */
  Map.Entry<K, List<V>> nextLookup(K key);

  /**
   * {@link #last()} with its values, or null if the table is empty.
   *
   * @return the last key and its values, or null if the table is empty
   */
  Map.Entry<K, List<V>> lastLookup();

  /**
   * {@link #prev(Object)} with its values, or null at the end.
   *
   * @param key the key to step back from
   * @return the previous key and its values, or null if there is none
   */
  Map.Entry<K, List<V>> prevLookup(K key);

  /**
   * Folds {@code folder} over every object in traversal order. Weakly consistent: each object
   * present for the whole fold is visited exactly once, none twice; objects inserted or deleted
   * meanwhile may or may not be visited. The folder must not write to this table.
   *
   * @param <A> the accumulator type
   * @param initial the accumulator before the first object
   * @param folder combines each object with the accumulator
   * @return the accumulator after the last object; {@code initial} if the table is empty
   */
  <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder);

  /**
   * As {@link #foldl}, in reverse traversal order (for hash tables, the same order as foldl).
   *
   * @param <A> the accumulator type
   * @param initial the accumulator before the first object visited
   * @param folder combines each object with the accumulator
   * @return the accumulator after the last object visited; {@code initial} if the table is empty
   */
  <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder);

  /**
   * Every object, in traversal order; weakly consistent like {@link #foldl}.
   *
   * @return the table's objects, in traversal order
   */
  List<Map.Entry<K, V>> toList();

  // ---- match specifications and select (weakly consistent, like every traversal) ----

  /**
   * The results of {@code spec} over every object, in traversal order: for each object, the result
   * of the first clause that matches it (ETS's {@code select/2}). Weakly consistent: an object
   * present for the whole call is matched exactly once, none twice. On an ordered table a spec
   * whose clauses all have exact, range or prefix key patterns visits only that key range; on any
   * table a spec whose clauses all have exact keys does one lookup per key (on a hash table its
   * results then come in clause order, on an ordered table in key order). Never blocks on writers.
   * Guards and result functions run without any lock held; they must not write to this table.
   *
   * @param <R> the result type
   * @param spec the match specification
   * @return the results, one per matched object, in traversal order (an unmodifiable list)
   * @throws BadArgumentException if a result function throws or returns null, or, on an ordered
   *     table, a key pattern's bound cannot be ordered by its comparator (on a hash table a key
   *     that cannot be compared with a bound just does not match: {@link KeyPattern})
   */
  <R> List<R> select(MatchSpec<? super K, ? super V, R> spec);

  /**
   * The first chunk of {@link #select(MatchSpec)}: exactly {@code limit} results unless it is the
   * last, with a continuation to the rest (ETS's {@code select/3}). See {@link Page}.
   *
   * @param <R> the result type
   * @param spec the match specification
   * @param limit the number of results per chunk, at least 1
   * @return the first chunk, and the continuation to the next
   * @throws BadArgumentException if {@code limit < 1}
   */
  <R> Page<R> select(MatchSpec<? super K, ? super V, R> spec, int limit);

  /**
   * As {@link #select(MatchSpec)}, last to first on an ordered table (the same order otherwise).
   *
   * @param <R> the result type
   * @param spec the match specification
   * @return the results, one per matched object, last to first on an ordered table (unmodifiable)
   */
  <R> List<R> selectReverse(MatchSpec<? super K, ? super V, R> spec);

  /**
   * As {@link #select(MatchSpec, int)}, last to first on an ordered table: the first chunk holds
   * the last {@code limit} results.
   *
   * @param <R> the result type
   * @param spec the match specification
   * @param limit the number of results per chunk, at least 1
   * @return the first chunk, and the continuation to the next
   * @throws BadArgumentException if {@code limit < 1}
   */
  <R> Page<R> selectReverse(MatchSpec<? super K, ? super V, R> spec, int limit);

  /**
   * The number of objects {@code spec} maps to {@code TRUE}; weakly consistent like select.
   *
   * @param spec the match specification; its result says whether an object counts
   * @return the number of objects counted
   */
  long selectCount(MatchSpec<? super K, ? super V, Boolean> spec);

  /**
   * Deletes every object {@code spec} maps to {@code TRUE} and returns how many it deleted. Each
   * object's match-and-delete is atomic: the spec is evaluated again on the object under its writer
   * lock (so guards must be quick and must not write to this table); the whole call is not atomic
   * and is weakly consistent like select. A spec that fails (throws) on the first pass changes
   * nothing. Takes the writer lock of each key it deletes from, one at a time, so it may wait for
   * other writers.
   *
   * @param spec the match specification; its result says whether an object is deleted
   * @return the number of objects deleted
   */
  long selectDelete(MatchSpec<? super K, ? super V, Boolean> spec);

  /**
   * Replaces every object {@code spec} matches with the spec's result, which must keep the key
   * ({@code equals}), and returns how many objects it replaced (ETS's {@code select_replace}).
   * Every result is computed and checked before any object changes: a spec that would change a key,
   * returns null or throws changes nothing. Then each object is replaced atomically, and only if
   * its value is still the one matched (compare-and-set under its writer lock); an object changed
   * meanwhile is left alone and not counted. The whole call is not atomic. Takes the writer lock of
   * each key it replaces, one at a time, so it may wait for other writers. In a duplicate bag each
   * matched object is replaced in its place among its key's objects (of equal duplicates, one per
   * match).
   *
   * @param spec the match specification; its result is the replacement object
   * @return the number of objects replaced
   * @throws WrongTableTypeException on a bag (as in ETS: a replacement could make two of a bag's
   *     objects equal)
   * @throws BadArgumentException if a result has a different key, and then nothing is replaced
   */
  long selectReplace(
      MatchSpec<? super K, ? super V, ? extends Map.Entry<? extends K, ? extends V>> spec);

  /**
   * The objects whose key matches {@code key} and whose value passes {@code value} (ETS's {@code
   * match_object}); the same as {@link #select(MatchSpec)} with a one-clause spec.
   *
   * @param key the pattern the object's key must match
   * @param value the test the object's value must pass
   * @return the matching objects, in traversal order (an unmodifiable list)
   */
  List<Map.Entry<K, V>> matchObject(KeyPattern<K> key, Predicate<? super V> value);

  /**
   * As {@link #matchObject(KeyPattern, Predicate)}, in chunks of {@code limit}.
   *
   * @param key the pattern the object's key must match
   * @param value the test the object's value must pass
   * @param limit the number of objects per chunk, at least 1
   * @return the first chunk, and the continuation to the next
   * @throws BadArgumentException if {@code limit < 1}
   */
  Page<Map.Entry<K, V>> matchObject(KeyPattern<K> key, Predicate<? super V> value, int limit);

  /**
   * The values of the objects whose key matches {@code key} and whose value passes {@code value}
   * (ETS's {@code match}, whose bindings here are the value).
   *
   * @param key the pattern the object's key must match
   * @param value the test the object's value must pass
   * @return the values of the matching objects, in traversal order (an unmodifiable list)
   */
  List<V> match(KeyPattern<K> key, Predicate<? super V> value);

  /**
   * As {@link #match(KeyPattern, Predicate)}, in chunks of {@code limit}.
   *
   * @param key the pattern the object's key must match
   * @param value the test the object's value must pass
   * @param limit the number of values per chunk, at least 1
   * @return the first chunk, and the continuation to the next
   * @throws BadArgumentException if {@code limit < 1}
   */
  Page<V> match(KeyPattern<K> key, Predicate<? super V> value, int limit);

  /**
   * Deletes the objects whose key matches {@code key} and whose value passes {@code value}, and
   * returns how many (ETS's {@code match_delete}); as {@link #selectDelete}.
   *
   * @param key the pattern the object's key must match
   * @param value the test the object's value must pass
   * @return the number of objects deleted
   */
  long matchDelete(KeyPattern<K> key, Predicate<? super V> value);

  /**
   * Fixes ({@code true}) or unfixes ({@code false}) the table for the calling owner, as ETS's
   * {@code safe_fixtable}. Kept for parity: every traversal here is already safe without fixing.
   * Fixes are counted per owner (n fixes need n unfixes); an unfix by an owner that holds no fix
   * does nothing; an owner's fixes end when it exits. {@link TableInfo#fixed()} reports whether any
   * owner holds one. Requires read access; does not block on writers.
   *
   * @param fix true to fix the table, false to unfix it
   */
  void safeFixtable(boolean fix);
}
