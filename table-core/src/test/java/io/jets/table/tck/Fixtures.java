package io.jets.table.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.process.Owner;
import io.jets.table.BagTableBuilder;
import io.jets.table.SetTableBuilder;
import io.jets.table.Table;
import io.jets.table.TableBuilder;
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

/** Shared helpers of the table-core tests. */
public final class Fixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private Fixtures() {}

  /** The hash table types. */
  public static final List<TableType> HASH_TYPES = List.of(TableType.SET, TableType.BAG, TableType.DUPLICATE_BAG);

  /** A name no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  /** Every hash table type with every write-concurrency mode. */
  public static Stream<Arguments> typesAndModes() {
    List<Arguments> args = new ArrayList<>();
    for (TableType type : HASH_TYPES) {
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

  /** A builder for a hash table of {@code type}. */
  public static TableBuilder<?> builder(TableType type, String name) {
    return switch (type) {
      case SET -> Tables.set(name);
      case BAG -> Tables.bag(name);
      case DUPLICATE_BAG -> Tables.duplicateBag(name);
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  /** Builds what {@code builder} describes. */
  public static <K, V> Table<K, V> build(TableBuilder<?> builder) {
    if (builder instanceof SetTableBuilder set) {
      return set.build();
    }
    return ((BagTableBuilder) builder).build();
  }

  /** A new table of {@code type} in {@code mode}, owned by the current owner. */
  public static <K, V> Table<K, V> table(TableType type, WriteConcurrency mode) {
    return build(builder(type, unique(type.name().toLowerCase())).writeConcurrency(mode));
  }

  /** An object, allowing nulls (Map.entry does not). */
  public static <K, V> Map.Entry<K, V> object(K key, V value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /** Asserts that {@code ex} names {@code table} in its message and in {@link TableException#tableName()}. */
  public static void assertNamesTable(TableException ex, String table) {
    assertEquals(table, ex.tableName());
    assertTrue(ex.getMessage().contains("'" + table + "'"), () -> "message does not name the table: " + ex.getMessage());
  }

  /** Asserts that {@code action} throws {@code type}, naming {@code table}. */
  public static <T extends TableException> T assertFailsNaming(Class<T> type, String table, Executable action) {
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
