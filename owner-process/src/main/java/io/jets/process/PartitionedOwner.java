package io.jets.process;

import java.time.Duration;
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
   * @param name the supervisor's name, and the prefix of the partitions' names; not empty
   * @param partitions the number of partitions; positive
   * @param serverFor makes the server of partition {@code i}; called again each time that partition
   *     is restarted; not null
   * @param maxRestarts the most restarts allowed within any {@code period}; not negative
   * @param period the window the restarts are counted in; positive
   * @return the running partitioned owner
   * @throws ProcStartException if a partition failed to start (those already started are stopped)
   * @throws BadProcessArgumentException if {@code name} is null or empty, {@code serverFor} or
   *     {@code period} is null, or {@code partitions}, {@code maxRestarts} or {@code period} is out
   *     of range; nothing is started
   */
  public static PartitionedOwner start(
      String name,
      int partitions,
      IntFunction<? extends GenServer<?>> serverFor,
      int maxRestarts,
      Duration period) {
    if (name == null || name.isEmpty()) {
      throw Args.bad("name", "partitioned owner name is null or empty");
    }
    Args.notNull(
        serverFor, "serverFor", () -> "partitioned owner " + name + ": server factory is null");
    if (partitions <= 0) {
      throw Args.bad(
          "partitions",
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

  /**
   * {@link #start(String, int, IntFunction, int, Duration)} with up to 3 restarts in 5 seconds.
   *
   * @param name the supervisor's name, and the prefix of the partitions' names; not empty
   * @param partitions the number of partitions; positive
   * @param serverFor makes the server of partition {@code i}; called again each time that partition
   *     is restarted; not null
   * @return the running partitioned owner
   * @throws ProcStartException if a partition failed to start (those already started are stopped)
   * @throws BadProcessArgumentException if {@code partitions} is not positive, {@code name} is null
   *     or empty, or {@code serverFor} is null; nothing is started
   */
  public static PartitionedOwner start(
      String name, int partitions, IntFunction<? extends GenServer<?>> serverFor) {
    return start(name, partitions, serverFor, 3, Duration.ofSeconds(5));
  }

  /**
   * The number of partitions.
   *
   * @return the partition count, fixed at start
   */
  public int partitions() {
    return partitions;
  }

  /**
   * The partition of {@code key}: its hash, spread, modulo the partition count. Depends only on the
   * key's {@code hashCode} and the partition count, so a key whose hash is stable always maps to
   * the same partition.
   *
   * @param key the key; not null
   * @return the partition index, from 0 to {@link #partitions()} - 1
   * @throws BadProcessArgumentException if {@code key} is null
   */
  public int partitionOf(Object key) {
    Args.notNull(key, "key", () -> "partitioned owner " + name + ": key is null");
    int h = key.hashCode();
    h ^= h >>> 16; // as HashMap does: let the high bits of weak hashes reach the low bits
    return Math.floorMod(h, partitions);
  }

  /**
   * The process of partition {@code index} now.
   *
   * @param index the partition index, from 0 to {@link #partitions()} - 1
   * @return the partition's running process
   * @throws BadProcessArgumentException if {@code index} is not a partition index
   * @throws NoProcessException if that partition is being restarted or the owner has stopped
   */
  public Proc partition(int index) {
    if (index < 0 || index >= partitions) {
      throw Args.bad(
          "index", "partitioned owner " + name + ": partition " + index + " of " + partitions);
    }
    return supervisor
        .child(index)
        .orElseThrow(
            () ->
                new NoProcessException(
                    "partitioned owner " + name + ": partition " + index + " is not running"));
  }

  /**
   * The process that handles {@code key} now.
   *
   * @param key the key; not null
   * @return the running process of the key's partition
   * @throws BadProcessArgumentException if {@code key} is null
   * @throws NoProcessException if that partition is being restarted or the owner has stopped
   */
  public Proc route(Object key) {
    return partition(partitionOf(key));
  }

  /**
   * {@link Proc#call} to the partition of {@code key}, which fails as {@link Proc#call} does.
   *
   * @param key the key that chooses the partition; not null
   * @param request the request; not null
   * @param timeout how long to wait at most for the answer; not negative
   * @return the answer
   * @throws BadProcessArgumentException if {@code key}, {@code request} or {@code timeout} is null
   *     or {@code timeout} is negative, whether or not the partition is running
   * @throws NoProcessException if that partition is being restarted or the owner has stopped
   */
  public Object call(Object key, Object request, Duration timeout) {
    int index = partitionOf(key);
    if (request == null || timeout == null || timeout.isNegative()) {
      throw Args.badCall(ofKey(key), request, timeout);
    }
    return partition(index).call(request, timeout);
  }

  /**
   * {@link Proc#cast} to the partition of {@code key}; dropped if it is not running.
   *
   * @param key the key that chooses the partition; not null
   * @param request the request; not null
   * @return true if the partition is running and the request was put in its mailbox
   * @throws BadProcessArgumentException if {@code key} or {@code request} is null, whether or not
   *     the partition is running
   * @throws ExitException as {@link Proc#cast} does
   */
  public boolean cast(Object key, Object request) {
    int index = partitionOf(key);
    if (request == null) {
      throw Args.badCast(ofKey(key));
    }
    return supervisor.child(index).map(proc -> proc.cast(request)).orElse(false);
  }

  /**
   * {@link Proc#send} to the partition of {@code key}; dropped if it is not running.
   *
   * @param key the key that chooses the partition; not null
   * @param message the message; not null
   * @return true if the partition is running and the message was put in its mailbox
   * @throws BadProcessArgumentException if {@code key} or {@code message} is null, whether or not
   *     the partition is running
   * @throws ExitException as {@link Proc#send} does
   */
  public boolean send(Object key, Object message) {
    int index = partitionOf(key);
    if (message == null) {
      throw Args.badSend(ofKey(key));
    }
    return supervisor.child(index).map(proc -> proc.send(message)).orElse(false);
  }

  /**
   * The supervisor of the partitions.
   *
   * @return the supervisor, whose child ids are the partition indexes
   */
  public Supervisor supervisor() {
    return supervisor;
  }

  /**
   * Stops every partition (in reverse order) and the supervisor; see {@link Supervisor#stop}.
   * Blocks up to {@code timeout}.
   *
   * @param timeout how long to wait at most for the supervisor to exit; not null, not negative
   * @throws BadProcessArgumentException if {@code timeout} is null or negative; nothing is stopped
   * @throws CallTimeoutException if the supervisor did not finish within {@code timeout}
   * @throws CallInterruptedException if the calling thread was interrupted while waiting
   */
  public void stop(Duration timeout) {
    supervisor.stop(timeout);
  }

  /** The partition of {@code key}, as messages name it. */
  private String ofKey(Object key) {
    return "partitioned owner " + name + " (the partition of key " + key + ")";
  }

  @Override
  public String toString() {
    return "PartitionedOwner[" + name + ", " + partitions + " partitions]";
  }
}
