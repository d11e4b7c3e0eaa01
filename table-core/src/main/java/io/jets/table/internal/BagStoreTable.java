package io.jets.table.internal;

import io.jets.table.BagTable;
import io.jets.table.MissingKeyException;
import io.jets.table.spi.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@code bag} or {@code duplicate_bag} table over a {@link Store}. */
public final class BagStoreTable<K, V> extends WritableStoreTable<K, V> implements BagTable<K, V> {

  private BagStoreTable(TableOptions options, Store store) {
    super(options, store);
  }

  /** Creates, registers and returns a new bag table over {@code store}. */
  public static <K, V> BagStoreTable<K, V> create(TableOptions options, Store store) {
    BagStoreTable<K, V> table = new BagStoreTable<>(options, store);
    table.open();
    return table;
  }

  @Override
  public <E> List<E> lookupElement(K key, Function<? super V, ? extends E> element) {
    requireArgument(element, "element function", "lookupElement");
    List<V> values = lookup(key);
    if (values.isEmpty()) {
      throw new MissingKeyException(name(), "lookupElement", key);
    }
    List<E> elements = new ArrayList<>(values.size());
    for (V value : values) {
      elements.add(element.apply(value));
    }
    return elements;
  }

  @Override
  public int count(K key) {
    return lookup(key).size();
  }
}
