package io.jets.table;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A table with at most one object per key: {@link TableType#SET} (and, in its own type, {@code
 * ORDERED_SET}). Adds single-value reads, counters and in-place updates.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface SetTable<K, V> extends Table<K, V> {

  /**
   * A live {@link ConcurrentMap} view of this table, for code written against {@code java.util}
   * (Spring's cache abstraction, JCache adapters, libraries that take a map). Every operation is
   * the table's own, with its access checks and owner lifecycle (a view of a deleted table throws
   * {@link TableDeletedException}): reads are lock-free and linearizable; {@code put}, {@code
   * remove}, {@code putIfAbsent} and {@code replace} are atomic per key and return the previous
   * value; {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent} and {@code merge} are
   * atomic per key too: the function runs once, while the key's writer lock is held, so it must be
   * quick and must not write to this table (as {@link #update(Object, UnaryOperator)}'s: a write
   * under that lock throws {@link IllegalStateException} and writes nothing), and a function that
   * throws changes nothing ({@code computeIfAbsent} of a present key is a lock-free read);
   * iteration is weakly consistent, as the table's traversals, and its {@code remove} deletes the
   * key. Null keys and values throw {@link NullPointerException}, as in {@link
   * java.util.concurrent.ConcurrentHashMap}; a key a comparator cannot order throws {@link
   * ClassCastException}. {@code size()} is the table's size, capped at {@code Integer.MAX_VALUE}.
   *
   * @return a live map view of this table
   */
  ConcurrentMap<K, V> asMap();

  /**
   * The value under {@code key}, or null if there is none. Linearizable.
   *
   * @param key the key to look up
   * @return the value under the key, or null if there is none
   */
  V get(K key);

  /**
   * The value under {@code key}, or {@code defaultValue} if there is none. Linearizable.
   *
   * @param key the key to look up
   * @param defaultValue the value to return if there is none under the key
   * @return the value under the key, or {@code defaultValue} if there is none
   */
  default V getOrDefault(K key, V defaultValue) {
    V value = get(key);
    return value != null ? value : defaultValue;
  }

  /**
   * The part {@code element} selects from the value under {@code key}, as ETS's {@code
   * lookup_element}.
   *
   * @param <E> the type of the part
   * @param key the key to look up
   * @param element selects the part from the value
   * @return what {@code element} returns for the value under the key
   * @throws MissingKeyException if there is no object with the key
   * @throws BadArgumentException if {@code element} is null
   */
  default <E> E lookupElement(K key, Function<? super V, ? extends E> element) {
    requireElementFunction(element);
    V value = get(key);
    if (value == null) {
      throw new MissingKeyException(name(), "lookupElement", key);
    }
    return element.apply(value);
  }

  /**
   * As {@link #lookupElement(Object, Function)}, returning {@code defaultValue} when the key is
   * absent.
   *
   * @param <E> the type of the part
   * @param key the key to look up
   * @param element selects the part from the value; not applied to {@code defaultValue}
   * @param defaultValue the result if there is no object with the key
   * @return what {@code element} returns for the value under the key, or {@code defaultValue}
   * @throws BadArgumentException if {@code element} is null
   */
  default <E> E lookupElement(K key, Function<? super V, ? extends E> element, E defaultValue) {
    requireElementFunction(element);
    V value = get(key);
    return value == null ? defaultValue : element.apply(value);
  }

  private void requireElementFunction(Function<?, ?> element) {
    if (element == null) {
      throw new BadArgumentException(name(), "lookupElement: element function is null");
    }
  }

  /**
   * Adds {@code increment} to the counter under {@code key} and returns the new value. The value
   * must be a {@link Long} or an {@link Integer}, and keeps its type. Atomic and linearizable.
   *
   * @param key the counter's key
   * @param increment the amount to add (negative to subtract)
   * @return the counter's new value
   * @throws MissingKeyException if the key is absent
   * @throws BadArgumentException if the value is not a counter, or the result overflows its type
   *     (the table is unchanged)
   */
  long updateCounter(K key, long increment);

  /**
   * As {@link #updateCounter(Object, long)}, with a threshold and set-value ({@link CounterOp}).
   *
   * @param key the counter's key
   * @param increment the amount to add (negative to subtract)
   * @param threshold the bound the result must not pass
   * @param setValue the value stored instead when the result passes {@code threshold}
   * @return the counter's new value
   */
  long updateCounter(K key, long increment, long threshold, long setValue);

  /**
   * As {@link #updateCounter(Object, long)}, but when the key is absent the update applies to
   * {@code defaultValue}, which is then stored.
   *
   * @param key the counter's key
   * @param increment the amount to add (negative to subtract)
   * @param defaultValue the counter to start from when the key is absent: a {@link Long} or an
   *     {@link Integer}, checked even when the key is present
   * @return the counter's new value
   */
  long updateCounter(K key, long increment, V defaultValue);

  /**
   * As {@link #updateCounter(Object, long, long, long)} (a threshold and set-value), but when the
   * key is absent the step applies to {@code defaultValue}, which is then stored: one atomic
   * operation, as ETS's {@code update_counter/4} with {@code {Pos, Incr, Threshold, SetValue}} and
   * a default object.
   *
   * @param key the counter's key
   * @param increment the amount to add (negative to subtract)
   * @param threshold the bound the result must not pass
   * @param setValue the value stored instead when the result passes {@code threshold}
   * @param defaultValue the counter to start from when the key is absent: a {@link Long} or an
   *     {@link Integer}, checked even when the key is present
   * @return the counter's new value
   */
  long updateCounter(K key, long increment, long threshold, long setValue, V defaultValue);

  /**
   * Applies {@code ops} in order to the counter under {@code key}, as one atomic operation, and
   * returns the value after each step. An empty list changes nothing. If any step fails, nothing is
   * updated: a step fails as a single-step call would, so an {@link Integer} counter fails on a
   * step whose result does not fit an {@code Integer}, even if a later step would bring it back.
   *
   * @param key the counter's key
   * @param ops the steps, applied in order
   * @return the counter's value after each step, one element per step
   * @throws MissingKeyException if the key is absent
   * @throws BadArgumentException if the value is not a counter, or a step overflows its type (the
   *     table is unchanged)
   */
  long[] updateCounter(K key, List<CounterOp> ops);

  /**
   * Replaces the value under {@code key} with {@code function} applied to it, atomically. The
   * function runs while the key's writer lock is held, so it must be quick. A write it makes to
   * this table under that lock (of this key, or of any key the same lock covers: every key of a
   * table with one writer lock), and any multi-object write or {@code deleteAllObjects} it starts,
   * throws {@link IllegalStateException} naming the table and writes nothing. A single-key write of
   * a key under another lock is made, and the update still takes effect (a growth of the table that
   * such a write calls for waits until the update releases its lock); but such a write waits for
   * good when the lock it needs is held by a thread that waits for the update's own lock: another
   * update writing this one's key, as two {@code ConcurrentHashMap.compute} calls that update each
   * other's mappings may, or another thread's multi-object write, clear, or resize of the table,
   * which take every lock in order. The function should not write this table. (An off-heap table
   * refuses the multi-object writes and clears too, but cannot tell a single-key write under the
   * update's own lock: there that is a misuse it does not detect.) If the function throws or
   * returns null, the update changes nothing (null is reported as a {@link BadArgumentException}).
   *
   * @param key the key whose value to replace
   * @param function computes the new value from the value under the key
   * @return true if the key was present and updated, false if it was absent
   */
  boolean update(K key, UnaryOperator<V> function);

  /**
   * As {@link #update(Object, UnaryOperator)}, but when the key is absent the function is applied
   * to {@code defaultValue} and the result inserted.
   *
   * @param key the key whose value to replace
   * @param function computes the new value from the value under the key, or from {@code
   *     defaultValue}
   * @param defaultValue the value the function is applied to when the key is absent
   * @return the value now stored
   */
  V update(K key, UnaryOperator<V> function, V defaultValue);
}
