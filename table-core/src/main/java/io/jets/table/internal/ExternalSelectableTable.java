package io.jets.table.internal;

import io.jets.table.MatchSpec;
import io.jets.table.internal.select.MatchEvaluation;
import io.jets.table.internal.select.SelectableTable;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * {@link SelectableTable} for table types outside this package (the off-heap tables of
 * table-offheap, the only module this package is exported to): the same select family over the same
 * three storage hooks, made protected. Hash order only: no key comparator.
 */
public abstract class ExternalSelectableTable<K, V> extends SelectableTable<K, V> {

  protected ExternalSelectableTable(TableOptions options) {
    super(options);
  }

  /**
   * Visits, in traversal order, at least every object whose key {@code spec} can match, each key's
   * objects from one atomic read; with {@code resume}, strictly after {@code after}. The visitor
   * returns false to stop. Weakly consistent: a key present for the whole scan is visited exactly
   * once, none twice.
   *
   * @return true if the scan reached the end, false if the visitor stopped it
   */
  protected abstract boolean scanObjects(
      MatchSpec<?, ?, ?> spec, boolean resume, K after, BiPredicate<? super K, ? super V> visitor);

  /**
   * Under the writer lock of {@code key}, removes each object under it that {@code test} accepts.
   */
  protected abstract long deleteObjectsUnderLockIf(
      K key, BiPredicate<? super K, ? super V> test, String operation);

  /**
   * Under the writer lock of {@code key}, replaces its value if it still equals {@code expected}.
   */
  protected abstract boolean replaceUnderLockIfUnchanged(
      K key, V expected, V replacement, String operation);

  /** The keys of a spec whose clauses all have exact keys, in clause order; null otherwise. */
  protected static List<Object> exactKeysOf(MatchSpec<?, ?, ?> spec) {
    return MatchEvaluation.exactKeys(spec);
  }

  @Override
  protected final boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    return scanObjects(spec, resume, after, visitor::visit); // hash order has no reverse, as in ETS
  }

  @Override
  protected final long deleteObjectsIf(
      K key, BiPredicate<? super K, ? super V> test, String operation) {
    return deleteObjectsUnderLockIf(key, test, operation);
  }

  @Override
  protected final boolean replaceIfUnchanged(K key, V expected, V replacement, String operation) {
    return replaceUnderLockIfUnchanged(key, expected, replacement, operation);
  }

  @Override
  protected final Comparator<Object> keyOrder() {
    return null;
  }
}
