package io.jets.table;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * One clause of a {@link MatchSpec}: a key pattern, a guard on key and value, and the result the
 * clause produces for an object that passes both (ETS's {@code {Head, Guards, Body}}).
 *
 * @param key the keys the clause can match
 * @param guard a test on key and value; if it throws, the clause does not match
 * @param result the clause's result for a matching object; must not return null
 * @param <K> key type
 * @param <V> value type
 * @param <R> result type
 */
public record MatchClause<K, V, R>(
    KeyPattern<K> key,
    BiPredicate<? super K, ? super V> guard,
    BiFunction<? super K, ? super V, ? extends R> result) {

  /** Requires a key pattern, a guard and a result function. */
  public MatchClause {
    Objects.requireNonNull(key, "key pattern");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(result, "result");
  }
}
