package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.SetTable;
import io.jets.table.SetTableBuilder;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableStats;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Off-heap builder validation, capacity errors, codecs and bad input. */
class OffHeapBuilderTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static void assertRejected(String name, Executable build, String messagePart) {
    Set<Table<?, ?>> before = new HashSet<>(Tables.all());
    BadArgumentException e = assertThrows(BadArgumentException.class, build);
    assertEquals(name, e.tableName());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertEquals(before, new HashSet<>(Tables.all()), "a rejected build registers nothing");
  }

  @Test
  void badSettingsAreRejectedNamingTheTable() {
    assertRejected("b", () -> OffHeapTables.set("b").entries(0).build(), "entries");
    assertRejected("b", () -> OffHeapTables.set("b").averageKeySize(-1).build(), "averageKeySize");
    assertRejected("b", () -> OffHeapTables.set("b").maxBloatFactor(0.5).build(), "maxBloatFactor");
    assertRejected(
        "b", () -> OffHeapTables.set("b").maxBloatFactor(2000).build(), "maxBloatFactor");
    assertRejected("b", () -> OffHeapTables.set("b").keyCodec(null).build(), "keyCodec");
    assertRejected(
        "b",
        () -> OffHeapTables.set("b").access(Access.PRIVATE).readConcurrency(true).build(),
        "readConcurrency");
    assertRejected(
        "b",
        () ->
            OffHeapTables.set("b")
                .access(Access.PRIVATE)
                .writeConcurrency(WriteConcurrency.ON)
                .build(),
        "writeConcurrency");
    assertRejected(
        "b",
        () -> OffHeapTables.set("b").decentralizedCounters(true).build(),
        "decentralizedCounters");
    assertRejected("", () -> OffHeapTables.set("").build(), "name");
    SetTable<String, String> first = OffHeapTables.set("dup").named().build();
    assertRejected("dup", () -> OffHeapTables.set("dup").named().build(), "in use");
    assertEquals(first, Tables.whereis("dup").orElseThrow());
  }

  /**
   * A codec that breaks its contract by encoding to null fails the write with a bad argument naming
   * the table, and changes nothing: null bytes were taken for a removal, so the insert deleted the
   * key it was to write.
   */
  @Test
  void aCodecThatEncodesToNullFailsTheWriteAndChangesNothing() {
    Codec<String> strings = Codec.string();
    Codec<String> nullOnEmpty =
        new Codec<>() {
          @Override
          public String name() {
            return "null-on-empty";
          }

          @Override
          public byte[] encode(String value) {
            return value.isEmpty() ? null : strings.encode(value);
          }

          @Override
          public String decode(byte[] bytes) {
            return strings.decode(bytes);
          }
        };
    SetTable<String, String> t =
        OffHeapTables.set("null-codec")
            .keyCodec(nullOnEmpty)
            .valueCodec(nullOnEmpty)
            .entries(100)
            .build();
    t.insert("k", "v");
    BadArgumentException e = assertThrows(BadArgumentException.class, () -> t.insert("k", ""));
    assertEquals("null-codec", e.tableName());
    assertTrue(e.getMessage().contains("null-on-empty"), e.getMessage());
    assertEquals("v", t.get("k"), "the key keeps its value");
    assertThrows(BadArgumentException.class, () -> t.insert("", "w"), "a key encoded to null");
    assertEquals(1, t.size());
  }

  /** An infinite average size is no positive size: Chronicle's own refusal named no table. */
  @Test
  void infiniteAverageSizesAreRejectedNamingTheTable() {
    assertRejected(
        "inf",
        () -> OffHeapTables.set("inf").averageKeySize(Double.POSITIVE_INFINITY).build(),
        "averageKeySize");
    assertRejected(
        "inf",
        () -> OffHeapTables.set("inf").averageValueSize(Double.POSITIVE_INFINITY).build(),
        "averageValueSize");
  }

  @Test
  void recordStatsCountsOperationsOffHeap() {
    SetTable<String, Long> t =
        OffHeapTables.set("stats")
            .keyCodec(Codec.string())
            .valueCodec(Codec.longs())
            .recordStats()
            .build();
    t.insert("a", 1L);
    t.insertAll(List.of(Map.entry("b", 2L), Map.entry("c", 3L)));
    assertEquals(1L, t.get("a"));
    assertEquals(List.of(), t.lookup("missing"));
    assertTrue(t.delete("b"));
    assertFalse(t.delete("b"));
    assertEquals(new TableStats(true, 1, 1, 3, 1), t.stats());
    SetTable<String, Long> quiet = OffHeapTables.set("quiet").build();
    quiet.insert("a", 1L);
    assertEquals(TableStats.NOT_RECORDING, quiet.stats());
  }

  /** One invalid combination of table options, set on the heap and on the off-heap builder. */
  private record Invalid(
      UnaryOperator<SetTableBuilder> heap,
      UnaryOperator<OffHeapSetTableBuilder<Object, Object>> offHeap) {}

  @Test
  void invalidTableOptionsGetTheSameMessageAsOnHeap() {
    List<Invalid> combinations =
        List.of(
            new Invalid(
                b -> b.access(Access.PRIVATE).readConcurrency(true),
                b -> b.access(Access.PRIVATE).readConcurrency(true)),
            new Invalid(
                b -> b.access(Access.PRIVATE).writeConcurrency(WriteConcurrency.AUTO),
                b -> b.access(Access.PRIVATE).writeConcurrency(WriteConcurrency.AUTO)),
            new Invalid(b -> b.decentralizedCounters(true), b -> b.decentralizedCounters(true)),
            new Invalid(b -> b.writeConcurrency(null), b -> b.writeConcurrency(null)),
            new Invalid(b -> b.access(null), b -> b.access(null)));
    for (Invalid combination : combinations) {
      BadArgumentException onHeap =
          assertThrows(
              BadArgumentException.class,
              () -> combination.heap().apply(Tables.set("same")).build());
      BadArgumentException offHeap =
          assertThrows(
              BadArgumentException.class,
              () -> combination.offHeap().apply(OffHeapTables.set("same")).build());
      assertEquals(onHeap.getMessage(), offHeap.getMessage());
      assertEquals("same", offHeap.tableName());
    }
  }

  @Test
  void fullTableFailsWithAnActionableErrorAndChangesNothing() {
    SetTable<Integer, Integer> t =
        OffHeapTables.set("tiny")
            .keyCodec(Codec.integers())
            .valueCodec(Codec.integers())
            .entries(100)
            .maxBloatFactor(1)
            .build();
    OffHeapCapacityException full = null;
    int inserted = 0;
    for (int i = 0; i < 1_000_000 && full == null; i++) {
      try {
        t.insert(i, i);
        inserted++;
      } catch (OffHeapCapacityException e) {
        full = e;
      }
    }
    assertTrue(full != null, "the table never filled");
    assertEquals("tiny", full.tableName());
    assertTrue(
        full.getMessage().contains("entries(") && full.getMessage().contains("maxBloatFactor"),
        full.getMessage());
    assertEquals(inserted, t.size(), "the failed insert added nothing");
    assertFalse(t.member(inserted));
    // A batch that does not fit is undone entirely.
    List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
    batch.add(Map.entry(0, -1)); // replaces an existing object first
    for (int i = 0; i < 10_000; i++) {
      batch.add(Map.entry(1_000_000 + i, i));
    }
    assertThrows(OffHeapCapacityException.class, () -> t.insertAll(batch));
    assertEquals(inserted, t.size());
    assertEquals(0, t.get(0), "the replaced object is restored");
    assertFalse(t.member(1_000_000));
    t.delete(1);
    t.insert(1, 1); // room again after a delete
  }

  /**
   * A batch that does not fit is undone, and no reader saw it: not a lookup, and not a traversal
   * step, a fold or a select either, since each step is atomic and the batch never took effect.
   */
  @Test
  void noTraversalSeesABatchThatIsUndone() throws InterruptedException {
    SetTable<Integer, Integer> t =
        OffHeapTables.set("undone")
            .keyCodec(Codec.integers())
            .valueCodec(Codec.integers())
            .access(Access.PUBLIC)
            .entries(100)
            .maxBloatFactor(1)
            .build();
    int inserted = 0;
    try {
      for (; inserted < 1_000_000; inserted++) {
        t.insert(inserted, inserted);
      }
    } catch (OffHeapCapacityException full) {
      // room made below, for the batches to write a part of themselves before they fail
    }
    for (int i = 0; i < inserted / 2; i++) {
      t.delete(i);
    }
    List<Map.Entry<Integer, Integer>> batch = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      batch.add(Map.entry(1_000_000 + i, i));
    }
    long before = t.size();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              while (!done.get() && seen.isEmpty()) {
                for (Map.Entry<Integer, Integer> e : t.toList()) {
                  if (e.getKey() >= 1_000_000) {
                    seen.add("toList " + e);
                  }
                }
                for (Integer k = t.first(); k != null && seen.isEmpty(); k = t.next(k)) {
                  if (k >= 1_000_000) {
                    seen.add("first/next " + k);
                  }
                }
              }
            });
    reader.start();
    try {
      for (int round = 0; round < 300 && seen.isEmpty(); round++) {
        assertThrows(OffHeapCapacityException.class, () -> t.insertAll(batch));
      }
    } finally {
      done.set(true);
      reader.join();
    }
    assertEquals(List.of(), seen, "objects of a batch that was undone");
    assertEquals(before, t.size());
  }

  /**
   * What README and the builder promise: room for at least entries * maxBloatFactor objects of the
   * configured sizes; Chronicle may fit more, so the message does not call that figure a maximum.
   */
  @Test
  void aTableHoldsAtLeastEntriesTimesMaxBloatFactorObjects() {
    long[][] layouts = {{100, 1}, {100, 4}, {10_000, 1}};
    for (long[] layout : layouts) {
      SetTable<Long, Long> t =
          OffHeapTables.set("room-" + layout[0] + "x" + layout[1])
              .keyCodec(Codec.longs())
              .valueCodec(Codec.longs())
              .averageKeySize(8)
              .averageValueSize(8)
              .entries(layout[0])
              .maxBloatFactor(layout[1])
              .build();
      long inserted = 0;
      OffHeapCapacityException full = null;
      while (full == null && inserted < 100 * layout[0] * layout[1]) {
        try {
          t.insert(inserted * 0x9E3779B97F4A7C15L, inserted);
          inserted++;
        } catch (OffHeapCapacityException e) {
          full = e;
        }
      }
      assertTrue(inserted >= layout[0] * layout[1], t.name() + " full after " + inserted);
      assertTrue(full != null, t.name() + " never filled");
      assertTrue(full.getMessage().contains("holding " + inserted), full.getMessage());
      assertFalse(full.getMessage().contains("at most"), full.getMessage());
    }
  }

  @Test
  void readyCodecsRoundTrip() {
    assertEquals("héllo", Codec.string().decode(Codec.string().encode("héllo")));
    assertEquals(Long.MIN_VALUE, Codec.longs().decode(Codec.longs().encode(Long.MIN_VALUE)));
    assertEquals(-7, Codec.integers().decode(Codec.integers().encode(-7)));
    byte[] b = {1, 2, 3};
    assertArrayEquals(b, Codec.bytes().decode(Codec.bytes().encode(b)));
    Codec<Object> any = Codec.serializable();
    for (Object o : List.of("s", 5, 5L, 1.5, List.of(1, 2), Map.entry("k", 1).getKey())) {
      assertEquals(o, any.decode(any.encode(o)));
      assertEquals(o.getClass(), any.decode(any.encode(o)).getClass(), "the type is kept");
    }
    assertThrows(IllegalArgumentException.class, () -> any.encode(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Codec.longs().decode(new byte[3]));
  }

  @Test
  void byteArrayKeysCompareByContent() {
    SetTable<byte[], String> t =
        OffHeapTables.set("bytes").keyCodec(Codec.bytes()).valueCodec(Codec.string()).build();
    t.insert(new byte[] {1, 2}, "a");
    assertEquals("a", t.get(new byte[] {1, 2}));
    assertTrue(t.insertNew(new byte[] {1, 3}, "b"));
    assertFalse(t.insertNew(new byte[] {1, 2}, "c"));
    assertEquals(2, t.size());
  }

  @Test
  void unencodableObjectsAreRejectedNamingTheTableAndChangeNothing() {
    SetTable<String, Object> t = OffHeapTables.set("enc").keyCodec(Codec.string()).build();
    t.insert("a", "ok");
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> t.insert("b", new Object()));
    assertEquals("enc", e.tableName());
    assertTrue(e.getMessage().contains("value"), e.getMessage());
    assertThrows(
        BadArgumentException.class,
        () -> t.insertAll(List.of(Map.entry("c", "fine"), Map.entry("d", new Object()))));
    assertThrows(BadArgumentException.class, () -> t.update("a", v -> new Object()));
    assertEquals(List.of(Map.entry("a", "ok")), t.toList());
  }

  /** The store encoded the key before the facade saw the deletion: BadArgumentException. */
  @Test
  void aKeyTheCodecRejectsOnADeletedTableReportsTheDeletionAsOnHeap() {
    SetTable<Object, Object> offHeap = OffHeapTables.set("gone").build();
    SetTable<Object, Object> heap = Tables.set("gone-heap").build();
    Object key = new Object(); // not Serializable
    Map<String, Consumer<SetTable<Object, Object>>> operations =
        Map.of(
            "get",
            t -> t.get(key),
            "member",
            t -> t.member(key),
            "lookup",
            t -> t.lookup(key),
            "next",
            t -> t.next(key),
            "delete",
            t -> t.delete(key),
            "insert",
            t -> t.insert(key, "v"),
            "update",
            t -> t.update(key, v -> v),
            "selectExact",
            t -> t.select(MatchSpec.where(KeyPattern.exact(key)).returnObject()));
    for (SetTable<Object, Object> t : List.of(heap, offHeap)) {
      t.delete();
      for (Map.Entry<String, Consumer<SetTable<Object, Object>>> operation :
          operations.entrySet()) {
        TableDeletedException e =
            assertThrows(
                TableDeletedException.class,
                () -> operation.getValue().accept(t),
                t.name() + " " + operation.getKey());
        assertEquals(t.name(), e.tableName());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void anImpossibleCapacityIsReportedNamingTheTableAndTheSetting() {
    OffHeapCapacityException e =
        assertThrows(
            OffHeapCapacityException.class,
            () ->
                OffHeapTables.set("far-too-big")
                    .keyCodec(Codec.string())
                    .valueCodec(Codec.longs())
                    .entries(1L << 40)
                    .build());
    assertTrue(e.getMessage().contains("far-too-big"), e.getMessage());
    assertTrue(e.getMessage().contains("entries(" + (1L << 40) + ")"), e.getMessage());
    assertTrue(
        Tables.all().stream().noneMatch(t -> t.name().equals("far-too-big")), "no table was made");
  }
}
