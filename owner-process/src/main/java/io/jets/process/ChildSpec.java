package io.jets.process;

import java.time.Duration;

/**
 * How a {@link Supervisor} starts, restarts and stops one child, as OTP's child spec.
 *
 * @param id the child's identity within its supervisor (any value-based object)
 * @param start how to start it
 * @param restart when to restart it
 * @param shutdown how long to wait, after the {@code shutdown} exit signal, before killing it;
 *     {@link Duration#ZERO} kills at once (OTP's {@code brutal_kill})
 */
public record ChildSpec(Object id, ChildStart start, RestartType restart, Duration shutdown) {

  // OTP's default shutdown for a worker: 5 seconds to run terminate.
  private static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(5);

  /**
   * Checks that id, start, restart and shutdown are present and the shutdown time is not negative.
   *
   * @throws BadProcessArgumentException if {@code id}, {@code start}, {@code restart} or {@code
   *     shutdown} is null, or {@code shutdown} is negative
   */
  public ChildSpec {
    Args.notNull(id, "id", () -> "child spec: id is null");
    Args.notNull(start, "start", () -> "child spec " + id + ": start is null");
    Args.notNull(restart, "restart", () -> "child spec " + id + ": restart type is null");
    Args.notNull(shutdown, "shutdown", () -> "child spec " + id + ": shutdown is null");
    if (shutdown.isNegative()) {
      throw Args.bad("shutdown", "child spec " + id + ": negative shutdown " + shutdown);
    }
  }

  /**
   * A permanent child (always restarted) with the default 5-second shutdown.
   *
   * @param id the child's identity within its supervisor; not null
   * @param start how to start it; not null
   * @return the spec
   * @throws BadProcessArgumentException if {@code id} or {@code start} is null
   */
  public static ChildSpec permanent(Object id, ChildStart start) {
    return new ChildSpec(id, start, RestartType.PERMANENT, DEFAULT_SHUTDOWN);
  }

  /**
   * A transient child (restarted only after an abnormal exit) with the default shutdown.
   *
   * @param id the child's identity within its supervisor; not null
   * @param start how to start it; not null
   * @return the spec
   * @throws BadProcessArgumentException if {@code id} or {@code start} is null
   */
  public static ChildSpec transientChild(Object id, ChildStart start) {
    return new ChildSpec(id, start, RestartType.TRANSIENT, DEFAULT_SHUTDOWN);
  }

  /**
   * A temporary child (never restarted) with the default shutdown.
   *
   * @param id the child's identity within its supervisor; not null
   * @param start how to start it; not null
   * @return the spec
   * @throws BadProcessArgumentException if {@code id} or {@code start} is null
   */
  public static ChildSpec temporary(Object id, ChildStart start) {
    return new ChildSpec(id, start, RestartType.TEMPORARY, DEFAULT_SHUTDOWN);
  }

  /**
   * The same spec with another shutdown time.
   *
   * @param newShutdown how long to wait after the {@code shutdown} exit signal before killing the
   *     child; not negative, {@link Duration#ZERO} kills at once
   * @return a new spec; this one is unchanged
   * @throws BadProcessArgumentException if {@code newShutdown} is null or negative (argument {@code
   *     shutdown})
   */
  public ChildSpec withShutdown(Duration newShutdown) {
    return new ChildSpec(id, start, restart, newShutdown);
  }
}
