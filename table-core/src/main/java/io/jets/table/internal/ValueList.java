package io.jets.table.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list over an array that nobody writes after publication: the values under one key of
 * a bag, handed to readers without copying.
 */
final class ValueList<V> extends AbstractList<V> implements RandomAccess {

  private final Object[] values;

  ValueList(Object[] values) {
    this.values = values;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(int index) {
    return (V) values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
