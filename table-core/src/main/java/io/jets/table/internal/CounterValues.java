package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;

/**
 * The counter arithmetic of set tables: {@code Long} and {@code Integer} values keep their type.
 */
public final class CounterValues {

  private CounterValues() {}

  /** The counter in {@code value}, or a BadArgumentException if it is not a counter. */
  static long read(String table, Object value, Object key, String operation) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Integer i) {
      return i;
    }
    throw new BadArgumentException(
        table,
        operation
            + ": the value under key "
            + key
            + " is not a counter (Long or Integer) but "
            + value.getClass().getName());
  }

  /** Boxes {@code value} in the type of {@code like}, checking that it fits. */
  static Object boxLike(String table, Object like, long value, Object key, String operation) {
    if (like instanceof Integer) {
      if ((int) value != value) {
        throw new BadArgumentException(
            table,
            operation + ": the Integer counter under key " + key + " would overflow to " + value);
      }
      return (int) value;
    }
    return value;
  }

  /**
   * One counter step on primitives, so that the single-step {@code updateCounter} allocates no
   * {@link io.jets.table.CounterOp}: see {@link io.jets.table.CounterOp#apply}.
   *
   * @throws ArithmeticException if the sum overflows a {@code long} (never with a threshold)
   */
  public static long step(
      long current, long increment, boolean hasThreshold, long threshold, long setValue) {
    if (!hasThreshold) {
      return Math.addExact(current, increment);
    }
    long result = current + increment;
    // An overflowing sum goes past Long.MAX_VALUE (or below MIN_VALUE) in the increment's
    // direction, so the exact sum has passed any long threshold: store setValue, as ETS does with
    // its unbounded integers, rather than report an overflow.
    boolean overflowed = ((current ^ result) & (increment ^ result)) < 0;
    if (overflowed || (increment >= 0 ? result > threshold : result < threshold)) {
      return setValue;
    }
    return result;
  }

  /** One step of a single-step update, with overflow reported as a BadArgumentException. */
  static long apply(
      String table,
      long increment,
      boolean hasThreshold,
      long threshold,
      long setValue,
      long current,
      Object key,
      String operation) {
    try {
      return step(current, increment, hasThreshold, threshold, setValue);
    } catch (ArithmeticException overflow) {
      throw new BadArgumentException(
          table, operation + ": the counter under key " + key + " would overflow a long", overflow);
    }
  }

  /** One step, with overflow reported as a BadArgumentException. */
  static long apply(String table, CounterOp op, long current, Object key, String operation) {
    return apply(
        table,
        op.increment(),
        op.hasThreshold(),
        op.threshold(),
        op.setValue(),
        current,
        key,
        operation);
  }
}
