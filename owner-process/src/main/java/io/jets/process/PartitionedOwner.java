package io.jets.process;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * N server processes under one supervisor, with messages routed by key: the analogue of Elixir's
 * {@code PartitionSupervisor}. It shards writes (and the tables each partition owns) over N
 * processes instead of one bottleneck.
 *
 * <p><b>Order.</b> A key always maps to the same partition ({@link #partitionOf}), and one sender's
 * messages to one process arrive in order, so the messages one sender sends about one key are
 * handled in the order sent. Nothing is ordered across keys in different partitions. A partition
 * that crashes is restarted by the supervisor; messages waiting in the crashed process's mailbox
 * are lost, as in OTP.
 *
 * <p>Thread-safe. Routing reads the supervisor's current view, without a call.
 */
public final class PartitionedOwner {

  private final String name;
  private final Supervisor supervisor;
  private final int partitions;

  private PartitionedOwner(String name, Supervisor supervisor, int partitions) {
    this.name = name;
    this.supervisor = supervisor;
    this.partitions = partitions;
  }

  /**
   * Starts {@code partitions} servers, partition {@code i} running {@code serverFor.apply(i)} and
   * named {@code name-i}, under a supervisor called {@code name} with restart intensity {@code
   * maxRestarts} in {@code period}. Blocks until every partition's {@code init} has returned.
   *
   * @throws ProcStartException if a partition failed to start
   */
  public static PartitionedOwner start(
      String name,
      int partitions,
      IntFunction<? extends GenServer<?>> serverFor,
      int maxRestarts,
      Duration period) {
    Objects.requireNonNull(
        serverFor, () -> "partitioned owner " + name + ": server factory is null");
    if (partitions <= 0) {
      throw new IllegalArgumentException(
          "partitioned owner " + name + ": partitions must be positive, was " + partitions);
    }
    SupervisorBuilder builder = Supervisor.builder(name).intensity(maxRestarts, period);
    for (int i = 0; i < partitions; i++) {
      int index = i;
      builder.child(
          ChildSpec.permanent(
              index, () -> Procs.startLink(name + "-" + index, serverFor.apply(index))));
    }
    return new PartitionedOwner(name, builder.start(), partitions);
  }

  /** {@link #start(String, int, IntFunction, int, Duration)} with up to 3 restarts in 5 seconds. */
  public static PartitionedOwner start(
      String name, int partitions, IntFunction<? extends GenServer<?>> serverFor) {
    return start(name, partitions, serverFor, 3, Duration.ofSeconds(5));
  }

  /** The number of partitions. */
  public int partitions() {
    return partitions;
  }

  /** The partition of {@code key}: its hash, spread, modulo the partition count. */
  public int partitionOf(Object key) {
    Objects.requireNonNull(key, () -> "partitioned owner " + name + ": key is null");
    int h = key.hashCode();
    h ^= h >>> 16; // as HashMap does: let the high bits of weak hashes reach the low bits
    return Math.floorMod(h, partitions);
  }

  /**
   * The process of partition {@code index} now.
   *
   * @throws NoProcessException if that partition is being restarted or the owner has stopped
   */
  public Proc partition(int index) {
    if (index < 0 || index >= partitions) {
      throw new IndexOutOfBoundsException(
          "partitioned owner " + name + ": partition " + index + " of " + partitions);
    }
    return supervisor
        .child(index)
        .orElseThrow(
            () ->
                new NoProcessException(
                    "partitioned owner " + name + ": partition " + index + " is not running"));
  }

  /** The process that handles {@code key} now. */
  public Proc route(Object key) {
    return partition(partitionOf(key));
  }

  /** {@link Proc#call} to the partition of {@code key}. */
  public Object call(Object key, Object request, Duration timeout) {
    return route(key).call(request, timeout);
  }

  /** {@link Proc#cast} to the partition of {@code key}; dropped if it is not running. */
  public boolean cast(Object key, Object request) {
    return supervisor.child(partitionOf(key)).map(proc -> proc.cast(request)).orElse(false);
  }

  /** {@link Proc#send} to the partition of {@code key}; dropped if it is not running. */
  public boolean send(Object key, Object message) {
    return supervisor.child(partitionOf(key)).map(proc -> proc.send(message)).orElse(false);
  }

  /** The supervisor of the partitions. */
  public Supervisor supervisor() {
    return supervisor;
  }

  /** Stops every partition (in reverse order) and the supervisor; see {@link Supervisor#stop}. */
  public void stop(Duration timeout) {
    supervisor.stop(timeout);
  }

  @Override
  public String toString() {
    return "PartitionedOwner[" + name + ", " + partitions + " partitions]";
  }
}
