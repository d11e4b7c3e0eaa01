package io.jets.process;

import io.jets.owner.Owner;
import java.util.Comparator;
import java.util.List;
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

  /**
   * Spawns a plain process running {@code body}, with an unbounded mailbox. Never blocks.
   *
   * @param name the process's name, for messages and listings; not empty, need not be unique
   * @param body the code the process runs; not null
   * @return the process, started
   * @throws BadProcessArgumentException if {@code name} is null or empty or {@code body} is null;
   *     nothing is started
   */
  public static Proc spawn(String name, ProcBody body) {
    return Proc.builder(name).spawn(body);
  }

  /**
   * Spawns a plain process linked to the calling process ({@code spawn_link}). Never blocks.
   *
   * @param name the process's name, for messages and listings; not empty, need not be unique
   * @param body the code the process runs; not null
   * @return the process, started and linked to the caller
   * @throws BadProcessArgumentException if {@code name} is null or empty or {@code body} is null;
   *     nothing is started
   * @throws IllegalStateException if the calling thread is not running a process; nothing is
   *     started
   */
  public static Proc spawnLink(String name, ProcBody body) {
    return Proc.builder(name).linkToCaller().spawn(body);
  }

  /**
   * Starts a {@link GenServer} and waits until its {@code init} has returned. The wait has no
   * timeout and is not interrupted (an interrupt is kept for after it).
   *
   * @param name the process's name, for messages and listings; not empty, need not be unique
   * @param server the callbacks the process runs; not null
   * @return the process, running after its {@code init}
   * @throws ProcStartException if {@code init} threw or asked to stop
   * @throws BadProcessArgumentException if {@code name} is null or empty or {@code server} is null;
   *     nothing is started
   * @throws ExitException if the caller is a process ended by an exit signal while it waited
   */
  public static Proc start(String name, GenServer<?> server) {
    return Proc.builder(name).start(server);
  }

  /**
   * Starts a {@link GenServer} linked to the calling process ({@code start_link}) and waits, as
   * {@link #start} does, until its {@code init} has returned.
   *
   * @param name the process's name, for messages and listings; not empty, need not be unique
   * @param server the callbacks the process runs; not null
   * @return the process, running after its {@code init} and linked to the caller
   * @throws ProcStartException if {@code init} threw or asked to stop
   * @throws BadProcessArgumentException if {@code name} is null or empty or {@code server} is null;
   *     nothing is started
   * @throws IllegalStateException if the calling thread is not running a process; nothing is
   *     started
   * @throws ExitException if the caller is a process ended by an exit signal while it waited
   */
  public static Proc startLink(String name, GenServer<?> server) {
    return Proc.builder(name).linkToCaller().start(server);
  }

  /**
   * The process whose code is running on this thread, if any.
   *
   * @return the calling process, or empty on a thread that runs no process
   */
  public static Optional<Proc> current() {
    return Owner.current() instanceof Proc proc ? Optional.of(proc) : Optional.empty();
  }

  /**
   * The process whose code is running on this thread.
   *
   * @return the calling process
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

  /**
   * Every live process, as a snapshot (processes starting or exiting meanwhile may be missed).
   *
   * @return the processes, in no particular order; weakly consistent
   */
  public static List<Proc> list() {
    return List.copyOf(LIVE);
  }

  /**
   * The {@code n} live processes with the largest figure {@code by}, largest first: recon's {@code
   * proc_count}, for finding the process that cannot keep up or the busiest one. Ties are ranked by
   * process id, lowest (oldest) first.
   *
   * @param n how many processes to return at most; not negative
   * @param by the figure to rank by; not null
   * @return a snapshot of each process ranked, largest figure first; the figures are estimates
   *     while the processes run
   * @throws BadProcessArgumentException if {@code n} is negative or {@code by} is null
   */
  public static List<ProcInfo> top(int n, TopBy by) {
    Args.notNull(by, "by", () -> "top: by is null");
    if (n < 0) {
      throw Args.bad("n", "top: n must not be negative, was " + n);
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
