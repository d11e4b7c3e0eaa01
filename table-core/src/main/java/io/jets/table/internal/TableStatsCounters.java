package io.jets.table.internal;

import io.jets.table.TableStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * The striped counters behind {@link TableStats}: any thread may increment, progress is
 * wait-free-ish ({@link LongAdder} retries a CAS on a cell chosen per thread, adding cells under
 * contention), so readers that count never contend on one cache line.
 */
final class TableStatsCounters {

  private final LongAdder lookupHits = new LongAdder();
  private final LongAdder lookupMisses = new LongAdder();
  private final LongAdder inserts = new LongAdder();
  private final LongAdder deletes = new LongAdder();

  void lookup(boolean hit) {
    (hit ? lookupHits : lookupMisses).increment();
  }

  void inserted(long objects) {
    inserts.add(objects);
  }

  void deleted() {
    deletes.increment();
  }

  TableStats snapshot() {
    return new TableStats(true, lookupHits.sum(), lookupMisses.sum(), inserts.sum(), deletes.sum());
  }
}
