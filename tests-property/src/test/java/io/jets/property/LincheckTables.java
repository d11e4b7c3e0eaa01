package io.jets.property;

import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Helpers shared by the Lincheck subjects. */
final class LincheckTables {

  private static final ConcurrentLinkedQueue<Table<?, ?>> MADE = new ConcurrentLinkedQueue<>();

  private LincheckTables() {}

  /**
   * Remembers a table a subject made, for {@link #deleteAllMade}. Lincheck makes a subject per
   * invocation and has no per-invocation tear-down, and a live table stays registered until
   * deleted. Deleting the previous invocation's table from the next constructor is not safe: in
   * model-checking mode Lincheck may abandon a thread that holds a writer lock (it stops exploring
   * an interleaving by unwinding the thread), and delete takes every writer lock.
   */
  static <T extends Table<?, ?>> T track(T table) {
    MADE.add(table);
    return table;
  }

  /**
   * Deletes every table the subjects made, on a daemon thread: a table whose lock an abandoned
   * Lincheck thread still holds keeps that thread waiting, not the test.
   */
  static void deleteAllMade() {
    List<Table<?, ?>> tables = new ArrayList<>();
    for (Table<?, ?> table; (table = MADE.poll()) != null; ) {
      tables.add(table);
    }
    Thread.ofPlatform()
        .daemon()
        .name("lincheck-table-reaper")
        .start(
            () -> {
              for (Table<?, ?> table : tables) {
                try {
                  table.delete();
                } catch (TableDeletedException alreadyGone) {
                  // nothing to do
                }
              }
            });
  }

  /** {@code objects} as plain {@link Map#entry} pairs, compared by key and value. */
  static List<Map.Entry<Integer, Integer>> entries(List<Map.Entry<Integer, Integer>> objects) {
    List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(objects.size());
    for (Map.Entry<Integer, Integer> object : objects) {
      entries.add(Map.entry(object.getKey(), object.getValue()));
    }
    return entries;
  }

  /**
   * The batch of a multi-object Lincheck operation: (key, value) and (key mod 3 + 1, value mod 3 +
   * 1).
   */
  static List<Map.Entry<Integer, Integer>> pair(int key, int value) {
    return List.of(Map.entry(key, value), Map.entry(key % 3 + 1, value % 3 + 1));
  }
}
