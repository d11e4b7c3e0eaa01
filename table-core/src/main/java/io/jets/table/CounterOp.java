package io.jets.table;

import io.jets.table.internal.CounterValues;

/**
 * One step of {@link SetTable#updateCounter(Object, java.util.List)}: add {@code increment}, and if
 * a threshold is set and the result passes it, store {@code setValue} instead, as ETS's {@code
 * {Pos, Incr, Threshold, SetValue}}.
 *
 * <p>The threshold rule: for {@code increment >= 0}, a result {@code > threshold} becomes {@code
 * setValue}; for {@code increment < 0}, a result {@code < threshold} becomes {@code setValue}.
 *
 * @param increment the amount to add (negative to subtract)
 * @param hasThreshold whether {@code threshold} and {@code setValue} apply
 * @param threshold the bound the result must not pass
 * @param setValue the value stored when the result passes {@code threshold}
 */
public record CounterOp(long increment, boolean hasThreshold, long threshold, long setValue) {

  /**
   * Adds {@code increment}.
   *
   * @param increment the amount to add (negative to subtract)
   * @return the step, with no threshold
   */
  public static CounterOp increment(long increment) {
    return new CounterOp(increment, false, 0, 0);
  }

  /**
   * Adds {@code increment}, storing {@code setValue} instead if the result passes {@code
   * threshold}.
   *
   * @param increment the amount to add (negative to subtract)
   * @param threshold the bound the result must not pass
   * @param setValue the value stored when the result passes {@code threshold}
   * @return the step, with a threshold
   */
  public static CounterOp increment(long increment, long threshold, long setValue) {
    return new CounterOp(increment, true, threshold, setValue);
  }

  /**
   * Applies this step to {@code current}.
   *
   * @param current the counter before the step
   * @return the counter after the step
   * @throws ArithmeticException if the sum overflows a {@code long} (never with a threshold)
   */
  public long apply(long current) {
    return CounterValues.step(current, increment, hasThreshold, threshold, setValue);
  }
}
