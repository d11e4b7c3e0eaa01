package io.jets.process;

import io.jets.process.internal.SupervisorServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Options of a one-for-one {@link Supervisor}: its children, in start order, and its restart
 * intensity. Obtain one from {@link Supervisor#builder(String)}; settings are checked as they are
 * made, and a refused setting leaves the builder as it was.
 */
public final class SupervisorBuilder {

  private final String name;
  private final List<ChildSpec> children = new ArrayList<>();
  private final Set<Object> ids = new HashSet<>();
  // OTP's defaults: at most 1 restart in 5 seconds.
  private int maxRestarts = 1;
  private Duration period = Duration.ofSeconds(5);
  private boolean linkToCaller;
  private Object registeredName;

  SupervisorBuilder(String name) {
    if (name == null || name.isEmpty()) {
      throw Args.bad("name", "supervisor name is null or empty");
    }
    this.name = name;
  }

  /**
   * Allows at most {@code maxRestarts} restarts within any {@code period}; one more and the
   * supervisor stops its children and exits with {@code shutdown}. Default: 1 in 5 seconds.
   *
   * @param maxRestarts the most restarts allowed within any {@code period}; not negative (0: the
   *     first child exit that calls for a restart stops the supervisor)
   * @param period the sliding window the restarts are counted in; positive
   * @return this builder
   * @throws BadProcessArgumentException if {@code maxRestarts} is negative or {@code period} is
   *     null or not positive; the builder keeps its previous intensity
   */
  public SupervisorBuilder intensity(int maxRestarts, Duration period) {
    if (maxRestarts < 0) {
      throw Args.bad(
          "maxRestarts",
          "supervisor " + name + ": maxRestarts must not be negative, was " + maxRestarts);
    }
    Args.notNull(period, "period", () -> "supervisor " + name + ": period is null");
    if (period.isNegative() || period.isZero()) {
      throw Args.bad("period", "supervisor " + name + ": period must be positive, was " + period);
    }
    this.maxRestarts = maxRestarts;
    this.period = period;
    return this;
  }

  /**
   * Adds a child; children start in the order added and stop in the reverse order.
   *
   * @param spec how to start, restart and stop the child; not null
   * @return this builder
   * @throws BadProcessArgumentException if {@code spec} is null or a child with the same id was
   *     already added; the builder keeps its previous children
   */
  public SupervisorBuilder child(ChildSpec spec) {
    Args.notNull(spec, "spec", () -> "supervisor " + name + ": child spec is null");
    if (!ids.add(spec.id())) {
      throw Args.bad("spec", "supervisor " + name + ": duplicate child id " + spec.id());
    }
    children.add(spec);
    return this;
  }

  /**
   * Links the supervisor to the process that starts it (for nesting supervisors); {@link #start()}
   * then throws {@link IllegalStateException} if called outside a process.
   *
   * @return this builder
   */
  public SupervisorBuilder linkToCaller() {
    this.linkToCaller = true;
    return this;
  }

  /**
   * Registers the supervisor process under {@code registeredName}; see {@link Registry}.
   *
   * @param registeredName the name; any object with value-based {@code equals} and {@code
   *     hashCode}; not null
   * @return this builder
   * @throws BadProcessArgumentException if {@code registeredName} is null
   */
  public SupervisorBuilder register(Object registeredName) {
    this.registeredName =
        Args.notNull(
            registeredName,
            "registeredName",
            () -> "supervisor " + name + ": registered name is null");
    return this;
  }

  /**
   * Starts the supervisor and, on its thread, every child in order; returns when all have started.
   * The wait has no timeout: it lasts as long as the children's starts take. A builder may start
   * several supervisors.
   *
   * @return the running supervisor
   * @throws ProcStartException if a child failed to start (those already started are stopped)
   * @throws NameInUseException if the registered name is taken (nothing is started)
   * @throws IllegalStateException if {@link #linkToCaller()} was asked outside a process
   */
  public Supervisor start() {
    SupervisorServer server = new SupervisorServer(List.copyOf(children), maxRestarts, period);
    ProcBuilder builder = Proc.builder(name).trapExit(true);
    if (linkToCaller) {
      builder.linkToCaller();
    }
    if (registeredName != null) {
      builder.register(registeredName);
    }
    Proc proc = builder.start(server);
    return new Supervisor(proc, server);
  }
}
