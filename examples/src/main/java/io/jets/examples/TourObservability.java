package io.jets.examples;

import io.jets.process.ProcInfo;
import io.jets.process.Procs;
import io.jets.process.TopBy;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.TableStats;
import io.jets.table.Tables;
import java.util.List;

/** The README's tour of observability: stats, the table listing and the process top list. */
public final class TourObservability {

  private TourObservability() {}

  /** Runs the tour; returns the stats it read. */
  public static TableStats run() {
    // spotless:off
    // tag::observability[]
    SetTable<String, String> sessions = Tables.set("sessions").access(Access.PUBLIC)
        .recordStats() // off by default; when on, striped counters per operation
        .build();
    sessions.insert("s1", "alice");
    sessions.get("s1");
    sessions.get("s2");
    TableStats stats = sessions.stats(); // lookupHits 1, lookupMisses 1, inserts 1, deletes 0

    String listing = Tables.i(); // ets:i(): name, type, size, memory, owner, access, modes
    List<ProcInfo> busiest = Procs.top(5, TopBy.PROCESSED); // recon's proc_count
    List<ProcInfo> behind = Procs.top(5, TopBy.MAILBOX_LENGTH);
    // end::observability[]
    // spotless:on
    sessions.delete();
    if (stats.lookupHits() != 1
        || stats.lookupMisses() != 1
        || !listing.contains("sessions")
        || busiest.size() > 5
        || behind.size() > 5) {
      throw new IllegalStateException("the observability tour went wrong");
    }
    return stats;
  }
}
