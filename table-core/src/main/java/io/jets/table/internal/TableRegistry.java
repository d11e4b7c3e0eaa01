package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live table, and the names of named ones. A name maps to the table object itself, so a
 * handle to a deleted table can never reach a newer table that took its name.
 */
public final class TableRegistry {

  private static final ConcurrentHashMap<String, Table<?, ?>> NAMED = new ConcurrentHashMap<>();
  private static final Set<Table<?, ?>> LIVE = ConcurrentHashMap.newKeySet();
  // Standalone tables (caches built with no owner): held weakly, so that they are collected once
  // their users drop them, as a Caffeine cache is. Tables compare by identity.
  private static final Map<Table<?, ?>, Boolean> STANDALONE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private TableRegistry() {}

  /** Registers a new table; for a named table, claims its name or fails. */
  static void register(Table<?, ?> table, String name, boolean named, boolean standalone) {
    if (named && NAMED.putIfAbsent(name, table) != null) {
      throw new BadArgumentException(name, "name already in use by a named table");
    }
    if (standalone) {
      STANDALONE.put(table, Boolean.TRUE);
    } else {
      LIVE.add(table);
    }
  }

  /** A standalone table that an owner now owns: held strongly from now on. */
  static void adopt(Table<?, ?> table) {
    LIVE.add(table);
    STANDALONE.remove(table);
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
    STANDALONE.remove(table);
  }

  public static Optional<Table<?, ?>> whereis(String name) {
    return Optional.ofNullable(NAMED.get(name));
  }

  public static List<Table<?, ?>> all() {
    List<Table<?, ?>> all = new ArrayList<>(LIVE);
    synchronized (STANDALONE) {
      all.addAll(STANDALONE.keySet());
    }
    return List.copyOf(all);
  }
}
