package io.jets.process;

import io.jets.owner.Owner;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry points of the process runtime: starting processes, the calling process, and introspection
 * in the manner of recon ({@link #top}) and {@code erlang:processes()} ({@link #list}). All methods
 * are thread-safe; only {@link #start} blocks (until {@code init} returns).
 */
public final class Procs {

  private static final Set<Proc> LIVE = ConcurrentHashMap.newKeySet();

  private Procs() {}

  /** Spawns a plain process running {@code body}, with an unbounded mailbox. Never blocks. */
  public static Proc spawn(String name, ProcBody body) {
    return Proc.builder(name).spawn(body);
  }

  /** Spawns a plain process linked to the calling process ({@code spawn_link}). */
  public static Proc spawnLink(String name, ProcBody body) {
    return Proc.builder(name).linkToCaller().spawn(body);
  }

  /**
   * Starts a {@link GenServer} and waits until its {@code init} has returned.
   *
   * @throws ProcStartException if {@code init} threw or asked to stop
   */
  public static Proc start(String name, GenServer<?> server) {
    return Proc.builder(name).start(server);
  }

  /** Starts a {@link GenServer} linked to the calling process ({@code start_link}). */
  public static Proc startLink(String name, GenServer<?> server) {
    return Proc.builder(name).linkToCaller().start(server);
  }

  /** The process whose code is running on this thread, if any. */
  public static Optional<Proc> current() {
    return Owner.current() instanceof Proc proc ? Optional.of(proc) : Optional.empty();
  }

  /**
   * The process whose code is running on this thread.
   *
   * @throws IllegalStateException if the calling thread is not running a process
   */
  public static Proc self() {
    return current()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "self() called on "
                        + Thread.currentThread()
                        + ", which is not running a process"));
  }

  /** Every live process, as a snapshot (processes starting or exiting meanwhile may be missed). */
  public static List<Proc> list() {
    return List.copyOf(LIVE);
  }

  /**
   * The {@code n} live processes with the largest figure {@code by}, largest first: recon's {@code
   * proc_count}, for finding the process that cannot keep up or the busiest one.
   */
  public static List<ProcInfo> top(int n, TopBy by) {
    Objects.requireNonNull(by, "top: by is null");
    if (n < 0) {
      throw new IllegalArgumentException("top: n must not be negative, was " + n);
    }
    return LIVE.stream()
        .map(Proc::info)
        .sorted(by.descending().thenComparing(Comparator.comparingLong(info -> info.proc().id())))
        .limit(n)
        .toList();
  }

  static void remember(Proc proc) {
    LIVE.add(proc);
  }

  static void forget(Proc proc) {
    LIVE.remove(proc);
  }
}
