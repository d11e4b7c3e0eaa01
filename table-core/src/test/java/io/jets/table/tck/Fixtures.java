package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers of the table-core tests and of the shared behaviour tests. */
public final class Fixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private Fixtures() {}

  /** The hash table types. */
  public static final List<TableType> HASH_TYPES =
      List.of(TableType.SET, TableType.BAG, TableType.DUPLICATE_BAG);

  /** A name no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  /** Every hash table type with every write-concurrency mode. */
  public static Stream<Arguments> typesAndModes() {
    return typesAndModes(HASH_TYPES);
  }

  /** Each of {@code types} with every write-concurrency mode. */
  public static Stream<Arguments> typesAndModes(Collection<TableType> types) {
    List<Arguments> args = new ArrayList<>();
    for (TableType type : types) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        args.add(Arguments.of(type, mode));
      }
    }
    return args.stream();
  }

  /** Both bag types with every write-concurrency mode. */
  public static Stream<Arguments> bagTypesAndModes() {
    return typesAndModes().filter(a -> a.get()[0] != TableType.SET);
  }

  /** An object, allowing nulls (Map.entry does not). */
  public static <K, V> Map.Entry<K, V> object(K key, V value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /**
   * Asserts that {@code ex} names {@code table} in its message and in {@link
   * TableException#tableName()}.
   */
  public static void assertNamesTable(TableException ex, String table) {
    assertEquals(table, ex.tableName());
    assertTrue(
        ex.getMessage().contains("'" + table + "'"),
        () -> "message does not name the table: " + ex.getMessage());
  }

  /** Asserts that {@code action} throws {@code type}, naming {@code table}. */
  public static <T extends TableException> T assertFailsNaming(
      Class<T> type, String table, Executable action) {
    T ex = assertThrows(type, action);
    assertNamesTable(ex, table);
    return ex;
  }

  /** Deletes every live table, acting as its owner; called after each test. */
  public static void deleteAllTables() {
    for (Table<?, ?> table : Tables.all()) {
      try (Owner.Binding bound = table.owner().bind()) {
        table.delete();
      } catch (TableDeletedException alreadyGone) {
        // deleted concurrently by its owner's exit: fine
      }
    }
  }
}
