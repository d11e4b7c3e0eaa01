package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.SetTable;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A multi-object write or a clear from inside an update's function is refused, as on a heap table:
 * it would take the batch lock while the thread holds a stripe, and another batch may hold that
 * lock while it waits for the stripe, so both would wait for good.
 */
class BatchInsideUpdateTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  @Test
  void aBatchOrAClearFromAnUpdatesFunctionIsRefusedAndChangesNothing() {
    Map<String, Consumer<SetTable<String, Long>>> nested =
        Map.of(
            "insertAll", t -> t.insertAll(List.of(Map.entry("elsewhere", 9L))),
            "insertNewAll", t -> t.insertNewAll(List.of(Map.entry("elsewhere", 9L))),
            "deleteAllObjects", SetTable::deleteAllObjects);
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      for (Map.Entry<String, Consumer<SetTable<String, Long>>> write : nested.entrySet()) {
        SetTable<String, Long> t =
            OffHeapTables.set("batch-in-update-" + mode + "-" + write.getKey())
                .keyCodec(Codec.string())
                .valueCodec(Codec.longs())
                .writeConcurrency(mode)
                .build();
        t.insert("k", 1L);
        IllegalStateException e =
            assertThrows(
                IllegalStateException.class,
                () ->
                    t.update(
                        "k",
                        v -> {
                          write.getValue().accept(t);
                          return v + 1;
                        }),
                write.getKey() + " " + mode);
        assertTrue(e.getMessage().contains(t.name()), e.getMessage());
        assertFalse(t.member("elsewhere"));
        assertEquals(1L, t.get("k"));
        assertEquals(1, t.size());
        t.insertAll(List.of(Map.entry("elsewhere", 2L))); // every lock was released
        assertEquals(2L, t.get("elsewhere"));
      }
    }
  }
}
