package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.process.Owner;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers of the ported table-core tests, over both {@link Kind}s of SET table. */
final class Fixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private Fixtures() {}

  /** The hash table types an off-heap table can have. */
  static final List<TableType> HASH_TYPES = List.of(TableType.SET);

  /** A name no other test uses. */
  static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  /** Every hash table type with every write-concurrency mode. */
  static Stream<Arguments> typesAndModes() {
    List<Arguments> args = new ArrayList<>();
    for (TableType type : HASH_TYPES) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        args.add(Arguments.of(type, mode));
      }
    }
    return args.stream();
  }

  /** A builder for a table of {@code type} (SET) and {@code kind}. */
  static Kind.Builder builder(Kind kind, TableType type, String name) {
    if (type != TableType.SET) {
      throw new IllegalArgumentException(type.toString());
    }
    return kind.set(name);
  }

  /** Builds what {@code builder} describes. */
  static <K, V> Table<K, V> build(Kind.Builder builder) {
    return builder.build();
  }

  /** A new table of {@code type} in {@code mode}, owned by the current owner. */
  static <K, V> Table<K, V> table(Kind kind, TableType type, WriteConcurrency mode) {
    return build(builder(kind, type, unique(type.name().toLowerCase())).writeConcurrency(mode));
  }

  /** An object, allowing nulls (Map.entry does not). */
  static <K, V> Map.Entry<K, V> object(K key, V value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /** Asserts that {@code ex} names {@code table} in its message and in {@link TableException#tableName()}. */
  static void assertNamesTable(TableException ex, String table) {
    assertEquals(table, ex.tableName());
    assertTrue(ex.getMessage().contains("'" + table + "'"), () -> "message does not name the table: " + ex.getMessage());
  }

  /** Asserts that {@code action} throws {@code type}, naming {@code table}. */
  static <T extends TableException> T assertFailsNaming(Class<T> type, String table, Executable action) {
    T ex = assertThrows(type, action);
    assertNamesTable(ex, table);
    return ex;
  }

  /** Deletes every live table, acting as its owner; called after each test. */
  static void deleteAllTables() {
    for (Table<?, ?> table : Tables.all()) {
      try (Owner.Binding bound = table.owner().bind()) {
        table.delete();
      } catch (TableDeletedException alreadyGone) {
        // deleted concurrently by its owner's exit: fine
      }
    }
  }
}
