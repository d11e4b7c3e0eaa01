package io.jets.table;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One chunk of a select with a limit, and the continuation to the next chunk (ETS's {@code
 * {Results, Continuation}}). Every chunk but the last holds exactly the limit; the last may hold
 * fewer, or none when the results ran out exactly at a chunk's end.
 *
 * <p>Each chunk is a separate weakly consistent traversal step: a continuation resumes after the
 * last key it returned, so an object present for the whole walk is returned exactly once and none
 * twice, whatever changes meanwhile. A continuation refers to its table itself, not to its name: it
 * survives a rename and never reaches another table that later takes the same name. A page is
 * immutable; calling {@link #next()} twice on one page gives equal chunks only if the table did not
 * change meanwhile.
 *
 * @param <R> result type
 */
public interface Page<R> {

  /**
   * This chunk's results, in traversal order; immutable.
   *
   * @return this chunk's results; at most the limit, and empty only in the last chunk
   */
  List<R> results();

  /**
   * False if this is the last chunk. True if more results existed when this chunk was taken: the
   * next chunk reads them afresh (it never returns an object deleted before it was requested), so
   * if they are all deleted meanwhile it is empty, and the last.
   *
   * @return whether there is a next chunk to take with {@link #next()}
   */
  boolean hasNext();

  /**
   * The next chunk. Never blocks on writers (a traversal step may retry while a multi-object write
   * runs).
   *
   * @return the next chunk, with its own continuation
   * @throws NoSuchElementException if this is the last chunk
   * @throws TableDeletedException if the table has been deleted, even if another table now has its
   *     name
   * @throws AccessDeniedException if the calling owner may no longer read the table
   */
  Page<R> next();
}
