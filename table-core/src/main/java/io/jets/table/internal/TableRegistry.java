package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live table, and the names of named ones. A name maps to the table object itself, so a
 * handle to a deleted table can never reach a newer table that took its name.
 */
public final class TableRegistry {

  private static final ConcurrentHashMap<String, Table<?, ?>> NAMED = new ConcurrentHashMap<>();
  private static final Set<Table<?, ?>> LIVE = ConcurrentHashMap.newKeySet();

  private TableRegistry() {}

  /** Registers a new table; for a named table, claims its name or fails. */
  static void register(Table<?, ?> table, String name, boolean named) {
    if (named && NAMED.putIfAbsent(name, table) != null) {
      throw new BadArgumentException(name, "name already in use by a named table");
    }
    LIVE.add(table);
  }

  /** Moves a named table from {@code oldName} to {@code newName}, or fails leaving it as it was. */
  static void rename(Table<?, ?> table, String oldName, String newName) {
    if (oldName.equals(newName)) {
      return;
    }
    if (NAMED.putIfAbsent(newName, table) != null) {
      throw new BadArgumentException(
          oldName, "rename: name '" + newName + "' already in use by a named table");
    }
    NAMED.remove(oldName, table);
  }

  /** Forgets a deleted table and frees its name. */
  static void unregister(Table<?, ?> table, String name, boolean named) {
    if (named) {
      NAMED.remove(name, table);
    }
    LIVE.remove(table);
  }

  public static Optional<Table<?, ?>> whereis(String name) {
    return Optional.ofNullable(NAMED.get(name));
  }

  public static List<Table<?, ?>> all() {
    return List.copyOf(LIVE);
  }
}
