package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression: one insertAll of many objects into a small hash table used to double the bucket array
 * only once, leaving chains of hundreds of nodes (found by the demo: reads of a 10,000-object table
 * filled by insertAll took about a microsecond). The table must end as large as after the same
 * objects inserted one at a time.
 */
class BatchInsertResizeTest {

  private static final int OBJECTS = 10_000;

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static SetTable<Integer, Long> table(WriteConcurrency mode, boolean readConcurrency) {
    return Tables.set(Fixtures.unique("batch-resize"))
        .writeConcurrency(mode)
        .readConcurrency(readConcurrency)
        .build();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void insertAllGrowsTheTableAsFarAsSingleInserts(WriteConcurrency mode) {
    for (boolean readConcurrency : new boolean[] {false, true}) {
      SetTable<Integer, Long> batched = table(mode, readConcurrency);
      SetTable<Integer, Long> oneByOne = table(mode, readConcurrency);
      List<Map.Entry<Integer, Long>> objects = new ArrayList<>();
      for (int i = 0; i < OBJECTS; i++) {
        objects.add(Map.entry(i, (long) i));
        oneByOne.insert(i, (long) i);
      }
      batched.insertAll(objects);
      assertEquals(OBJECTS, batched.size());
      assertEquals(
          oneByOne.info().memoryBytes(),
          batched.info().memoryBytes(),
          "bucket array after insertAll, " + mode + ", readConcurrency " + readConcurrency);
    }
  }
}
