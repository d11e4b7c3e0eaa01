package io.jets.table.internal;

import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.internal.tree.RangeCursor;
import io.jets.table.internal.tree.TreeStore;
import io.jets.table.spi.KeyOrderException;
import java.util.Comparator;
import java.util.concurrent.ConcurrentNavigableMap;

/** An {@code ordered_set} table over the ordered engine, {@link TreeStore}. */
public final class OrderedStoreTable<K, V> extends SetStoreTable<K, V>
    implements OrderedTable<K, V> {

  private final Comparator<? super K> comparator;
  private final TreeStore tree;

  private OrderedStoreTable(
      TableOptions options, Comparator<? super K> comparator, TreeStore tree) {
    super(options, tree);
    this.comparator = comparator;
    this.tree = tree;
  }

  /** Creates, registers and returns a new ordered set; a null comparator means natural order. */
  public static <K, V> OrderedStoreTable<K, V> create(
      TableOptions options, Comparator<? super K> comparator) {
    return create(
        options,
        comparator,
        new TreeStore(
            comparator,
            options.writeConcurrency() != io.jets.table.WriteConcurrency.OFF,
            options.decentralizedCounters()));
  }

  /** As {@link #create(TableOptions, Comparator)}, over a given (empty) store. */
  public static <K, V> OrderedStoreTable<K, V> create(
      TableOptions options, Comparator<? super K> comparator, TreeStore tree) {
    OrderedStoreTable<K, V> table = new OrderedStoreTable<>(options, comparator, tree);
    table.open();
    return table;
  }

  @Override
  public Comparator<? super K> comparator() {
    return comparator;
  }

  /** The operation a map view's walk reports its failures as. */
  private static final String WALK = "asNavigableMap";

  /**
   * A cursor over the objects of {@code range}, for an ordered map view's walk ({@link RangeWalk}).
   */
  RangeCursor rangeCursor(MatchSpec<?, ?, ?> range, boolean reverse) {
    checkRead(WALK);
    try {
      return tree.cursor(range, reverse);
    } catch (KeyOrderException e) {
      throw keyError(WALK, e.key(), e);
    }
  }

  /**
   * Moves the cursor to its next object, after the read check (a deleted table throws); false at
   * the end.
   */
  boolean pull(RangeCursor cursor) {
    checkRead(WALK);
    try {
      return cursor.next();
    } catch (KeyOrderException e) {
      throw keyError(WALK, e.key(), e);
    }
  }

  @Override
  public ConcurrentNavigableMap<K, V> asNavigableMap() {
    return new OrderedTableMap<>(this, comparator);
  }
}
