package io.jets.table;

import io.jets.table.internal.select.MatchEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A match specification: one or more {@link MatchClause clauses}, tried in order; the first clause
 * whose key pattern and guard match an object decides the result, and later clauses are not tried
 * (as in ETS). A clause whose guard throws does not match. Immutable and thread-safe.
 *
 * <pre>{@code
 * MatchSpec<String, User, User> over30 =
 *     MatchSpec.<String, User>where(KeyPattern.range("a", "m"))
 *         .guard((k, v) -> v.age() > 30)
 *         .returnValue();
 * List<User> found = users.select(over30);
 * }</pre>
 *
 * <p>Specs for {@link Table#selectCount} and {@link Table#selectDelete} have {@code Boolean}
 * results; those operations act on the objects the spec maps to {@code TRUE}. Specs for {@link
 * Table#selectReplace} produce the replacement object, which must keep the key.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <R> result type
 */
public final class MatchSpec<K, V, R> {

  private final List<MatchClause<K, V, R>> clauses;

  private MatchSpec(List<MatchClause<K, V, R>> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  /**
   * Starts a spec whose first clause matches the keys {@code key} matches.
   *
   * @param <K> key type
   * @param <V> value type
   * @param key the keys the first clause can match
   * @return a builder of the first clause
   * @throws NullPointerException if {@code key} is null
   */
  public static <K, V> ClauseBuilder<K, V> where(KeyPattern<K> key) {
    return new ClauseBuilder<>(Objects.requireNonNull(key, "key pattern"));
  }

  /**
   * Starts a spec whose first clause matches every key.
   *
   * @param <K> key type
   * @param <V> value type
   * @return a builder of the first clause
   */
  public static <K, V> ClauseBuilder<K, V> anyKey() {
    return new ClauseBuilder<>(KeyPattern.any());
  }

  /**
   * A spec of the given clauses, in order.
   *
   * @param <K> key type
   * @param <V> value type
   * @param <R> result type
   * @param clauses the clauses, in the order they are tried
   * @return the spec
   * @throws IllegalArgumentException if there are none
   * @throws NullPointerException if a clause is null
   */
  @SafeVarargs
  public static <K, V, R> MatchSpec<K, V, R> of(MatchClause<K, V, R>... clauses) {
    if (clauses.length == 0) {
      throw new IllegalArgumentException("a match spec needs at least one clause");
    }
    List<MatchClause<K, V, R>> list = new ArrayList<>(clauses.length);
    for (MatchClause<K, V, R> clause : clauses) {
      list.add(Objects.requireNonNull(clause, "clause"));
    }
    return new MatchSpec<>(list);
  }

  /**
   * Adds a clause, tried after this spec's clauses, that matches the keys {@code key} matches.
   *
   * @param key the keys the new clause can match
   * @return a builder of the new clause, whose result completes a new spec (this one is unchanged)
   * @throws NullPointerException if {@code key} is null
   */
  public AlternativeClauseBuilder<K, V, R> orWhere(KeyPattern<K> key) {
    return new AlternativeClauseBuilder<>(this, Objects.requireNonNull(key, "key pattern"));
  }

  /**
   * This spec with {@code clause} appended.
   *
   * @param clause the clause to try after this spec's clauses
   * @return a new spec; this one is unchanged
   * @throws NullPointerException if {@code clause} is null
   */
  public MatchSpec<K, V, R> or(MatchClause<K, V, R> clause) {
    List<MatchClause<K, V, R>> more = new ArrayList<>(clauses);
    more.add(Objects.requireNonNull(clause, "clause"));
    return new MatchSpec<>(more);
  }

  static <K, V, R> MatchSpec<K, V, R> single(MatchClause<K, V, R> clause) {
    return new MatchSpec<>(List.of(clause));
  }

  /**
   * The clauses, in the order they are tried; immutable.
   *
   * @return the spec's clauses
   */
  public List<MatchClause<K, V, R>> clauses() {
    return clauses;
  }

  /**
   * Runs the spec on one object without a table (ETS's {@code test_ms}): the first matching
   * clause's result, or empty if no clause matches. Ranges use natural order, exact keys {@code
   * equals}.
   *
   * @param key the object's key
   * @param value the object's value
   * @return the result of the first clause that matches, or empty if none does
   * @throws RuntimeException what a clause's result function throws; {@link NullPointerException}
   *     if it returns null
   */
  public Optional<R> test(K key, V value) {
    Object result = MatchEvaluation.evaluate(this, key, value, null);
    @SuppressWarnings("unchecked")
    R typed = (R) result;
    return result == MatchEvaluation.NO_MATCH ? Optional.empty() : Optional.of(typed);
  }

  /**
   * Runs the spec over a plain list of objects, in order (ETS's {@code match_spec_run}): the
   * results of the objects some clause matches, as {@link Table#select} would return them from a
   * table holding exactly those objects in that order.
   *
   * @param objects the objects, as key/value entries
   * @return the results, in the order of {@code objects}
   * @throws RuntimeException what a clause's result function throws; {@link NullPointerException}
   *     if it returns null
   */
  public List<R> run(List<? extends Map.Entry<? extends K, ? extends V>> objects) {
    List<R> results = new ArrayList<>();
    for (Map.Entry<? extends K, ? extends V> object : objects) {
      test(object.getKey(), object.getValue()).ifPresent(results::add);
    }
    return results;
  }

  @Override
  public String toString() {
    return "MatchSpec" + clauses;
  }
}
