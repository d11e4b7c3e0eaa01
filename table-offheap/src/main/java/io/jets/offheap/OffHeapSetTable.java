package io.jets.offheap;

import io.jets.table.internal.SetStoreTable;
import io.jets.table.internal.TableOptions;

/**
 * An off-heap {@code set} table: table-core's set facade over an {@link OffHeapStore}. It adds only
 * what is off-heap: the store, for {@link OffHeapTables} and {@link TableFiles}, and closing the
 * map and its file when the table cannot be opened.
 */
final class OffHeapSetTable<K, V> extends SetStoreTable<K, V> {

  private final OffHeapStore offHeap;

  private OffHeapSetTable(TableOptions options, OffHeapStore store) {
    super(options, store);
    this.offHeap = store;
    store.namedBy(this::name);
  }

  /** Creates and registers the table over {@code store}; closes the store on failure. */
  static <K, V> OffHeapSetTable<K, V> create(
      TableOptions options, OffHeapStore store, boolean createdFile) {
    try {
      OffHeapSetTable<K, V> table = new OffHeapSetTable<>(options, store);
      table.open();
      return table;
    } catch (RuntimeException | Error e) {
      store.discard(createdFile, e);
      throw e;
    }
  }

  /** The store: codecs, sizing and file. */
  OffHeapStore offHeap() {
    return offHeap;
  }
}
