package io.jets.table.internal.select;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The results of one select, appended by the scan into an array that doubles and handed to the
 * caller without a copy: an unmodifiable, random-access list. (A buffer kept per thread and copied
 * to the exact length at the end allocated less and measured slower.)
 */
final class ResultList<R> extends AbstractList<R> implements RandomAccess, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private Object[] items = new Object[16];
  private int size;

  /** Appends a result: the scanning thread only, before the list is handed out. */
  void append(Object result) {
    reserve(1)[size++] = result;
  }

  /**
   * The array, with room for {@code n} more results after {@link #size}: the scanning thread fills
   * it and then calls {@link #filled}.
   */
  Object[] reserve(int n) {
    if (items.length - size < n) {
      items = Arrays.copyOf(items, Math.max(items.length << 1, size + n));
    }
    return items;
  }

  /** Ends a {@link #reserve}: the results now number {@code size}. */
  void filled(int size) {
    this.size = size;
  }

  @Override
  @SuppressWarnings("unchecked")
  public R get(int index) {
    Objects.checkIndex(index, size);
    return (R) items[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** Serialized as the JDK's unmodifiable list of the same results (an ArrayList was before). */
  @Serial
  private Object writeReplace() {
    return List.copyOf(this);
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(items, size);
  }
}
