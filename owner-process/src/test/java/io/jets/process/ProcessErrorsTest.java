package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import io.jets.owner.JetsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exception family for process errors: every public entry point of {@code io.jets.process},
 * given bad input, throws a {@link BadProcessArgumentException} whose message names the process (or
 * the supervisor, child spec, partitioned owner or registered name) and the argument, and changes
 * nothing: no process started, no name taken, no message, link or monitor added. Every process
 * exception is a {@link ProcessException}, and so a {@link JetsException}.
 */
class ProcessErrorsTest {

  /** Every process and registered name this test makes starts with this prefix. */
  private static final String PREFIX = "bad-input-";

  private static final String TARGET = PREFIX + "target";
  private static final String OTHER = PREFIX + "other";
  private static final String REGISTERED = PREFIX + "registered";
  private static final String FREE = PREFIX + "free";
  private static final String SUPERVISOR = PREFIX + "supervisor";
  private static final String CHILD = PREFIX + "child";
  private static final String PARTITIONED = PREFIX + "partitioned";

  private static final Duration NEGATIVE = Duration.ofMillis(-1);
  private static final ProcBody BODY = me -> me.receive();
  private static final ChildStart START = () -> Procs.startLink(CHILD, new Held());
  private static final IntFunction<GenServer<?>> SERVER_FOR = i -> new Held();

  /**
   * A server that takes no message after its start: its continue step waits for the gate, which
   * only an exit signal ends. So its mailbox length is exact: any message put in it stays.
   */
  static final class Held implements GenServer<String> {
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public Next<String> init() {
      return Next.<String>noReply("held").thenContinue("hold");
    }

    @Override
    public Next<String> handleContinue(Object argument, String state) throws InterruptedException {
      gate.await();
      return Next.noReply(state);
    }
  }

  /** A process that takes no message until an exit signal ends it. */
  private static Proc held(ProcBuilder builder) {
    CountDownLatch gate = new CountDownLatch(1);
    return builder.spawn(me -> gate.await());
  }

  /** The processes and names the bad calls could have touched. */
  record Fixture(Proc target, Proc other, Supervisor supervisor, PartitionedOwner partitioned) {

    static Fixture start() {
      Proc target = held(Proc.builder(TARGET).register(REGISTERED));
      Proc other = held(Proc.builder(OTHER));
      Supervisor supervisor =
          Supervisor.builder(SUPERVISOR).child(ChildSpec.permanent("child", START)).start();
      PartitionedOwner partitioned = PartitionedOwner.start(PARTITIONED, 2, SERVER_FOR);
      return new Fixture(target, other, supervisor, partitioned);
    }

    void stop() throws InterruptedException {
      partitioned.stop(LONG);
      supervisor.stop(LONG);
      target.exit(ExitReason.KILL);
      other.exit(ExitReason.KILL);
      exitOf(target);
      exitOf(other);
    }

    /** What a bad call must leave as it was. */
    State state() {
      List<Proc> all =
          Stream.concat(
                  Stream.of(target, other, supervisor.proc()),
                  Stream.concat(
                      supervisor.children().values().stream(),
                      partitioned.supervisor().children().values().stream()))
              .toList();
      return new State(
          Procs.list().stream()
              .filter(proc -> proc.name().startsWith(PREFIX))
              .collect(Collectors.toSet()),
          Registry.registered().entrySet().stream()
              .filter(e -> e.getKey() instanceof String name && name.startsWith(PREFIX))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          all.stream().map(ProcFigures::of).toList(),
          supervisor.children(),
          partitioned.supervisor().children(),
          supervisor.restarts() + partitioned.supervisor().restarts());
    }
  }

  /** The figures of one process that a bad call must not change. */
  record ProcFigures(
      Proc proc,
      boolean alive,
      Optional<Object> registeredName,
      int mailboxLength,
      long processed,
      long dropped,
      int links,
      int monitors,
      boolean trapExit) {

    static ProcFigures of(Proc proc) {
      ProcInfo info = proc.info();
      return new ProcFigures(
          proc,
          proc.isAlive(),
          info.registeredName(),
          info.mailboxLength(),
          info.processedCount(),
          info.droppedCount(),
          info.links(),
          info.monitors(),
          info.trapExit());
    }
  }

  record State(
      Set<Proc> live,
      Map<Object, Proc> names,
      List<ProcFigures> figures,
      Map<Object, Proc> children,
      Map<Object, Proc> partitions,
      long restarts) {}

  @FunctionalInterface
  interface BadCall {
    void run(Fixture f) throws Throwable;
  }

  /**
   * A case: its name, the argument {@link BadProcessArgumentException#argument()} must return, the
   * fragments the message must contain (the process or object concerned, and the argument as the
   * message words it), and the call.
   */
  private static Arguments bad(String name, String argument, List<String> named, BadCall call) {
    return Arguments.of(name, argument, named, call);
  }

  static Stream<Arguments> badCalls() {
    return Stream.of(
        // Proc
        bad("send: null message", "message", List.of(TARGET, "message"), f -> f.target.send(null)),
        bad("cast: null request", "request", List.of(TARGET, "request"), f -> f.target.cast(null)),
        bad(
            "call: null request",
            "request",
            List.of(TARGET, "request"),
            f -> f.target.call(null, LONG)),
        bad(
            "call: null timeout",
            "timeout",
            List.of(TARGET, "timeout"),
            f -> f.target.call("request", null)),
        bad(
            "call: negative timeout",
            "timeout",
            List.of(TARGET, "negative timeout"),
            f -> f.target.call("request", NEGATIVE)),
        bad(
            "receive: null timeout",
            "timeout",
            List.of(TARGET, "timeout"),
            f -> f.target.receive(null)),
        bad("link: null", "other", List.of(TARGET, "other process"), f -> f.target.link(null)),
        bad("unlink: null", "other", List.of(TARGET, "other process"), f -> f.target.unlink(null)),
        bad("monitor: null", "watcher", List.of(TARGET, "watcher"), f -> f.target.monitor(null)),
        bad("exit: null reason", "reason", List.of(TARGET, "reason"), f -> f.target.exit(null)),
        bad(
            "sendAfter: null delay",
            "delay",
            List.of(TARGET, "delay"),
            f -> f.target.sendAfter(null, "message")),
        bad(
            "sendAfter: negative delay",
            "delay",
            List.of(TARGET, "negative delay"),
            f -> f.target.sendAfter(NEGATIVE, "message")),
        bad(
            "sendAfter: null message",
            "message",
            List.of(TARGET, "message"),
            f -> f.target.sendAfter(Duration.ZERO, null)),
        bad(
            "sendInterval: null period",
            "period",
            List.of(TARGET, "period"),
            f -> f.target.sendInterval(null, "message")),
        bad(
            "sendInterval: zero period",
            "period",
            List.of(TARGET, "period must be positive"),
            f -> f.target.sendInterval(Duration.ZERO, "message")),
        bad(
            "sendInterval: negative period",
            "period",
            List.of(TARGET, "period must be positive"),
            f -> f.target.sendInterval(NEGATIVE, "message")),
        bad(
            "sendInterval: null message",
            "message",
            List.of(TARGET, "message"),
            f -> f.target.sendInterval(Duration.ofMillis(1), null)),
        bad(
            "awaitExit: null timeout",
            "timeout",
            List.of(TARGET, "timeout"),
            f -> f.target.awaitExit(null)),
        // Registry
        bad(
            "register: null name",
            "name",
            List.of(OTHER, "name is null"),
            f -> Registry.register(null, f.other)),
        bad(
            "register: null process",
            "proc",
            List.of(FREE, "process is null"),
            f -> Registry.register(FREE, null)),
        bad(
            "register: a process already registered under another name",
            "proc",
            List.of(TARGET, FREE, "already registered as " + REGISTERED),
            f -> Registry.register(FREE, f.target)),
        bad(
            "unregister: null name",
            "name",
            List.of("unregister", "name"),
            f -> Registry.unregister(null)),
        bad("whereis: null name", "name", List.of("whereis", "name"), f -> Registry.whereis(null)),
        bad("lookup: null name", "name", List.of("lookup", "name"), f -> Registry.lookup(null)),
        bad(
            "send by name: null name",
            "name",
            List.of("send", "name"),
            f -> Registry.send(null, "message")),
        bad(
            "send by name: null message",
            "message",
            List.of(REGISTERED, "message"),
            f -> Registry.send(REGISTERED, null)),
        bad(
            "send by an unheld name: null message",
            "message",
            List.of(FREE, "message"),
            f -> Registry.send(FREE, null)),
        bad(
            "cast by name: null request",
            "request",
            List.of(REGISTERED, "request"),
            f -> Registry.cast(REGISTERED, null)),
        bad(
            "cast by an unheld name: null request",
            "request",
            List.of(FREE, "request"),
            f -> Registry.cast(FREE, null)),
        bad(
            "call by name: null name",
            "name",
            List.of("call", "name"),
            f -> Registry.call(null, "request", LONG)),
        bad(
            "call by name: null request",
            "request",
            List.of(REGISTERED, "request"),
            f -> Registry.call(REGISTERED, null, LONG)),
        bad(
            "call by name: null timeout",
            "timeout",
            List.of(REGISTERED, "timeout"),
            f -> Registry.call(REGISTERED, "request", null)),
        bad(
            "call by an unheld name: negative timeout",
            "timeout",
            List.of(FREE, "negative timeout"),
            f -> Registry.call(FREE, "request", NEGATIVE)),
        // Procs
        bad(
            "spawn: null name",
            "name",
            List.of("process name is null or empty"),
            f -> Procs.spawn(null, BODY)),
        bad(
            "spawn: empty name",
            "name",
            List.of("process name is null or empty"),
            f -> Procs.spawn("", BODY)),
        bad(
            "spawn: null body",
            "body",
            List.of(PREFIX + "spawned", "body"),
            f -> Procs.spawn(PREFIX + "spawned", null)),
        bad(
            "spawnLink: null body, outside a process",
            "body",
            List.of(PREFIX + "spawned", "body"),
            f -> Procs.spawnLink(PREFIX + "spawned", null)),
        bad(
            "start: empty name",
            "name",
            List.of("process name is null or empty"),
            f -> Procs.start("", new Held())),
        bad(
            "start: null server",
            "server",
            List.of(PREFIX + "started", "server"),
            f -> Procs.start(PREFIX + "started", null)),
        bad(
            "startLink: null name, outside a process",
            "name",
            List.of("process name is null or empty"),
            f -> Procs.startLink(null, new Held())),
        bad(
            "top: negative n",
            "n",
            List.of("top", "n must not be negative"),
            f -> Procs.top(-1, TopBy.MAILBOX_LENGTH)),
        bad("top: null by", "by", List.of("top", "by"), f -> Procs.top(1, null)),
        // ProcBuilder
        bad(
            "builder: null name",
            "name",
            List.of("process name is null or empty"),
            f -> Proc.builder(null).register(FREE).spawn(BODY)),
        bad(
            "builder: empty name",
            "name",
            List.of("process name is null or empty"),
            f -> Proc.builder("").register(FREE).start(new Held())),
        bad(
            "builder spawn: null body",
            "body",
            List.of(PREFIX + "built", "body"),
            f -> Proc.builder(PREFIX + "built").register(FREE).spawn(null)),
        bad(
            "builder start: null server",
            "server",
            List.of(PREFIX + "built", "server"),
            f -> Proc.builder(PREFIX + "built").register(FREE).start(null)),
        bad(
            "builder: zero capacity",
            "capacity",
            List.of(PREFIX + "built", "capacity"),
            f -> Proc.builder(PREFIX + "built").mailbox(0, OverflowPolicy.REJECT)),
        bad(
            "builder: null policy",
            "policy",
            List.of(PREFIX + "built", "overflow policy"),
            f -> Proc.builder(PREFIX + "built").mailbox(1, null)),
        bad(
            "builder: null process to link to",
            "other",
            List.of(PREFIX + "built", "process to link to"),
            f -> Proc.builder(PREFIX + "built").linkTo(null)),
        bad(
            "builder: null registered name",
            "registeredName",
            List.of(PREFIX + "built", "registered name"),
            f -> Proc.builder(PREFIX + "built").register(null)),
        // Supervisor and its builder
        bad(
            "supervisor builder: null name",
            "name",
            List.of("supervisor name is null or empty"),
            f -> Supervisor.builder(null)),
        bad(
            "supervisor builder: empty name",
            "name",
            List.of("supervisor name is null or empty"),
            f -> Supervisor.builder("")),
        bad(
            "supervisor builder: negative maxRestarts",
            "maxRestarts",
            List.of(PREFIX + "sup", "maxRestarts"),
            f -> Supervisor.builder(PREFIX + "sup").intensity(-1, LONG)),
        bad(
            "supervisor builder: null period",
            "period",
            List.of(PREFIX + "sup", "period"),
            f -> Supervisor.builder(PREFIX + "sup").intensity(1, null)),
        bad(
            "supervisor builder: zero period",
            "period",
            List.of(PREFIX + "sup", "period must be positive"),
            f -> Supervisor.builder(PREFIX + "sup").intensity(1, Duration.ZERO)),
        bad(
            "supervisor builder: null child spec",
            "spec",
            List.of(PREFIX + "sup", "child spec"),
            f -> Supervisor.builder(PREFIX + "sup").child(null)),
        bad(
            "supervisor builder: duplicate child id",
            "spec",
            List.of(PREFIX + "sup", "duplicate child id dup"),
            f ->
                Supervisor.builder(PREFIX + "sup")
                    .child(ChildSpec.permanent("dup", START))
                    .child(ChildSpec.temporary("dup", START))),
        bad(
            "supervisor builder: null registered name",
            "registeredName",
            List.of(PREFIX + "sup", "registered name"),
            f -> Supervisor.builder(PREFIX + "sup").register(null)),
        bad(
            "supervisor: null child id",
            "id",
            List.of(SUPERVISOR, "id"),
            f -> f.supervisor.child(null)),
        bad(
            "supervisor whichChildren: null timeout",
            "timeout",
            List.of(SUPERVISOR, "timeout"),
            f -> f.supervisor.whichChildren(null)),
        bad(
            "supervisor whichChildren: negative timeout",
            "timeout",
            List.of(SUPERVISOR, "negative timeout"),
            f -> f.supervisor.whichChildren(NEGATIVE)),
        bad(
            "supervisor stop: null timeout",
            "timeout",
            List.of(SUPERVISOR, "timeout"),
            f -> f.supervisor.stop(null)),
        bad(
            "supervisor stop: negative timeout",
            "timeout",
            List.of(SUPERVISOR, "negative timeout"),
            f -> f.supervisor.stop(NEGATIVE)),
        // PartitionedOwner
        bad(
            "partitioned start: null name",
            "name",
            List.of("partitioned owner", "name is null or empty"),
            f -> PartitionedOwner.start(null, 2, SERVER_FOR)),
        bad(
            "partitioned start: empty name",
            "name",
            List.of("partitioned owner", "name is null or empty"),
            f -> PartitionedOwner.start("", 2, SERVER_FOR)),
        bad(
            "partitioned start: zero partitions",
            "partitions",
            List.of(PREFIX + "po", "partitions must be positive"),
            f -> PartitionedOwner.start(PREFIX + "po", 0, SERVER_FOR)),
        bad(
            "partitioned start: null server factory",
            "serverFor",
            List.of(PREFIX + "po", "server factory"),
            f -> PartitionedOwner.start(PREFIX + "po", 2, null)),
        bad(
            "partitioned start: negative maxRestarts",
            "maxRestarts",
            List.of(PREFIX + "po", "maxRestarts"),
            f -> PartitionedOwner.start(PREFIX + "po", 2, SERVER_FOR, -1, LONG)),
        bad(
            "partitioned start: null period",
            "period",
            List.of(PREFIX + "po", "period"),
            f -> PartitionedOwner.start(PREFIX + "po", 2, SERVER_FOR, 1, null)),
        bad(
            "partitionOf: null key",
            "key",
            List.of(PARTITIONED, "key"),
            f -> f.partitioned.partitionOf(null)),
        bad("route: null key", "key", List.of(PARTITIONED, "key"), f -> f.partitioned.route(null)),
        bad(
            "partition: negative index",
            "index",
            List.of(PARTITIONED, "partition -1 of 2"),
            f -> f.partitioned.partition(-1)),
        bad(
            "partition: index past the last",
            "index",
            List.of(PARTITIONED, "partition 2 of 2"),
            f -> f.partitioned.partition(2)),
        bad(
            "partitioned call: null key",
            "key",
            List.of(PARTITIONED, "key"),
            f -> f.partitioned.call(null, "request", LONG)),
        bad(
            "partitioned call: null request",
            "request",
            List.of(PARTITIONED, "request"),
            f -> f.partitioned.call("key", null, LONG)),
        bad(
            "partitioned call: negative timeout",
            "timeout",
            List.of(PARTITIONED, "negative timeout"),
            f -> f.partitioned.call("key", "request", NEGATIVE)),
        bad(
            "partitioned cast: null key",
            "key",
            List.of(PARTITIONED, "key"),
            f -> f.partitioned.cast(null, "request")),
        bad(
            "partitioned cast: null request",
            "request",
            List.of(PARTITIONED, "request"),
            f -> f.partitioned.cast("key", null)),
        bad(
            "partitioned send: null key",
            "key",
            List.of(PARTITIONED, "key"),
            f -> f.partitioned.send(null, "message")),
        bad(
            "partitioned send: null message",
            "message",
            List.of(PARTITIONED, "message"),
            f -> f.partitioned.send("key", null)),
        bad(
            "partitioned stop: null timeout",
            "timeout",
            List.of(PARTITIONED, "timeout"),
            f -> f.partitioned.stop(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInputIsABadProcessArgumentNamingTheProcessAndTheArgumentAndChangesNothing(
      String name, String argument, List<String> named, BadCall call) throws Exception {
    Fixture f = Fixture.start();
    try {
      State before = f.state();

      BadProcessArgumentException e =
          assertThrows(BadProcessArgumentException.class, () -> call.run(f));

      assertEquals(argument, e.argument());
      for (String fragment : named) {
        assertTrue(e.getMessage().contains(fragment), e.getMessage() + " names " + fragment);
      }
      assertEquals(before, f.state(), "a call that failed with bad input changed something");
      assertTrue(Registry.whereis(FREE).isEmpty(), "a failed call took a name");
    } finally {
      f.stop();
    }
  }

  /** Cases that need no process: values whose constructors check their arguments. */
  static Stream<Arguments> badValues() {
    Duration second = Duration.ofSeconds(1);
    return Stream.of(
        bad(
            "child spec: null id",
            "id",
            List.of("child spec", "id"),
            f -> new ChildSpec(null, START, RestartType.PERMANENT, second)),
        bad(
            "child spec: null start",
            "start",
            List.of("child spec spec-id", "start"),
            f -> new ChildSpec("spec-id", null, RestartType.PERMANENT, second)),
        bad(
            "child spec: null restart type",
            "restart",
            List.of("child spec spec-id", "restart type"),
            f -> new ChildSpec("spec-id", START, null, second)),
        bad(
            "child spec: null shutdown",
            "shutdown",
            List.of("child spec spec-id", "shutdown"),
            f -> new ChildSpec("spec-id", START, RestartType.PERMANENT, null)),
        bad(
            "child spec: negative shutdown",
            "shutdown",
            List.of("child spec spec-id", "negative shutdown"),
            f -> new ChildSpec("spec-id", START, RestartType.PERMANENT, NEGATIVE)),
        bad(
            "permanent child: null id",
            "id",
            List.of("child spec", "id"),
            f -> ChildSpec.permanent(null, START)),
        bad(
            "transient child: null start",
            "start",
            List.of("child spec spec-id", "start"),
            f -> ChildSpec.transientChild("spec-id", null)),
        bad(
            "temporary child: null start",
            "start",
            List.of("child spec spec-id", "start"),
            f -> ChildSpec.temporary("spec-id", null)),
        bad(
            "withShutdown: negative",
            "shutdown",
            List.of("child spec spec-id", "negative shutdown"),
            f -> ChildSpec.permanent("spec-id", START).withShutdown(NEGATIVE)),
        bad("Next.stop: null reason", "reason", List.of("reason"), f -> Next.stop(null, "state")),
        bad(
            "Next.stopAndReply: null reason",
            "reason",
            List.of("reason"),
            f -> Next.stopAndReply(null, "reply", "state")),
        bad(
            "Next.Stop: null reason",
            "reason",
            List.of("reason"),
            f -> new Next.Stop<>(null, false, null, "state")),
        bad(
            "Reply.withTimeout: null",
            "inactivity",
            List.of("inactivity timeout"),
            f -> Next.reply("reply", "state").withTimeout(null)),
        bad(
            "Reply.withTimeout: negative",
            "inactivity",
            List.of("inactivity timeout must not be negative"),
            f -> Next.reply("reply", "state").withTimeout(NEGATIVE)),
        bad(
            "Reply.thenContinue: null",
            "argument",
            List.of("continue argument"),
            f -> Next.reply("reply", "state").thenContinue(null)),
        bad(
            "Reply: negative timeout",
            "timeout",
            List.of("inactivity timeout must not be negative"),
            f -> new Next.Reply<>("reply", "state", NEGATIVE, null)),
        bad(
            "NoReply.withTimeout: null",
            "inactivity",
            List.of("inactivity timeout"),
            f -> Next.noReply("state").withTimeout(null)),
        bad(
            "NoReply.withTimeout: negative",
            "inactivity",
            List.of("inactivity timeout must not be negative"),
            f -> Next.noReply("state").withTimeout(NEGATIVE)),
        bad(
            "NoReply.thenContinue: null",
            "argument",
            List.of("continue argument"),
            f -> Next.noReply("state").thenContinue(null)),
        bad(
            "NoReply: negative timeout",
            "timeout",
            List.of("inactivity timeout must not be negative"),
            f -> new Next.NoReply<>("state", NEGATIVE, null)),
        bad(
            "ExitException: null reason",
            "reason",
            List.of("exit", "reason"),
            f -> new ExitException(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValueIsABadProcessArgumentNamingTheArgument(
      String name, String argument, List<String> named, BadCall call) {
    BadProcessArgumentException e =
        assertThrows(BadProcessArgumentException.class, () -> call.run(null));
    assertEquals(argument, e.argument());
    for (String fragment : named) {
      assertTrue(e.getMessage().contains(fragment), e.getMessage() + " names " + fragment);
    }
  }

  @Test
  void aRefusedMailboxSettingLeavesTheBuilderAsItWas() throws Exception {
    ProcBuilder builder = Proc.builder(PREFIX + "unbounded");
    assertThrows(BadProcessArgumentException.class, () -> builder.mailbox(1, null));
    Proc proc = held(builder);
    try {
      // Still unbounded: the refused call did not set a bound of 1.
      assertTrue(proc.send(1));
      assertTrue(proc.send(2));
      assertTrue(proc.send(3));
      assertEquals(3, proc.mailboxLength());
      assertEquals(0, proc.droppedCount());
    } finally {
      proc.exit(ExitReason.KILL);
      exitOf(proc);
    }
  }

  @Test
  void aRefusedChildLeavesTheSupervisorBuilderAsItWas() {
    SupervisorBuilder builder =
        Supervisor.builder(PREFIX + "one-child").child(ChildSpec.permanent("only", START));
    assertThrows(
        BadProcessArgumentException.class, () -> builder.child(ChildSpec.temporary("only", START)));
    Supervisor supervisor = builder.start();
    try {
      assertEquals(Set.of("only"), supervisor.children().keySet());
    } finally {
      supervisor.stop(LONG);
    }
  }

  @Test
  void everyProcessErrorIsAProcessExceptionAndAJetsException() throws Exception {
    List<RuntimeException> all =
        List.of(
            new BadProcessArgumentException("timeout", "call x: timeout is null"),
            new NoProcessException("no process"),
            new CallTimeoutException("timed out"),
            new CallFailedException("failed", ExitReason.NORMAL),
            new CallInterruptedException("interrupted"),
            new MailboxOverloadedException("full"),
            new NameInUseException("taken"),
            new ProcStartException("not started", ExitReason.SHUTDOWN));
    for (RuntimeException e : all) {
      assertInstanceOf(ProcessException.class, e, e.getClass().getName());
      assertInstanceOf(JetsException.class, e, e.getClass().getName());
    }
    // An exit is control flow: a handler of jets' failures must never swallow it.
    assertFalse(JetsException.class.isInstance(new ExitException(ExitReason.NORMAL)));

    Proc exited = Procs.spawn(PREFIX + "exited", me -> {});
    exitOf(exited);
    ProcessException noProcess =
        assertThrows(ProcessException.class, () -> exited.call("request", LONG));
    assertInstanceOf(NoProcessException.class, noProcess);
    assertTrue(noProcess.getMessage().contains(PREFIX + "exited"), noProcess.getMessage());
  }

  @Test
  void processExceptionKeepsItsMessageAndCause() {
    IllegalStateException cause = new IllegalStateException("underneath");
    ProcessException plain = new ProcessException("process p: failed");
    ProcessException caused = new ProcessException("process p: failed", cause);
    assertEquals("process p: failed", plain.getMessage());
    assertNull(plain.getCause());
    assertSame(cause, caused.getCause());
    assertEquals("process p: failed", caused.getMessage());
  }

  @Test
  void anExitExceptionIsControlFlowWithoutAStackTraceOrSuppressedExceptions() {
    ExitException exit = new ExitException(ExitReason.SHUTDOWN);
    assertEquals(0, exit.getStackTrace().length);
    exit.addSuppressed(new IllegalStateException("ignored"));
    assertEquals(0, exit.getSuppressed().length);
    assertNull(exit.getCause());
    assertSame(ExitReason.SHUTDOWN, exit.reason());
    assertEquals("exit: " + ExitReason.SHUTDOWN, exit.getMessage());
  }

  @Test
  void theWrongCallingThreadIsAnIllegalStateNotABadArgument() throws Exception {
    Proc target = held(Proc.builder(TARGET));
    try {
      assertIllegalState(() -> target.receive(LONG), "receive", TARGET);
      assertIllegalState(target::receive, "receive", TARGET);
      assertIllegalState(() -> target.trapExit(true), "trapExit", TARGET);
      assertFalse(target.trapsExits());
      assertIllegalState(Procs::self, "self()");
      assertIllegalState(() -> Procs.spawnLink(PREFIX + "linked", BODY), PREFIX + "linked");
      assertIllegalState(() -> Procs.startLink(PREFIX + "linked", new Held()), PREFIX + "linked");
      assertIllegalState(
          () -> Proc.builder(PREFIX + "linked").linkToCaller().register(FREE).spawn(BODY),
          PREFIX + "linked");
      assertIllegalState(
          () -> Supervisor.builder(PREFIX + "linked").linkToCaller().register(FREE).start(),
          PREFIX + "linked");
      assertTrue(Registry.whereis(FREE).isEmpty());
      assertTrue(
          Procs.list().stream().noneMatch(proc -> proc.name().equals(PREFIX + "linked")),
          "a process was started");
      assertEquals(0, target.mailboxLength());
    } finally {
      target.exit(ExitReason.KILL);
      exitOf(target);
    }
  }

  @Test
  void aProcessCallingItselfIsAnIllegalStateAndItsMailboxIsUnchanged() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Integer> mailbox = new CompletableFuture<>();
    Proc proc =
        Procs.spawn(
            PREFIX + "self-caller",
            me -> {
              try {
                me.call("request", LONG);
              } catch (RuntimeException e) {
                failure.complete(e);
              }
              mailbox.complete(me.mailboxLength());
            });
    exitOf(proc);
    IllegalStateException e = assertInstanceOf(IllegalStateException.class, failure.get());
    assertTrue(e.getMessage().contains(PREFIX + "self-caller"), e.getMessage());
    assertEquals(0, mailbox.get());
  }

  private static void assertIllegalState(Executable call, String... named) {
    IllegalStateException e = assertThrows(IllegalStateException.class, call);
    for (String fragment : named) {
      assertTrue(e.getMessage().contains(fragment), e.getMessage() + " names " + fragment);
    }
  }
}
