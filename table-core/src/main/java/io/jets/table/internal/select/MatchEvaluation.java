package io.jets.table.internal.select;

import io.jets.table.KeyPattern;
import io.jets.table.MatchClause;
import io.jets.table.MatchSpec;
import io.jets.table.spi.KeyOrderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * How a {@link MatchSpec} is run: clause by clause against one object, and what key range or key
 * set a whole spec can match, so that a table visits only those keys.
 */
public final class MatchEvaluation {

  /** The result of a spec that matches no clause (distinct from every possible result). */
  public static final Object NO_MATCH = new Object();

  /** The guard of a clause built with no {@code guard(...)}: every value passes. */
  public static final BiPredicate<Object, Object> NO_GUARD = (key, value) -> true;

  /** The result of {@code returnTrue()}. */
  public static final BiFunction<Object, Object, Boolean> TRUE = (key, value) -> Boolean.TRUE;

  /** The result of {@code returnValue()}: the object's value. */
  public static final BiFunction<Object, Object, Object> VALUE = (key, value) -> value;

  /** The result of {@code returnKey()}: the object's key. */
  public static final BiFunction<Object, Object, Object> KEY = (key, value) -> key;

  private MatchEvaluation() {}

  /** {@link #KEY}, typed for a clause builder. */
  @SuppressWarnings("unchecked")
  public static <K, V> BiFunction<K, V, K> keyResult() {
    return (BiFunction<K, V, K>) (BiFunction<?, ?, ?>) KEY;
  }

  /** {@link #VALUE}, typed for a clause builder. */
  @SuppressWarnings("unchecked")
  public static <K, V> BiFunction<K, V, V> valueResult() {
    return (BiFunction<K, V, V>) (BiFunction<?, ?, ?>) VALUE;
  }

  /**
   * The result of the first clause that matches {@code (key, value)}, or {@link #NO_MATCH}. A key
   * pattern or guard that throws makes its clause fail, as a guard exception does in ETS.
   *
   * @param order the ordered table's key order, or null for {@code equals} and natural order
   * @throws RuntimeException what the matching clause's result function throws; {@link
   *     NullPointerException} if it returns null
   */
  public static Object evaluate(
      MatchSpec<?, ?, ?> spec, Object key, Object value, Comparator<Object> order) {
    List<? extends MatchClause<?, ?, ?>> clauses = spec.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      Object result = tryClause(clauses.get(i), i, key, value, order);
      if (result != NO_MATCH) {
        return result;
      }
    }
    return NO_MATCH;
  }

  /**
   * The one clause of a spec whose key pattern a range walk applies ({@link #keysMatchedByWalk}),
   * its guard and result function taken out once per scan: each object then costs its guard and its
   * result, not a pass over the spec's clauses.
   *
   * @param guard the clause's guard ({@link #NO_GUARD} when it has none)
   * @param result the clause's result function
   */
  public record WalkedClause(
      BiPredicate<Object, Object> guard, BiFunction<Object, Object, Object> result) {

    /** The single clause of {@code spec}, which {@link #keysMatchedByWalk} accepted. */
    @SuppressWarnings("unchecked")
    public static WalkedClause of(MatchSpec<?, ?, ?> spec) {
      MatchClause<?, ?, ?> clause = spec.clauses().get(0);
      return new WalkedClause(
          (BiPredicate<Object, Object>) clause.guard(),
          (BiFunction<Object, Object, Object>) clause.result());
    }

    /** Whether the object passes the guard; a guard that throws fails the clause, as in ETS. */
    public boolean passes(Object key, Object value) {
      if (guard == NO_GUARD) {
        return true;
      }
      try {
        return guard.test(key, value);
      } catch (RuntimeException guardFails) {
        return false;
      }
    }
  }

  /** Clause {@code i}'s result for the object, or NO_MATCH. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object tryClause(
      MatchClause clause, int i, Object key, Object value, Comparator<Object> order) {
    boolean matched;
    try {
      matched =
          clause.key().matches(key, order)
              && (clause.guard() == NO_GUARD || clause.guard().test(key, value));
    } catch (RuntimeException clauseFails) {
      matched = false;
    }
    if (!matched) {
      return NO_MATCH;
    }
    return result(clause.result(), i, key, value);
  }

  /**
   * What clause {@code i}'s result function gives for the object.
   *
   * @throws RuntimeException what the function throws; {@link NullPointerException} if it returns
   *     null
   */
  static <R> R result(BiFunction<Object, Object, R> function, int i, Object key, Object value) {
    R result = function.apply(key, value);
    if (result == null) {
      throw new NullPointerException("the result function of clause " + i + " returned null");
    }
    return result;
  }

  /**
   * Whether a walk of {@link #keyRange}'s interval visits exactly the keys {@code spec}'s key
   * patterns match: one clause whose pattern is a range or any key.
   */
  public static boolean keysMatchedByWalk(MatchSpec<?, ?, ?> spec) {
    return spec.clauses().size() == 1
        && (spec.clauses().get(0).key() instanceof KeyPattern.Range<?>
            || spec.clauses().get(0).key() instanceof KeyPattern.Any<?>);
  }

  /**
   * The key range a count spec counts whole, or null: a spec of one clause whose key pattern is a
   * range (or any key), with no guard, returning {@code TRUE} counts exactly the keys in the range,
   * whatever their values, so an ordered store may count them without visiting them.
   */
  public static KeyRange countedRange(MatchSpec<?, ?, ?> spec) {
    if (!keysMatchedByWalk(spec)) {
      return null;
    }
    MatchClause<?, ?, ?> clause = spec.clauses().get(0);
    if (clause.guard() != NO_GUARD || clause.result() != TRUE) {
      return null;
    }
    return clauseRange(clause.key(), false); // a range or any key: the order does not matter
  }

  /**
   * The keys a spec can match when every clause has an exact key pattern, without repeats; null
   * when some clause can match other keys. Under a key order ({@code order} not null: an ordered
   * store) they come sorted by it, last first if {@code reverse}, and keys it calls equal are one
   * key, as the store's lookups find them; without one (a store that compares with {@code equals})
   * they come in clause order, repeats dropped by {@code equals}. An order that cannot compare two
   * of the keys throws what it throws (a {@code KeyOrderException} from a store's order).
   */
  public static List<Object> exactKeys(
      MatchSpec<?, ?, ?> spec, Comparator<Object> order, boolean reverse) {
    Set<Object> keys =
        order == null ? new LinkedHashSet<>() : new TreeSet<>(reverse ? order.reversed() : order);
    for (MatchClause<?, ?, ?> clause : spec.clauses()) {
      if (!(clause.key() instanceof KeyPattern.Exact<?> exact)) {
        return null;
      }
      keys.add(exact.key());
    }
    return new ArrayList<>(keys);
  }

  /**
   * An interval of keys; a null bound is open. {@link #ALL} is every key.
   *
   * @param lower the least key, or null
   * @param upper the greatest key, or null
   */
  public record KeyRange(
      Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    public static final KeyRange ALL = new KeyRange(null, false, null, false);

    /** True if {@code key} is past the upper bound (ascending walks stop there). */
    public boolean above(Object key, Comparator<Object> order) {
      if (upper == null) {
        return false;
      }
      int c = order.compare(key, upper);
      return c > 0 || (c == 0 && !upperInclusive);
    }

    /** True if {@code key} is before the lower bound (descending walks stop there). */
    public boolean below(Object key, Comparator<Object> order) {
      if (lower == null) {
        return false;
      }
      int c = order.compare(key, lower);
      return c < 0 || (c == 0 && !lowerInclusive);
    }
  }

  /**
   * The smallest interval, under {@code order}, holding every key some clause of {@code spec} can
   * match; {@link KeyRange#ALL} if a clause can match any key.
   *
   * @param naturalOrder whether {@code order} is natural order, under which the strings with a
   *     given prefix form an interval
   * @throws KeyOrderException if a bound cannot be compared
   */
  public static KeyRange keyRange(
      MatchSpec<?, ?, ?> spec, Comparator<Object> order, boolean naturalOrder) {
    KeyRange hull = null;
    for (MatchClause<?, ?, ?> clause : spec.clauses()) {
      KeyRange range = clauseRange(clause.key(), naturalOrder);
      if (range == KeyRange.ALL) {
        return KeyRange.ALL;
      }
      if (range.lower() != null) {
        order.compare(range.lower(), range.lower()); // a bound the order rejects fails up front
      }
      if (range.upper() != null) {
        order.compare(range.upper(), range.upper());
      }
      hull = hull == null ? range : union(hull, range, order);
    }
    return hull == null ? KeyRange.ALL : hull;
  }

  private static KeyRange clauseRange(KeyPattern<?> pattern, boolean naturalOrder) {
    return switch (pattern) {
      case KeyPattern.Any<?> any -> KeyRange.ALL;
      case KeyPattern.Exact<?> exact -> new KeyRange(exact.key(), true, exact.key(), true);
      case KeyPattern.Range<?> range ->
          new KeyRange(range.from(), range.fromInclusive(), range.to(), range.toInclusive());
      case KeyPattern.StringPrefix prefix ->
          naturalOrder && !prefix.prefix().isEmpty()
              ? new KeyRange(prefix.prefix(), true, prefixEnd(prefix.prefix()), false)
              : KeyRange.ALL;
      case KeyPattern.ListPrefix<?> prefix -> KeyRange.ALL; // lists have no natural order
    };
  }

  /** The least string above every string that starts with {@code prefix}, or null if none. */
  private static String prefixEnd(String prefix) {
    StringBuilder end = new StringBuilder(prefix);
    while (end.length() > 0) {
      char last = end.charAt(end.length() - 1);
      if (last != Character.MAX_VALUE) {
        end.setCharAt(end.length() - 1, (char) (last + 1));
        return end.toString();
      }
      end.setLength(end.length() - 1);
    }
    return null;
  }

  private static KeyRange union(KeyRange a, KeyRange b, Comparator<Object> order) {
    Object lower;
    boolean lowerInclusive;
    if (a.lower() == null || b.lower() == null) {
      lower = null;
      lowerInclusive = false;
    } else {
      int c = order.compare(a.lower(), b.lower());
      lower = c <= 0 ? a.lower() : b.lower();
      lowerInclusive =
          c < 0
              ? a.lowerInclusive()
              : c > 0 ? b.lowerInclusive() : a.lowerInclusive() || b.lowerInclusive();
    }
    Object upper;
    boolean upperInclusive;
    if (a.upper() == null || b.upper() == null) {
      upper = null;
      upperInclusive = false;
    } else {
      int c = order.compare(a.upper(), b.upper());
      upper = c >= 0 ? a.upper() : b.upper();
      upperInclusive =
          c > 0
              ? a.upperInclusive()
              : c < 0 ? b.upperInclusive() : a.upperInclusive() || b.upperInclusive();
    }
    return new KeyRange(lower, lowerInclusive, upper, upperInclusive);
  }
}
