package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update function that deletes its table: the deletion is the table's lifecycle, which an
 * update's function may run, so the update ends as on a heap table (it returns, its write lost with
 * the table). Before, the off-heap store wrote to the closed map, and Chronicle's raw
 * ChronicleHashClosedException escaped from the capacity error it tried to build.
 */
class DeleteInsideUpdateTest {

  @TempDir Path dir;

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  @Test
  void anUpdateWhoseFunctionDeletesTheTableEndsAsOnAHeapTable() {
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      SetTable<String, Long> heap = Tables.<String, Long>set("heap-" + mode).build();
      SetTable<String, Long> inMemory =
          OffHeapTables.set("memory-" + mode)
              .keyCodec(Codec.string())
              .valueCodec(Codec.longs())
              .writeConcurrency(mode)
              .build();
      SetTable<String, Long> inFile =
          OffHeapTables.set("file-" + mode)
              .keyCodec(Codec.string())
              .valueCodec(Codec.longs())
              .writeConcurrency(mode)
              .persistedTo(dir.resolve(mode + ".cmap"))
              .build();
      for (SetTable<String, Long> t : List.of(heap, inMemory, inFile)) {
        t.insert("a", 1L);
        long updated =
            t.update(
                "a",
                v -> {
                  t.delete();
                  return v + 1;
                },
                0L);
        assertEquals(2L, updated, t.name());
        assertTrue(t.isDeleted(), t.name());
        TableDeletedException e = assertThrows(TableDeletedException.class, () -> t.get("a"));
        assertEquals(t.name(), e.tableName());
      }
      SetTable<String, Long> reopened =
          OffHeapTables.set("reopened-" + mode)
              .keyCodec(Codec.string())
              .valueCodec(Codec.longs())
              .persistedTo(dir.resolve(mode + ".cmap"))
              .build();
      assertEquals(1L, reopened.get("a"), "the file keeps what it held at the deletion");
    }
  }
}
