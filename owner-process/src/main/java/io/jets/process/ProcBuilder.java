package io.jets.process;

import io.jets.process.internal.GenServerLoop;

/**
 * Options for a new process: mailbox bound and overflow policy, trap-exit, a link made before its
 * code runs, and a registered name claimed before its code runs. Obtain one from {@link
 * Proc#builder(String)}; a builder may start several processes. Each setting is checked as it is
 * made, and a refused setting leaves the builder as it was; the name is checked when a process is
 * started.
 */
public final class ProcBuilder {

  private final String name;
  private int capacity = Integer.MAX_VALUE;
  private OverflowPolicy policy = OverflowPolicy.REJECT;
  private boolean trapExit;
  private boolean linkToCaller;
  private Proc linkTo;
  private Object registeredName;

  ProcBuilder(String name) {
    this.name = name;
  }

  /**
   * Bounds the mailbox to {@code capacity} messages sent with send, cast and call, and chooses what
   * a send to a full mailbox does. Unbounded by default. Messages the runtime delivers (exit
   * signals, {@link Down}s, timer messages, table transfers) never count; see {@link
   * OverflowPolicy}.
   *
   * @param capacity the most messages the mailbox holds; positive
   * @param policy what a send, cast or call to a full mailbox does; not null
   * @return this builder
   * @throws BadProcessArgumentException if {@code capacity} is zero or negative or {@code policy}
   *     is null; the builder keeps its previous mailbox
   */
  public ProcBuilder mailbox(int capacity, OverflowPolicy policy) {
    if (capacity <= 0) {
      throw Args.bad(
          "capacity", "process " + name + ": mailbox capacity must be positive, was " + capacity);
    }
    Args.notNull(policy, "policy", () -> "process " + name + ": overflow policy is null");
    this.capacity = capacity;
    this.policy = policy;
    return this;
  }

  /**
   * Whether the process starts trapping exits (false by default).
   *
   * @param trapExit true to start the process trapping exits
   * @return this builder
   */
  public ProcBuilder trapExit(boolean trapExit) {
    this.trapExit = trapExit;
    return this;
  }

  /**
   * Links the new process to the process calling spawn or start, before the new one runs.
   *
   * @return this builder
   */
  public ProcBuilder linkToCaller() {
    this.linkToCaller = true;
    return this;
  }

  /**
   * Links the new process to {@code other} before the new one runs. If {@code other} has already
   * exited, the new process receives its exit signal before its code runs (see {@link Proc#link}).
   *
   * @param other the process to link to; not null
   * @return this builder
   * @throws BadProcessArgumentException if {@code other} is null
   */
  public ProcBuilder linkTo(Proc other) {
    this.linkTo =
        Args.notNull(other, "other", () -> "process " + name + ": process to link to is null");
    return this;
  }

  /**
   * Registers the new process under {@code registeredName} before it runs; see {@link Registry}.
   *
   * @param registeredName the name; any object with value-based {@code equals} and {@code
   *     hashCode}; not null
   * @return this builder
   * @throws BadProcessArgumentException if {@code registeredName} is null
   */
  public ProcBuilder register(Object registeredName) {
    this.registeredName =
        Args.notNull(
            registeredName,
            "registeredName",
            () -> "process " + name + ": registered name is null");
    return this;
  }

  /**
   * Starts a plain process running {@code body}. Never blocks.
   *
   * @param body the code the process runs; not null
   * @return the process, started
   * @throws BadProcessArgumentException if {@code body} is null, or the builder's name is null or
   *     empty (argument {@code name}); nothing is started
   * @throws NameInUseException if the registered name is taken (nothing is started)
   * @throws IllegalStateException if {@link #linkToCaller()} was asked outside a process (nothing
   *     is started)
   */
  public Proc spawn(ProcBody body) {
    Args.notNull(body, "body", () -> "process " + name + ": body is null");
    Proc proc = create(body);
    proc.start();
    return proc;
  }

  /**
   * Starts {@code server} and waits until its {@code init} has returned (a continue step it asks
   * for runs after this returns, but before any message is handled). The wait has no timeout and is
   * not interrupted (an interrupt is kept for after it).
   *
   * @param server the callbacks the process runs; not null
   * @return the process, running after its {@code init}
   * @throws ProcStartException if {@code init} threw or returned {@link Next#stop}; the process has
   *     then exited
   * @throws NameInUseException if the registered name is taken (nothing is started)
   * @throws BadProcessArgumentException if {@code server} is null, or the builder's name is null or
   *     empty (argument {@code name}); nothing is started
   * @throws IllegalStateException if {@link #linkToCaller()} was asked outside a process (nothing
   *     is started)
   * @throws ExitException if the caller is a process ended by an exit signal while it waited
   */
  public Proc start(GenServer<?> server) {
    Args.notNull(server, "server", () -> "process " + name + ": server is null");
    GenServerLoop<?> loop = new GenServerLoop<>(server);
    Proc proc = create(loop);
    proc.start();
    loop.awaitStarted(proc);
    return proc;
  }

  private Proc create(ProcBody body) {
    if (name == null || name.isEmpty()) {
      throw Args.bad("name", "process name is null or empty");
    }
    Proc parent = Procs.current().orElse(null);
    if (linkToCaller && parent == null) {
      throw new IllegalStateException(
          "process "
              + name
              + ": linkToCaller() asked on "
              + Thread.currentThread()
              + ", which is not running a process");
    }
    Proc proc = new Proc(name, body, capacity, policy, trapExit, parent);
    if (registeredName != null) {
      Registry.register(registeredName, proc);
    }
    if (linkToCaller) {
      proc.link(parent);
    }
    if (linkTo != null) {
      proc.link(linkTo);
    }
    return proc;
  }
}
