package io.jets.table.internal.select;

import io.jets.table.MatchSpec;
import io.jets.table.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A chunk of a select with a limit and its continuation. The continuation holds the table itself
 * (so it survives a rename and never reaches another table of the same name), the last key it
 * scanned, and the results of that key's objects that did not fit in the chunk: a key's objects are
 * matched from one atomic read, and a chunk holds exactly {@code limit} results until the last.
 *
 * <p>Each chunk scans until it holds one result more than the limit (or the table ends), so that
 * {@link #hasNext()} is exact: a chunk that says it has a successor has at least one more result.
 */
final class ChunkedSelection<K, V, R> implements Page<R> {

  private final SelectableTable<K, V> table;
  private final MatchSpec<?, ?, ?> spec;
  private final int limit;
  private final boolean reverse;
  private final String operation;
  private final List<R> results;
  private final List<R> pending; // results beyond this chunk, already computed
  private final boolean exhausted; // the scan has reached the end of the table
  private final boolean started; // lastKey is meaningful
  private final K lastKey;

  private ChunkedSelection(
      SelectableTable<K, V> table,
      MatchSpec<?, ?, ?> spec,
      int limit,
      boolean reverse,
      String operation,
      List<R> results,
      List<R> pending,
      boolean exhausted,
      boolean started,
      K lastKey) {
    this.table = table;
    this.spec = spec;
    this.limit = limit;
    this.reverse = reverse;
    this.operation = operation;
    this.results = results;
    this.pending = pending;
    this.exhausted = exhausted;
    this.started = started;
    this.lastKey = lastKey;
  }

  static <K, V, R> Page<R> first(
      SelectableTable<K, V> table,
      MatchSpec<?, ?, ?> spec,
      int limit,
      boolean reverse,
      String operation) {
    return compute(table, spec, limit, reverse, operation, List.of(), false, false, null);
  }

  private static <K, V, R> ChunkedSelection<K, V, R> compute(
      SelectableTable<K, V> table,
      MatchSpec<?, ?, ?> spec,
      int limit,
      boolean reverse,
      String operation,
      List<R> carried,
      boolean exhausted,
      boolean started,
      K lastKey) {
    List<R> buffer = new ArrayList<>(carried);
    boolean done = exhausted;
    Object[] last = {lastKey};
    boolean[] moved = {started};
    if (!done && buffer.size() <= limit) {
      done =
          table.scan(
              operation,
              spec,
              reverse,
              started,
              lastKey,
              (key, value) -> {
                last[0] = key;
                moved[0] = true;
                Object result = table.evaluate(spec, key, value, operation);
                if (result != MatchEvaluation.NO_MATCH) {
                  @SuppressWarnings("unchecked")
                  R typed = (R) result;
                  buffer.add(typed);
                }
                return buffer.size() <= limit;
              });
    }
    int size = Math.min(limit, buffer.size());
    List<R> chunk = List.copyOf(buffer.subList(0, size));
    List<R> rest = List.copyOf(buffer.subList(size, buffer.size()));
    @SuppressWarnings("unchecked")
    K newLast = (K) last[0];
    return new ChunkedSelection<>(
        table, spec, limit, reverse, operation, chunk, rest, done, moved[0], newLast);
  }

  @Override
  public List<R> results() {
    return results;
  }

  @Override
  public boolean hasNext() {
    return !pending.isEmpty();
  }

  @Override
  public Page<R> next() {
    if (pending.isEmpty()) {
      throw new NoSuchElementException(
          "table '" + table.name() + "': " + operation + ": no more chunks");
    }
    table.checkRead(operation);
    return compute(table, spec, limit, reverse, operation, pending, exhausted, started, lastKey);
  }
}
