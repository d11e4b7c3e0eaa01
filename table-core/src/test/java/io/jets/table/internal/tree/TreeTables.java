package io.jets.table.internal.tree;

import io.jets.table.OrderedTable;
import java.lang.reflect.Field;

/** Reaches the engine behind an ordered table, for tests that drive its adaptation by hand. */
public final class TreeTables {

  private TreeTables() {}

  /** The store under {@code table}, an ordered table built by {@code Tables.orderedSet}. */
  static TreeStore storeOf(OrderedTable<?, ?> table) {
    return (TreeStore) field(table, table.getClass(), "tree");
  }

  /** The CA tree under {@code table}. */
  static ContentionAdaptingTree treeOf(OrderedTable<?, ?> table) {
    return (ContentionAdaptingTree) field(storeOf(table), TreeStore.class, "tree");
  }

  /** Splits the base of {@code table} that holds {@code key}, as a contended writer would. */
  public static boolean forceSplit(OrderedTable<?, ?> table, Object key) {
    return ContentionAdaptingTreeTest.forceSplit(treeOf(table), key);
  }

  private static Object field(Object target, Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no field " + name + " in " + type, e);
    }
  }
}
