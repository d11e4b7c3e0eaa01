package io.jets.owner;

import java.util.Objects;

/**
 * Why an owner exited, as in OTP: {@code normal}, {@code shutdown}, {@code kill}, or an exception.
 *
 * <p>{@link #isNormal()} is true for {@code normal} and {@code shutdown}, the two reasons a
 * supervisor does not treat as a crash.
 */
public sealed interface ExitReason {

  /** The owner finished its work. */
  ExitReason NORMAL = new Normal();

  /** The owner was asked to stop by whoever manages it (a supervisor, an application). */
  ExitReason SHUTDOWN = new Shutdown();

  /** The owner was killed and could not run any clean-up of its own. */
  ExitReason KILL = new Kill();

  /**
   * The owner died of {@code cause}.
   *
   * @param cause the exception the owner died of; not null
   * @return a {@link Crash} carrying {@code cause}
   */
  static ExitReason crash(Throwable cause) {
    return new Crash(cause);
  }

  /**
   * True for {@code normal} and {@code shutdown}.
   *
   * @return whether this reason is {@code normal} or {@code shutdown}, not a crash or a kill
   */
  default boolean isNormal() {
    return this instanceof Normal || this instanceof Shutdown;
  }

  /** {@code normal}. */
  record Normal() implements ExitReason {
    @Override
    public String toString() {
      return "normal";
    }
  }

  /** {@code shutdown}. */
  record Shutdown() implements ExitReason {
    @Override
    public String toString() {
      return "shutdown";
    }
  }

  /** {@code kill}. */
  record Kill() implements ExitReason {
    @Override
    public String toString() {
      return "kill";
    }
  }

  /**
   * An exit caused by an exception.
   *
   * @param cause the exception the owner died of
   */
  record Crash(Throwable cause) implements ExitReason {
    /** Requires a non-null cause. */
    public Crash {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
      return "crash(" + cause + ")";
    }
  }
}
