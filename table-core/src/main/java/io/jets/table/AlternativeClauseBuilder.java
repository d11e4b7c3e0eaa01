package io.jets.table;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Builds a further clause of a {@link MatchSpec}, tried after the clauses already there; its result
 * type is the spec's. Not thread-safe; the spec it returns is.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <R> result type
 */
public final class AlternativeClauseBuilder<K, V, R> {

  private final MatchSpec<K, V, R> spec;
  private final KeyPattern<K> key;
  private BiPredicate<? super K, ? super V> guard = (k, v) -> true;

  AlternativeClauseBuilder(MatchSpec<K, V, R> spec, KeyPattern<K> key) {
    this.spec = spec;
    this.key = key;
  }

  /**
   * Adds a guard; the clause matches only objects that pass every guard added.
   *
   * @param test the guard, on the object's key and value
   * @return this builder
   * @throws NullPointerException if {@code test} is null
   */
  public AlternativeClauseBuilder<K, V, R> guard(BiPredicate<? super K, ? super V> test) {
    Objects.requireNonNull(test, "guard");
    BiPredicate<? super K, ? super V> previous = guard;
    guard = (k, v) -> previous.test(k, v) && test.test(k, v);
    return this;
  }

  /**
   * The clause's result is whatever {@code result} computes; returns the extended spec.
   *
   * @param result computes the result from the object's key and value; must not return null
   * @return a new spec: the clauses of the spec this builder extends, then this clause
   * @throws NullPointerException if {@code result} is null
   */
  public MatchSpec<K, V, R> returnResult(BiFunction<? super K, ? super V, ? extends R> result) {
    return spec.or(new MatchClause<>(key, guard, Objects.requireNonNull(result, "result")));
  }

  /**
   * The clause's result is {@code constant}; returns the extended spec.
   *
   * @param constant the result for every object the clause matches
   * @return a new spec: the clauses of the spec this builder extends, then this clause
   * @throws NullPointerException if {@code constant} is null
   */
  public MatchSpec<K, V, R> returnConstant(R constant) {
    Objects.requireNonNull(constant, "constant");
    return returnResult((k, v) -> constant);
  }
}
