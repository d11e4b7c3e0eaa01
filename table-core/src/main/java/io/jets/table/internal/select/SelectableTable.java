package io.jets.table.internal.select;

import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.Page;
import io.jets.table.TableType;
import io.jets.table.WrongTableTypeException;
import io.jets.table.internal.OwnedTable;
import io.jets.table.internal.TableOptions;
import io.jets.table.internal.select.MatchEvaluation.WalkedClause;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The select family (select, selectReverse, selectCount, selectDelete, selectReplace, match,
 * matchObject, matchDelete, with limits and continuations) for every table type, on top of three
 * storage hooks: a weakly consistent {@link #scan}, a per-key conditional delete and a per-object
 * compare-and-set.
 *
 * <p>Guards and result functions run with no lock held during scans; selectDelete re-evaluates the
 * spec under the key's writer lock so that each object's match-and-delete is atomic.
 */
public abstract class SelectableTable<K, V> extends OwnedTable<K, V> {

  protected SelectableTable(TableOptions options) {
    super(options);
  }

  /** Receives the objects of a scan; all objects of one key arrive before the scan may stop. */
  @FunctionalInterface
  public interface ObjectVisitor<K, V> {
    /** Visits one object; returns false to stop the scan after the current key. */
    boolean visit(K key, V value);

    /**
     * Visits the objects {@code from} to {@code to} (exclusive) of a set table's run, as {@link
     * #visit} on each would (see {@link Store.Visitor#visitRun}).
     *
     * @return {@code to}, or the index of the object after which the visitor asked to stop
     */
    @SuppressWarnings("unchecked")
    default int visitSetRun(Store.Run run, long word, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!visit((K) run.key(word, i), (V) run.value(word, i))) {
          return i;
        }
      }
      return to;
    }

    /**
     * Visits the objects {@code to - 1} down to {@code from} of a set table's run, as {@link
     * #visit} on each would (see {@link Store.Visitor#visitRunReversed}).
     *
     * @return {@code from - 1}, or the index of the object after which the visitor asked to stop
     */
    @SuppressWarnings("unchecked")
    default int visitSetRunReversed(Store.Run run, long word, int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (!visit((K) run.key(word, i), (V) run.value(word, i))) {
          return i;
        }
      }
      return from - 1;
    }
  }

  // ---- storage hooks ----

  /**
   * Visits, in traversal order (reversed on an ordered table when {@code reverse}), at least every
   * object whose key {@code spec} can match, each key's objects from one atomic read. With {@code
   * resume}, starts strictly after {@code after}. Weakly consistent: a key present for the whole
   * scan is visited exactly once, none twice. Lock-free.
   *
   * @return true if the scan reached the end, false if the visitor stopped it
   * @throws BadArgumentException if the spec's key bounds cannot be compared with the keys
   */
  protected abstract boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor);

  /**
   * Under the writer lock of {@code key}, removes each object under it that {@code test} accepts.
   *
   * @return the number of objects removed
   */
  protected abstract long deleteObjectsIf(
      K key, BiPredicate<? super K, ? super V> test, String operation);

  /**
   * Under the writer lock of {@code key}, makes each replacement of {@code run} (the key's, in the
   * order its objects were matched) whose object is still there: on a set type the key's value if
   * it still equals the expected one; in a duplicate bag the first object equal to the expected one
   * that this run has not replaced yet, in its place.
   *
   * @return the number of objects replaced
   */
  protected abstract int replaceIfUnchanged(K key, List<Replacement<K, V>> run, String operation);

  /**
   * Fails with {@link BadArgumentException} if the table cannot store {@code value} under {@code
   * key} (an off-heap codec refuses it, a cache's weigher does); selectReplace checks every
   * replacement before it replaces anything.
   */
  protected void checkStorable(K key, V value) {}

  /**
   * The number of objects {@code spec} counts, found without visiting them, or -1 if the store
   * cannot (then {@link #selectCount} scans). A bound the table cannot order throws {@link
   * KeyOrderException}.
   */
  protected long countWhole(MatchSpec<?, ?, ?> spec) {
    return -1;
  }

  private BadArgumentException boundError(
      String operation, MatchSpec<?, ?, ?> spec, KeyOrderException e) {
    return new BadArgumentException(
        name(),
        operation
            + ": a key bound of "
            + spec
            + " cannot be compared with the table's keys: "
            + e.getCause(),
        e.getCause());
  }

  /** The ordered table's key order, or null for {@code equals} and natural order. */
  protected abstract Comparator<Object> keyOrder();

  /**
   * {@link #scan}, reporting a key bound the table cannot order as a failure of {@code operation}.
   */
  protected final boolean scan(
      String operation,
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    try {
      return scan(spec, reverse, resume, after, visitor);
    } catch (KeyOrderException e) {
      throw boundError(operation, spec, e);
    }
  }

  // ---- evaluation ----

  /**
   * The spec's result for one object, or {@link MatchEvaluation#NO_MATCH}; failures named. With
   * {@code walked} (the spec's clause when the scan applies its key pattern, {@link #walked}) only
   * the clause's guard and result run; with null, the whole spec.
   */
  final Object evaluate(
      MatchSpec<?, ?, ?> spec, WalkedClause walked, K key, V value, String operation) {
    if (walked != null) {
      return walked.passes(key, value)
          ? resultOf(walked.result(), key, value, operation)
          : MatchEvaluation.NO_MATCH;
    }
    try {
      return MatchEvaluation.evaluate(spec, key, value, keyOrder());
    } catch (RuntimeException e) {
      throw resultFailed(operation, key, e);
    }
  }

  /** The spec's one clause when this table's scan applies its key pattern, else null. */
  final WalkedClause walked(MatchSpec<?, ?, ?> spec) {
    return scanMatchesKeys(spec) ? WalkedClause.of(spec) : null;
  }

  /**
   * Whether this table's scan of {@code spec} visits only keys its single clause's pattern matches
   * (an ordered store walking the pattern's range), so the pattern need not be tested again.
   */
  protected boolean scanMatchesKeys(MatchSpec<?, ?, ?> spec) {
    return false;
  }

  final <R> List<R> selectAll(MatchSpec<?, ?, ?> spec, boolean reverse, String operation) {
    checkRead(operation);
    requireArgument(spec, "match spec", operation);
    ResultList<R> results = new ResultList<>();
    WalkedClause walked = walked(spec);
    ObjectVisitor<K, V> visitor;
    if (walked != null) {
      visitor = new WalkedSelection<>(this, spec, walked, operation, results);
    } else {
      visitor =
          (key, value) -> {
            Object result = evaluate(spec, null, key, value, operation);
            if (result != MatchEvaluation.NO_MATCH) {
              results.append(result);
            }
            return true;
          };
    }
    scan(operation, spec, reverse, false, null, visitor);
    return results;
  }

  /** As {@link #evaluate} for a clause whose pattern and guard passed: its result, named. */
  <R> R resultOf(BiFunction<Object, Object, R> result, K key, V value, String operation) {
    try {
      return MatchEvaluation.result(result, 0, key, value);
    } catch (RuntimeException e) {
      throw resultFailed(operation, key, e);
    }
  }

  private BadArgumentException resultFailed(String operation, Object key, RuntimeException e) {
    return new BadArgumentException(
        name(), operation + ": the match spec's result failed for key " + key + ": " + e, e);
  }

  private <R> Page<R> selectChunk(
      MatchSpec<?, ?, ?> spec, int limit, boolean reverse, String operation) {
    checkRead(operation);
    requireArgument(spec, "match spec", operation);
    if (limit < 1) {
      throw new BadArgumentException(name(), operation + ": limit " + limit + " is below 1");
    }
    return ChunkedSelection.first(this, spec, limit, reverse, operation);
  }

  // ---- select ----

  @Override
  public final <R> List<R> select(MatchSpec<? super K, ? super V, R> spec) {
    return selectAll(spec, false, "select");
  }

  @Override
  public final <R> Page<R> select(MatchSpec<? super K, ? super V, R> spec, int limit) {
    return selectChunk(spec, limit, false, "select");
  }

  @Override
  public final <R> List<R> selectReverse(MatchSpec<? super K, ? super V, R> spec) {
    return selectAll(spec, true, "selectReverse");
  }

  @Override
  public final <R> Page<R> selectReverse(MatchSpec<? super K, ? super V, R> spec, int limit) {
    return selectChunk(spec, limit, true, "selectReverse");
  }

  @Override
  public final long selectCount(MatchSpec<? super K, ? super V, Boolean> spec) {
    checkRead("selectCount");
    requireArgument(spec, "match spec", "selectCount");
    try {
      long whole = countWhole(spec);
      if (whole >= 0) {
        return whole;
      }
    } catch (KeyOrderException e) {
      throw boundError("selectCount", spec, e);
    }
    long[] count = {0};
    WalkedClause walked = walked(spec);
    scan(
        "selectCount",
        spec,
        false,
        false,
        null,
        (key, value) -> {
          if (Boolean.TRUE.equals(evaluate(spec, walked, key, value, "selectCount"))) {
            count[0]++;
          }
          return true;
        });
    return count[0];
  }

  @Override
  public final long selectDelete(MatchSpec<? super K, ? super V, Boolean> spec) {
    return deleteMatching(spec, "selectDelete");
  }

  private long deleteMatching(MatchSpec<?, ?, ?> spec, String operation) {
    checkWrite(operation);
    requireArgument(spec, "match spec", operation);
    // First pass, no lock: the keys with an object to delete. A failing spec stops here.
    List<K> candidates = new ArrayList<>();
    WalkedClause walked = walked(spec);
    scan(
        operation,
        spec,
        false,
        false,
        null,
        (key, value) -> {
          if (Boolean.TRUE.equals(evaluate(spec, walked, key, value, operation))
              && (candidates.isEmpty() || candidates.get(candidates.size() - 1) != key)) {
            candidates.add(key);
          }
          return true;
        });
    // Second pass: per key, under its lock, delete what the spec still maps to TRUE.
    long deleted = 0;
    for (K key : candidates) {
      deleted += deleteObjectsIf(key, (k, v) -> mapsToTrue(spec, k, v), operation);
    }
    return deleted;
  }

  private boolean mapsToTrue(MatchSpec<?, ?, ?> spec, K key, V value) {
    try {
      return Boolean.TRUE.equals(MatchEvaluation.evaluate(spec, key, value, keyOrder()));
    } catch (RuntimeException e) {
      return false; // passed on the first pass; a result function that now fails keeps the object
    }
  }

  /** A replacement found by the first pass of selectReplace. */
  protected record Replacement<K, V>(K key, V expected, V replacement) {}

  @Override
  public final long selectReplace(
      MatchSpec<? super K, ? super V, ? extends Map.Entry<? extends K, ? extends V>> spec) {
    checkWrite("selectReplace");
    requireArgument(spec, "match spec", "selectReplace");
    if (type() == TableType.BAG) {
      // A replacement could make two objects of a bag equal; ETS refuses bags for that reason.
      throw new WrongTableTypeException(
          name(), "selectReplace: not supported on a BAG table (as in ETS)");
    }
    // First pass: every replacement, checked before anything changes.
    List<Replacement<K, V>> replacements = new ArrayList<>();
    WalkedClause walked = walked(spec);
    scan(
        "selectReplace",
        spec,
        false,
        false,
        null,
        (key, value) -> {
          Object result = evaluate(spec, walked, key, value, "selectReplace");
          if (result != MatchEvaluation.NO_MATCH) {
            replacements.add(checkedReplacement(key, value, result));
          }
          return true;
        });
    // Second pass: per key, under its lock, the key's replacements together (a scan meets a key's
    // objects one after another), so a duplicate bag's object this call wrote is never taken for
    // one it matched.
    long replaced = 0;
    for (int from = 0, to; from < replacements.size(); from = to) {
      K key = replacements.get(from).key();
      to = from + 1;
      while (to < replacements.size() && replacements.get(to).key() == key) {
        to++;
      }
      replaced += replaceIfUnchanged(key, replacements.subList(from, to), "selectReplace");
    }
    return replaced;
  }

  @SuppressWarnings("unchecked")
  private Replacement<K, V> checkedReplacement(K key, V value, Object result) {
    if (!(result instanceof Map.Entry<?, ?> object)) {
      throw new BadArgumentException(
          name(),
          "selectReplace: the spec's result for key "
              + key
              + " is not an object (Map.Entry): "
              + result
              + "; nothing was replaced");
    }
    if (object.getValue() == null || !Objects.equals(object.getKey(), key)) {
      throw new BadArgumentException(
          name(),
          "selectReplace: the spec replaces the object under key "
              + key
              + " with "
              + object
              + ", which "
              + (object.getValue() == null ? "has a null value" : "changes the key")
              + "; nothing was replaced");
    }
    checkStorable(key, (V) object.getValue());
    return new Replacement<>(key, value, (V) object.getValue());
  }

  // ---- match ----

  private static <K, V, R> MatchSpec<K, V, R> matchSpec(
      KeyPattern<K> key, Predicate<? super V> value, boolean objects) {
    Objects.requireNonNull(key, "key pattern");
    Objects.requireNonNull(value, "value predicate");
    var clause = MatchSpec.<K, V>where(key).guard((k, v) -> value.test(v));
    @SuppressWarnings("unchecked")
    MatchSpec<K, V, R> spec =
        (MatchSpec<K, V, R>) (objects ? clause.returnObject() : clause.returnValue());
    return spec;
  }

  private void requirePattern(KeyPattern<K> key, Predicate<? super V> value, String operation) {
    requireArgument(key, "key pattern", operation);
    requireArgument(value, "value predicate", operation);
  }

  @Override
  public final List<Map.Entry<K, V>> matchObject(KeyPattern<K> key, Predicate<? super V> value) {
    requirePattern(key, value, "matchObject");
    return selectAll(matchSpec(key, value, true), false, "matchObject");
  }

  @Override
  public final Page<Map.Entry<K, V>> matchObject(
      KeyPattern<K> key, Predicate<? super V> value, int limit) {
    requirePattern(key, value, "matchObject");
    return selectChunk(matchSpec(key, value, true), limit, false, "matchObject");
  }

  @Override
  public final List<V> match(KeyPattern<K> key, Predicate<? super V> value) {
    requirePattern(key, value, "match");
    return selectAll(matchSpec(key, value, false), false, "match");
  }

  @Override
  public final Page<V> match(KeyPattern<K> key, Predicate<? super V> value, int limit) {
    requirePattern(key, value, "match");
    return selectChunk(matchSpec(key, value, false), limit, false, "match");
  }

  @Override
  public final long matchDelete(KeyPattern<K> key, Predicate<? super V> value) {
    requirePattern(key, value, "matchDelete");
    MatchSpec<K, V, Boolean> spec =
        MatchSpec.<K, V>where(key).guard((k, v) -> value.test(v)).returnTrue();
    return deleteMatching(spec, "matchDelete");
  }
}
