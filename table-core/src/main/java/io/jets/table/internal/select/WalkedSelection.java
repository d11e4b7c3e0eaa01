package io.jets.table.internal.select;

import io.jets.table.MatchSpec;
import io.jets.table.internal.select.MatchEvaluation.WalkedClause;
import io.jets.table.internal.select.SelectableTable.ObjectVisitor;
import io.jets.table.spi.Store;
import java.util.function.BiFunction;

/**
 * The visitor of a select whose one clause's key pattern the store's walk applies (an ordered store
 * walking the pattern's range): it runs only the clause's guard and result, and takes a set table's
 * runs whole, making room in the result once per run. A clause without a guard that returns the
 * value or the key ({@code returnValue()}, {@code returnKey()}) takes them without calling the
 * result function: a forward run through {@link Store.Run#values} or {@link Store.Run#keys}, which
 * may copy a leaf's values at once.
 */
final class WalkedSelection<K, V> implements ObjectVisitor<K, V> {
  private final SelectableTable<K, V> table;
  private final MatchSpec<?, ?, ?> spec;
  private final WalkedClause walked;
  private final String operation;
  private final ResultList<?> results;

  WalkedSelection(
      SelectableTable<K, V> table,
      MatchSpec<?, ?, ?> spec,
      WalkedClause walked,
      String operation,
      ResultList<?> results) {
    this.table = table;
    this.spec = spec;
    this.walked = walked;
    this.operation = operation;
    this.results = results;
  }

  @Override
  public boolean visit(K key, V value) {
    Object result = table.evaluate(spec, walked, key, value, operation);
    if (result != MatchEvaluation.NO_MATCH) {
      results.append(result);
    }
    return true;
  }

  /**
   * Room made once per run; the loops keep the array and the length in locals, and a clause without
   * a guard runs its result function alone.
   */
  @Override
  @SuppressWarnings("unchecked")
  public int visitSetRun(Store.Run run, long word, int from, int to) {
    Object[] items = results.reserve(to - from);
    int size = results.size();
    BiFunction<Object, Object, Object> result = walked.result();
    if (walked.guard() == MatchEvaluation.NO_GUARD) {
      if (result == MatchEvaluation.VALUE || result == MatchEvaluation.KEY) {
        if (result == MatchEvaluation.VALUE) { // returnValue(): the values taken whole
          run.values(word, from, to, items, size);
        } else {
          run.keys(word, from, to, items, size);
        }
        results.filled(size + to - from);
        return to;
      }
      for (int i = from; i < to; i++) {
        items[size++] =
            table.resultOf(result, (K) run.key(word, i), (V) run.value(word, i), operation);
      }
    } else {
      for (int i = from; i < to; i++) {
        size = appendMatch(run, word, i, items, size);
      }
    }
    results.filled(size);
    return to;
  }

  /**
   * As {@link #visitSetRun}, last to first: room made once per run, and a clause without a guard
   * that returns the value or the key takes it alone (no run's slots lie in descending order, so
   * there is nothing to copy whole).
   */
  @Override
  public int visitSetRunReversed(Store.Run run, long word, int from, int to) {
    Object[] items = results.reserve(to - from);
    int size = results.size();
    BiFunction<Object, Object, Object> result = walked.result();
    boolean unguarded = walked.guard() == MatchEvaluation.NO_GUARD;
    if (unguarded && result == MatchEvaluation.VALUE) {
      for (int i = to - 1; i >= from; i--) {
        items[size++] = run.value(word, i);
      }
    } else if (unguarded && result == MatchEvaluation.KEY) {
      for (int i = to - 1; i >= from; i--) {
        items[size++] = run.key(word, i);
      }
    } else {
      for (int i = to - 1; i >= from; i--) {
        size = appendMatch(run, word, i, items, size);
      }
    }
    results.filled(size);
    return from - 1;
  }

  /** Appends the result for the run's object {@code i} at {@code size} if it matched. */
  @SuppressWarnings("unchecked")
  private int appendMatch(Store.Run run, long word, int i, Object[] items, int size) {
    Object matched =
        table.evaluate(spec, walked, (K) run.key(word, i), (V) run.value(word, i), operation);
    if (matched != MatchEvaluation.NO_MATCH) {
      items[size++] = matched;
    }
    return size;
  }
}
