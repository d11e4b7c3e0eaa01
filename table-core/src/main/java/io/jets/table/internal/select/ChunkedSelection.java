package io.jets.table.internal.select;

import io.jets.table.MatchSpec;
import io.jets.table.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A chunk of a select with a limit and its continuation. The continuation holds the table itself
 * (so it survives a rename and never reaches another table of the same name), the key of the last
 * result it returned, and the results of that key's objects that did not fit in the chunk: a key's
 * objects are matched from one atomic read, so they are handed out from that read; every later key
 * is read afresh by the next chunk, so a chunk never returns an object deleted before it was
 * requested (ETS's continuation resumes from its last key in the same way). A chunk holds exactly
 * {@code limit} results until the last.
 *
 * <p>Each chunk scans until it holds one result more than the limit (or the table ends), so that
 * {@link #hasNext()} says whether more results existed when the chunk was taken; if they are
 * deleted before {@link #next()}, the next chunk is empty and the last.
 */
final class ChunkedSelection<K, V, R> implements Page<R> {

  private final SelectableTable<K, V> table;
  private final MatchSpec<?, ?, ?> spec;
  private final int limit;
  private final boolean reverse;
  private final String operation;
  private final List<R> results;
  private final List<R> pending; // the rest of lastKey's results: from the read that returned some
  private final boolean more; // results beyond this chunk existed when it was taken
  private final boolean exhausted; // no key after lastKey remains to be read
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
      boolean more,
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
    this.more = more;
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
    List<Object> keys = new ArrayList<>(); // the key of each buffered result
    for (int i = 0; i < carried.size(); i++) {
      keys.add(lastKey);
    }
    boolean done = exhausted;
    if (!done && buffer.size() <= limit) {
      MatchEvaluation.WalkedClause walked = table.walked(spec);
      done =
          table.scan(
              operation,
              spec,
              reverse,
              started,
              lastKey,
              (key, value) -> {
                Object result = table.evaluate(spec, walked, key, value, operation);
                if (result != MatchEvaluation.NO_MATCH) {
                  @SuppressWarnings("unchecked")
                  R typed = (R) result;
                  buffer.add(typed);
                  keys.add(key);
                }
                return buffer.size() <= limit;
              });
    }
    int size = Math.min(limit, buffer.size());
    List<R> chunk = List.copyOf(buffer.subList(0, size));
    if (size == 0) {
      return new ChunkedSelection<>(
          table, spec, limit, reverse, operation, chunk, List.of(), false, true, started, lastKey);
    }
    // Keep only the rest of the last returned key's results; later keys are read again.
    Object returnedLast = keys.get(size - 1);
    int end = size;
    while (end < buffer.size() && keys.get(end) == returnedLast) {
      end++;
    }
    List<R> rest = List.copyOf(buffer.subList(size, end));
    boolean reread = end < buffer.size(); // results of later keys were dropped, to be read again
    @SuppressWarnings("unchecked")
    K newLast = (K) returnedLast;
    return new ChunkedSelection<>(
        table,
        spec,
        limit,
        reverse,
        operation,
        chunk,
        rest,
        buffer.size() > size,
        done && !reread,
        true,
        newLast);
  }

  @Override
  public List<R> results() {
    return results;
  }

  @Override
  public boolean hasNext() {
    return more;
  }

  @Override
  public Page<R> next() {
    if (!more) {
      throw new NoSuchElementException(
          "table '" + table.name() + "': " + operation + ": no more chunks");
    }
    table.checkRead(operation);
    return compute(table, spec, limit, reverse, operation, pending, exhausted, started, lastKey);
  }
}
