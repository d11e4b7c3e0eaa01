package io.jets.table;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The key part of a {@link MatchSpec} clause: which keys a clause can match. On an ordered table,
 * an {@link Exact}, {@link Range} or (under natural order) {@link StringPrefix} pattern makes a
 * select visit only that key range; on a hash table an {@link Exact} pattern is a single lookup.
 * Patterns are immutable and thread-safe.
 *
 * <p>Keys are compared as the table compares them: with its comparator on an ordered table; with
 * {@code equals} (exact) and natural order (ranges) on a hash table and in {@link MatchSpec#test}.
 * A key that cannot be compared with a bound (a {@link ClassCastException}, for example) does not
 * match in {@link MatchSpec#test} or on a hash table; on an ordered table a bound or an exact key
 * its comparator cannot order is a {@link BadArgumentException} naming the table.
 *
 * @param <K> key type
 */
public sealed interface KeyPattern<K>
    permits KeyPattern.Any,
        KeyPattern.Exact,
        KeyPattern.Range,
        KeyPattern.StringPrefix,
        KeyPattern.ListPrefix {

  /**
   * Every key (ETS's {@code '_'} in key position).
   *
   * @param <K> key type
   * @return a pattern that matches every key
   */
  static <K> KeyPattern<K> any() {
    return new Any<>();
  }

  /**
   * Only {@code key} (ETS's fully bound key).
   *
   * @param <K> key type
   * @param key the one key that matches
   * @return a pattern that matches only {@code key}
   * @throws NullPointerException if {@code key} is null
   */
  static <K> KeyPattern<K> exact(K key) {
    return new Exact<>(key);
  }

  /**
   * Keys between {@code from} and {@code to}; a null bound leaves that side open.
   *
   * @param <K> key type
   * @param from the lower bound, or null for none
   * @param fromInclusive whether {@code from} itself matches
   * @param to the upper bound, or null for none
   * @param toInclusive whether {@code to} itself matches
   * @return a pattern that matches the keys between the bounds
   */
  static <K> KeyPattern<K> range(K from, boolean fromInclusive, K to, boolean toInclusive) {
    return new Range<>(from, fromInclusive, to, toInclusive);
  }

  /**
   * Keys from {@code from} (inclusive) to {@code to} (exclusive); a null bound leaves that side
   * open.
   *
   * @param <K> key type
   * @param from the lower bound, inclusive, or null for none
   * @param to the upper bound, exclusive, or null for none
   * @return a pattern that matches the keys between the bounds
   */
  static <K> KeyPattern<K> range(K from, K to) {
    return new Range<>(from, true, to, false);
  }

  /**
   * String keys that start with {@code prefix}.
   *
   * @param prefix what the matching keys start with
   * @return a pattern that matches the {@code String} keys that start with {@code prefix}
   * @throws NullPointerException if {@code prefix} is null
   */
  static KeyPattern<String> prefix(String prefix) {
    return new StringPrefix(prefix);
  }

  /**
   * List keys whose first elements equal {@code prefix} (ETS's partially bound composite key).
   *
   * @param <E> element type of the keys
   * @param prefix the first elements of the matching keys
   * @return a pattern that matches the {@code List} keys that start with {@code prefix}'s elements
   * @throws NullPointerException if {@code prefix} is null or holds a null element
   */
  static <E> KeyPattern<List<E>> prefix(List<E> prefix) {
    return new ListPrefix<>(prefix);
  }

  /**
   * Whether {@code key} matches, under {@code order} (an ordered table's comparator) or, when
   * {@code order} is null, under {@code equals} and natural order.
   *
   * @param key the key to test
   * @param order the ordered table's comparator, or null for {@code equals} and natural order
   * @return whether the key matches
   * @throws RuntimeException whatever comparing {@code key} with a bound throws
   */
  boolean matches(K key, Comparator<? super K> order);

  /**
   * As {@link #matches(Object, Comparator)} with {@code equals} and natural order.
   *
   * @param key the key to test
   * @return whether the key matches
   * @throws RuntimeException whatever comparing {@code key} with a bound throws
   */
  default boolean matches(K key) {
    return matches(key, null);
  }

  /**
   * Matches every key.
   *
   * @param <K> key type
   */
  record Any<K>() implements KeyPattern<K> {
    @Override
    public boolean matches(K key, Comparator<? super K> order) {
      return true;
    }
  }

  /**
   * Matches one key.
   *
   * @param key the key that matches
   * @param <K> key type
   */
  record Exact<K>(K key) implements KeyPattern<K> {
    /** Requires a non-null key. */
    public Exact {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean matches(K candidate, Comparator<? super K> order) {
      return order == null ? key.equals(candidate) : order.compare(candidate, key) == 0;
    }
  }

  /**
   * Matches the keys between two optional bounds.
   *
   * @param from the lower bound, or null for none
   * @param fromInclusive whether {@code from} itself matches
   * @param to the upper bound, or null for none
   * @param toInclusive whether {@code to} itself matches
   * @param <K> key type
   */
  record Range<K>(K from, boolean fromInclusive, K to, boolean toInclusive)
      implements KeyPattern<K> {
    @Override
    public boolean matches(K key, Comparator<? super K> order) {
      if (from != null) {
        int c = compare(key, from, order);
        if (c < 0 || (c == 0 && !fromInclusive)) {
          return false;
        }
      }
      if (to != null) {
        int c = compare(key, to, order);
        return c < 0 || (c == 0 && toInclusive);
      }
      return true;
    }

    @SuppressWarnings("unchecked")
    private static <K> int compare(K a, K b, Comparator<? super K> order) {
      return order != null ? order.compare(a, b) : ((Comparable<Object>) a).compareTo(b);
    }
  }

  /**
   * Matches the {@code String} keys that start with {@code prefix}.
   *
   * @param prefix what the matching keys start with
   */
  record StringPrefix(String prefix) implements KeyPattern<String> {
    /** Requires a non-null prefix. */
    public StringPrefix {
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public boolean matches(String key, Comparator<? super String> order) {
      return key.startsWith(prefix);
    }
  }

  /**
   * Matches the {@code List} keys whose first elements equal {@code prefix}'s.
   *
   * @param prefix the first elements of the matching keys
   * @param <E> element type of the keys
   */
  record ListPrefix<E>(List<E> prefix) implements KeyPattern<List<E>> {
    /** Copies the prefix; it must not be null nor hold null elements. */
    public ListPrefix {
      prefix = List.copyOf(prefix);
    }

    @Override
    public boolean matches(List<E> key, Comparator<? super List<E>> order) {
      return key.size() >= prefix.size() && key.subList(0, prefix.size()).equals(prefix);
    }
  }
}
