package io.jets.table.internal.tree;

import io.jets.table.spi.KeyOrderException;
import java.util.Comparator;

/**
 * The order a tree compares keys in: the table's comparator, or the keys' natural order, with a
 * failing comparison reported as {@link KeyOrderException}. Knowing that the order is natural lets
 * an inner node compare {@code Integer} and {@code Long} keys by their values, without loading the
 * key objects ({@link Inner}).
 */
final class KeyOrder implements Comparator<Object> {
  private final Comparator<Object> comparator; // null: natural order

  private KeyOrder(Comparator<Object> comparator) {
    this.comparator = comparator;
  }

  /** The order of {@code comparator}, or natural order when it is null. */
  static KeyOrder of(Comparator<Object> comparator) {
    return new KeyOrder(comparator);
  }

  /** Whether {@code order} is natural order: {@code compareTo} of {@code Comparable} keys. */
  static boolean isNatural(Comparator<Object> order) {
    return order instanceof KeyOrder keyOrder && keyOrder.comparator == null;
  }

  /** {@code Integer} or {@code Long} if every one of {@code keys} is one, else null. */
  static Class<?> numberType(Object[] keys) {
    if (keys.length == 0) {
      return null;
    }
    Class<?> type = keys[0].getClass();
    if (type != Integer.class && type != Long.class) {
      return null;
    }
    for (Object key : keys) {
      if (key.getClass() != type) {
        return null;
      }
    }
    return type;
  }

  /** The values of {@code keys}, all {@code Integer}s. */
  static int[] ints(Object[] keys) {
    int[] ints = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      ints[i] = (Integer) keys[i];
    }
    return ints;
  }

  /** The values of {@code keys}, all {@code Long}s. */
  static long[] longs(Object[] keys) {
    long[] numbers = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      numbers[i] = (Long) keys[i];
    }
    return numbers;
  }

  /**
   * The number of keys below the one a binary search looked for, or at or below it if {@code
   * inclusive}, from the search's answer ({@code found}: its position, or -(insertion point) - 1,
   * as {@link java.util.Arrays#binarySearch(int[], int)} answers; the keys are distinct).
   */
  static int rank(int found, boolean inclusive) {
    return found >= 0 ? (inclusive ? found + 1 : found) : -(found + 1);
  }

  @Override
  @SuppressWarnings("unchecked")
  public int compare(Object a, Object b) {
    try {
      return comparator == null ? ((Comparable<Object>) a).compareTo(b) : comparator.compare(a, b);
    } catch (RuntimeException e) {
      throw new KeyOrderException(e);
    }
  }
}
