package io.jets.table;

import io.jets.table.internal.select.MatchEvaluation;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Builds the first clause of a {@link MatchSpec}: add guards, then choose the result, which also
 * fixes the spec's result type. Not thread-safe; the spec it returns is.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ClauseBuilder<K, V> {

  private final KeyPattern<K> key;
  private BiPredicate<? super K, ? super V> guard = MatchEvaluation.NO_GUARD;

  ClauseBuilder(KeyPattern<K> key) {
    this.key = key;
  }

  /**
   * Adds a guard; the clause matches only objects that pass every guard added.
   *
   * @param test the guard, on the object's key and value
   * @return this builder
   * @throws NullPointerException if {@code test} is null
   */
  public ClauseBuilder<K, V> guard(BiPredicate<? super K, ? super V> test) {
    Objects.requireNonNull(test, "guard");
    BiPredicate<? super K, ? super V> previous = guard;
    guard = (k, v) -> previous.test(k, v) && test.test(k, v);
    return this;
  }

  /**
   * The clause's result is whatever {@code result} computes (ETS's body).
   *
   * @param <R> result type
   * @param result computes the result from the object's key and value; must not return null
   * @return the spec of this one clause
   * @throws NullPointerException if {@code result} is null
   */
  public <R> MatchSpec<K, V, R> returnResult(BiFunction<? super K, ? super V, ? extends R> result) {
    return MatchSpec.single(
        new MatchClause<>(key, guard, Objects.requireNonNull(result, "result")));
  }

  /**
   * The clause's result is the whole object (ETS's {@code '$_'}).
   *
   * @return the spec of this one clause
   */
  public MatchSpec<K, V, Map.Entry<K, V>> returnObject() {
    return returnResult(Map::entry);
  }

  /**
   * The clause's result is the key.
   *
   * @return the spec of this one clause
   */
  public MatchSpec<K, V, K> returnKey() {
    return returnResult(MatchEvaluation.keyResult());
  }

  /**
   * The clause's result is the value.
   *
   * @return the spec of this one clause
   */
  public MatchSpec<K, V, V> returnValue() {
    return returnResult(MatchEvaluation.valueResult());
  }

  /**
   * The clause's result is {@code TRUE}: for {@link Table#selectCount} and {@link
   * Table#selectDelete}.
   *
   * @return the spec of this one clause
   */
  public MatchSpec<K, V, Boolean> returnTrue() {
    return returnResult(MatchEvaluation.TRUE); // a counting store may count a bare range whole
  }

  /**
   * The clause's result is {@code FALSE}: an object it matches is neither counted nor deleted.
   *
   * @return the spec of this one clause
   */
  public MatchSpec<K, V, Boolean> returnFalse() {
    return returnResult((k, v) -> Boolean.FALSE);
  }

  /**
   * The clause's result is the object with its value replaced by {@code newValue}: a spec for
   * {@link Table#selectReplace} that always keeps the key.
   *
   * @param newValue computes the new value from the object's key and value; must not return null
   * @return the spec of this one clause
   * @throws NullPointerException if {@code newValue} is null
   */
  public MatchSpec<K, V, Map.Entry<K, V>> replaceValue(
      BiFunction<? super K, ? super V, ? extends V> newValue) {
    Objects.requireNonNull(newValue, "newValue");
    return returnResult((k, v) -> Map.entry(k, newValue.apply(k, v)));
  }
}
