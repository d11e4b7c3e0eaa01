package io.jets.table.internal;

import io.jets.table.BagTable;
import io.jets.table.MissingKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@code bag} or {@code duplicate_bag} hash table. */
public final class HashBagTable<K, V> extends HashTable<K, V> implements BagTable<K, V> {

  private HashBagTable(TableOptions options) {
    super(options);
  }

  /** Creates, registers and returns a new bag table. */
  public static <K, V> HashBagTable<K, V> create(TableOptions options) {
    HashBagTable<K, V> table = new HashBagTable<>(options);
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
