package io.jets.examples;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Page;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.List;

/** The README's tour of {@code ordered_set} tables and match specifications. */
public final class TourOrderedTable {

  /** One log event. */
  record Event(String kind, boolean isError) {}

  private TourOrderedTable() {}

  /** Runs the tour; returns the errors it selected. */
  public static List<Event> run() {
    // spotless:off
    // tag::ordered[]
    OrderedTable<Long, Event> events = Tables.orderedSet("events") // natural order, or .comparator(c)
        .access(Access.PUBLIC)
        .writeConcurrency(WriteConcurrency.AUTO) // a contention-adapting tree
        .build();
    events.insert(900L, new Event("boot", false));
    events.insert(1_700L, new Event("login", false));
    events.insert(1_800L, new Event("disk full", true));
    events.insert(1_900L, new Event("logout", false));

    Long after = events.next(1_750L); // 1800: the neighbour of an absent key
    MatchSpec<Long, Event, Event> recentErrors =
        MatchSpec.<Long, Event>where(KeyPattern.range(1_000L, 2_000L)) // visits only that key range
            .guard((time, event) -> event.isError())
            .returnValue();
    List<Event> errors = events.select(recentErrors); // [disk full]
    Page<Event> newestFirst = events.selectReverse(
        MatchSpec.<Long, Event>anyKey().returnValue(), 2); // 2 at a time, with a continuation
    long purged = events.selectDelete( // atomic per object
        MatchSpec.<Long, Event>where(KeyPattern.range(0L, 1_000L)).returnTrue());
    // end::ordered[]
    // spotless:on
    boolean ok =
        after == 1_800L
            && errors.size() == 1
            && newestFirst.results().size() == 2
            && newestFirst.hasNext()
            && purged == 1
            && events.size() == 3;
    events.delete();
    if (!ok) {
      throw new IllegalStateException("the ordered tour went wrong");
    }
    return errors;
  }
}
