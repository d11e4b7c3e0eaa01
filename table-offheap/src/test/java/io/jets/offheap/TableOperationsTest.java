package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.AbstractTableOperationsTest;
import io.jets.table.tck.TablesUnderTest;
import io.jets.table.tck.TypesAndModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * table-core's shared table-operation tests on the off-heap SET table, and what only off-heap
 * tables do: they hold a copy of each value, not the value itself.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class TableOperationsTest extends AbstractTableOperationsTest {

  /** OFF has one lock; off-heap AUTO works as ON, with 64 from the start. */
  @Override
  protected int expectedLockStripes(WriteConcurrency mode) {
    return mode == WriteConcurrency.OFF ? 1 : 64;
  }

  @ParameterizedTest
  @TypesAndModes
  void valuesAreCopiedOnInsertAndOnEveryRead(TableType type, WriteConcurrency mode) {
    Table<String, Object> t = tables.table(type, mode);
    ArrayList<String> v = new ArrayList<>(List.of("x"));
    t.insert("a", v);
    // ETS semantics: the table holds a copy, and every read returns a new copy
    v.add("changed after insert");
    assertEquals(List.of("x"), t.lookup("a").get(0));
    assertNotSame(t.lookup("a").get(0), t.lookup("a").get(0));
  }

  /**
   * deleteObject and selectReplace compare the stored value with a value read back earlier, a copy:
   * compared with equals, a byte[] (whose equals is identity) never matched, although the heap
   * table, which hands out the stored array, matches it.
   */
  @Test
  void deleteObjectAndSelectReplaceMatchACopyOfTheStoredValue() {
    SetTable<Integer, byte[]> offHeap =
        OffHeapTables.set("copies").keyCodec(Codec.integers()).valueCodec(Codec.bytes()).build();
    SetTable<Integer, byte[]> heap = Tables.set("stored").build();
    MatchSpec<Integer, byte[], Map.Entry<Integer, byte[]>> replace =
        MatchSpec.<Integer, byte[]>where(KeyPattern.exact(1))
            .replaceValue((k, v) -> new byte[] {9});
    for (SetTable<Integer, byte[]> t : List.of(heap, offHeap)) {
      t.insert(1, new byte[] {1});
      t.insert(2, new byte[] {2});
      assertEquals(1, t.selectReplace(replace), t.name());
      assertArrayEquals(new byte[] {9}, t.get(1), t.name());
      assertEquals(true, t.deleteObject(2, t.get(2)), t.name());
      assertFalse(t.member(2), t.name());
      assertFalse(t.deleteObject(1, new byte[] {8}), t.name());
      assertArrayEquals(new byte[] {9}, t.get(1), t.name());
    }
  }

  /**
   * selectReplace computes and checks every result before any object changes, so a result the value
   * codec cannot encode (a string with an unpaired surrogate) is refused with BadArgumentException
   * naming the table, and no object is replaced, not even those whose results could be encoded and
   * come before it in traversal order.
   */
  @Test
  void aSelectReplaceResultTheCodecCannotEncodeReplacesNothing() {
    SetTable<Integer, String> t =
        OffHeapTables.set("unencodable-replacement")
            .keyCodec(Codec.integers())
            .valueCodec(Codec.string())
            .build();
    for (int i = 0; i < 100; i++) {
      t.insert(i, "v" + i);
    }
    Integer last = t.first();
    for (Integer k = last; k != null; k = t.next(k)) {
      last = k;
    }
    Integer bad = last; // the last key the replacement meets
    MatchSpec<Integer, String, Map.Entry<Integer, String>> replace =
        MatchSpec.<Integer, String>where(KeyPattern.any())
            .replaceValue((k, v) -> k.equals(bad) ? "\uD800" : "new");
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> t.selectReplace(replace));
    assertEquals("unencodable-replacement", e.tableName());
    assertTrue(e.getMessage().contains("value"), e.getMessage());
    for (int i = 0; i < 100; i++) {
      assertEquals("v" + i, t.get(i), "key " + i + " was replaced");
    }
  }
}
