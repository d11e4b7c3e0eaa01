package io.jets.cache;

/**
 * The time source of a cache table: a monotonic nanosecond reading, as {@link System#nanoTime()}.
 * Tests replace it with a clock they advance by hand, so that nothing waits for real time.
 * Implementations must be thread-safe and must never go backwards.
 */
@FunctionalInterface
public interface Ticker {

  /**
   * The current time.
   *
   * @return nanoseconds from an arbitrary origin, never less than an earlier reading
   */
  long read();

  /**
   * The system clock.
   *
   * @return a ticker reading {@link System#nanoTime()}
   */
  static Ticker system() {
    return System::nanoTime;
  }
}
