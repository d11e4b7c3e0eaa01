package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * selectReplace on the SET and ORDERED_SET tables under test replaces each object atomically:
 * concurrent compare-and-set increments lose none.
 */
public abstract class AbstractSelectReplaceConcurrencyTest extends SharedTableTest {

  @ParameterizedTest
  @TypesAndModes({TableType.SET, TableType.ORDERED_SET})
  void concurrentIncrementsBySelectReplaceLoseNoUpdate(TableType type, WriteConcurrency mode)
      throws Exception {
    Table<Integer, Long> table =
        tables
            .builder(type, Fixtures.unique("cas-" + type + "-" + mode))
            .access(Access.PUBLIC)
            .writeConcurrency(mode)
            .build();
    table.insert(1, 0L);
    table.insert(2, 0L);
    var increment =
        MatchSpec.<Integer, Long>where(KeyPattern.exact(1)).replaceValue((k, v) -> v + 1);
    int threads = 2;
    int increments = 3_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    long[] attempts = new long[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < increments; i++) {
                      do {
                        attempts[id]++;
                      } while (table.selectReplace(increment)
                          != 1); // 0: another thread won this round
                      table.insert(2, (long) i); // unrelated writes to the same table
                    }
                  }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals(List.of((long) threads * increments), table.lookup(1));
    table.delete();
  }
}
