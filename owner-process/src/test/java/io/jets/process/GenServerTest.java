package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The GenServer behaviour: init and continue, call, cast, info, timeouts, stop and crashes. */
class GenServerTest {

  /** A counter server: call "get", cast "inc", call "crash", call "stop". */
  static final class Counter implements GenServer<Integer> {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicReference<ExitReason> terminated = new AtomicReference<>();

    @Override
    public Next<Integer> init() {
      events.add("init");
      return Next.noReply(0);
    }

    @Override
    public Next<Integer> handleCall(Object request, ReplyTo from, Integer state) {
      return switch ((String) request) {
        case "get" -> Next.reply(state, state);
        case "crash" -> throw new IllegalArgumentException("asked to crash");
        case "stop" -> Next.stopAndReply(ExitReason.NORMAL, "bye", state);
        default -> throw new IllegalArgumentException("unknown " + request);
      };
    }

    @Override
    public Next<Integer> handleCast(Object request, Integer state) {
      return Next.noReply(state + 1);
    }

    @Override
    public void terminate(ExitReason reason, Integer state) {
      terminated.set(reason);
    }
  }

  @Test
  void callReturnsTheReplyAndCastsAreHandledInOrder() throws Exception {
    Counter counter = new Counter();
    Proc server = Procs.start("counter", counter);
    for (int i = 0; i < 100; i++) {
      assertTrue(server.cast("inc"));
    }
    assertEquals(100, server.call("get", LONG));
    assertEquals("bye", server.call("stop", LONG));
    assertEquals(ExitReason.NORMAL, exitOf(server));
    assertEquals(ExitReason.NORMAL, counter.terminated.get());
  }

  @Test
  void callTimesOutWithAClearException() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc server =
        Procs.start(
            "slow",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                return Next.noReply("s");
              }

              @Override
              public Next<String> handleCall(Object request, ReplyTo from, String state)
                  throws Exception {
                release.await();
                return Next.reply("late", state);
              }
            });
    CallTimeoutException e =
        assertThrows(CallTimeoutException.class, () -> server.call("work", Duration.ofMillis(50)));
    assertTrue(e.getMessage().contains("slow") && e.getMessage().contains("work"), e.getMessage());
    release.countDown();
    assertEquals(
        "late", server.call("work", LONG)); // the server survived; the late reply was dropped
    server.exit(ExitReason.KILL);
    assertEquals(ExitReason.KILL, exitOf(server));
  }

  @Test
  void continueStepRunsBeforeTheFirstCallAndAfterStartReturns() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch inContinue = new CountDownLatch(1);
    CountDownLatch finishContinue = new CountDownLatch(1);
    Proc server =
        Procs.start(
            "continues",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                events.add("init");
                return Next.noReply("empty").thenContinue("load");
              }

              @Override
              public Next<String> handleContinue(Object argument, String state) throws Exception {
                inContinue.countDown();
                finishContinue.await();
                events.add("continue " + argument);
                return Next.noReply("loaded");
              }

              @Override
              public Next<String> handleCall(Object request, ReplyTo from, String state) {
                events.add("call");
                return Next.reply(state, state);
              }
            });
    inContinue.await(); // start returned although the continue step has not finished
    CompletableFuture<Object> reply = CompletableFuture.supplyAsync(() -> server.call("get", LONG));
    assertThrows(TimeoutException.class, () -> reply.get(100, TimeUnit.MILLISECONDS));
    finishContinue.countDown();
    assertEquals("loaded", reply.get(10, TimeUnit.SECONDS));
    assertEquals(List.of("init", "continue load", "call"), events);
    server.exit(ExitReason.KILL);
    exitOf(server);
  }

  @Test
  void deferredReplyFromAnotherThread() throws Exception {
    Proc server =
        Procs.start(
            "defers",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                return Next.noReply("s");
              }

              @Override
              public Next<String> handleCall(Object request, ReplyTo from, String state) {
                Thread.ofVirtual().start(() -> from.reply("later:" + request));
                return Next.noReply(state);
              }
            });
    assertEquals("later:x", server.call("x", LONG));
    server.exit(ExitReason.KILL);
    exitOf(server);
  }

  @Test
  void exceptionInACallbackExitsTheServerWithItAndFailsTheCaller() throws Exception {
    Counter counter = new Counter();
    Proc server = Procs.start("crashes", counter);
    CallFailedException e =
        assertThrows(CallFailedException.class, () -> server.call("crash", LONG));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, exitOf(server));
    assertEquals("asked to crash", crash.cause().getMessage());
    assertSame(crash, counter.terminated.get()); // terminate ran with the crash reason
  }

  @Test
  void initFailureFailsTheStart() throws Exception {
    ProcStartException thrown =
        assertThrows(
            ProcStartException.class,
            () ->
                Procs.start(
                    "bad-init",
                    () -> {
                      throw new IllegalStateException("no config");
                    }));
    assertEquals("no config", thrown.getCause().getMessage());
    ProcStartException stopped =
        assertThrows(
            ProcStartException.class,
            () -> Procs.start("stops-in-init", () -> Next.stop(ExitReason.SHUTDOWN, null)));
    assertEquals(ExitReason.SHUTDOWN, stopped.reason());
  }

  @Test
  void replyFromHandleCastIsABadReturnThatCrashesTheServer() throws Exception {
    Proc server =
        Procs.start(
            "bad-return",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                return Next.noReply("s");
              }

              @Override
              public Next<String> handleCast(Object request, String state) {
                return Next.reply("nobody asked", state);
              }
            });
    server.cast("go");
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, exitOf(server));
    assertTrue(crash.cause().getMessage().contains("handleCast"), crash.cause().getMessage());
  }

  @Test
  void inactivityTimeoutCallsHandleTimeoutWhenNoMessageArrives() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);
    List<Object> infos = new CopyOnWriteArrayList<>();
    Proc server =
        Procs.start(
            "idle",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                // Long enough that the test's message always comes first, however late the
                // test thread runs; the 30 ms after it then expires with nothing arriving.
                return Next.noReply("s").withTimeout(Duration.ofSeconds(10));
              }

              @Override
              public Next<String> handleInfo(Object message, String state) {
                infos.add(message);
                return Next.noReply(state).withTimeout(Duration.ofMillis(30));
              }

              @Override
              public Next<String> handleTimeout(String state) {
                timedOut.countDown();
                return Next.stop(ExitReason.NORMAL, state);
              }
            });
    server.send("activity");
    assertTrue(timedOut.await(10, TimeUnit.SECONDS));
    assertEquals(ExitReason.NORMAL, exitOf(server));
    assertEquals(List.of("activity"), infos);
  }

  @Test
  void defaultHandleInfoIgnoresUnexpectedMessages() throws Exception {
    Counter counter = new Counter();
    Proc server = Procs.start("ignores", counter);
    server.send("unexpected");
    server.cast("inc");
    assertEquals(1, server.call("get", LONG));
    assertTrue(server.isAlive());
    server.call("stop", LONG);
    exitOf(server);
  }

  @Test
  void callerKilledWhileWaitingUnwindsWithItsExit() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Proc server =
        Procs.start(
            "never-answers",
            new GenServer<String>() {
              @Override
              public Next<String> init() {
                return Next.noReply("s");
              }

              @Override
              public Next<String> handleCall(Object request, ReplyTo from, String state) {
                never.countDown();
                return Next.noReply(state);
              }
            });
    Proc caller = Procs.spawn("caller", me -> server.call("hang", Duration.ofDays(1)));
    never.await();
    caller.exit(ExitReason.SHUTDOWN);
    assertEquals(ExitReason.SHUTDOWN, exitOf(caller));
    assertFalse(caller.isAlive());
    server.exit(ExitReason.KILL);
    exitOf(server);
  }

  @Test
  void callingItselfIsRefused() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "self-caller",
            me -> {
              try {
                me.call("x", LONG);
              } catch (IllegalStateException e) {
                failure.set(e);
              }
            });
    exitOf(proc);
    assertInstanceOf(IllegalStateException.class, failure.get());
  }

  /**
   * GenServer#terminate: "It does not run when an exit signal the server does not trap ends it, nor
   * on KILL". A server killed while a callback runs (one that does not wait on anything the kill
   * interrupts) must not run terminate when that callback then returns stop; before, it did, after
   * the server had exited and its tables had gone.
   */
  @Test
  void aServerKilledInsideACallbackThatThenReturnsStopDoesNotTerminate() throws Exception {
    CountDownLatch inCallback = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    List<ExitReason> terminated = new CopyOnWriteArrayList<>();
    Proc server =
        Procs.start(
            "killed-in-callback",
            new GenServer<Integer>() {
              @Override
              public Next<Integer> init() {
                return Next.noReply(0);
              }

              @Override
              public Next<Integer> handleCast(Object request, Integer state) {
                inCallback.countDown();
                boolean finished = false;
                while (!finished) {
                  try {
                    finish.await(); // not cut short by the kill's interrupt
                    finished = true;
                  } catch (InterruptedException killed) {
                    // keep waiting: the callback returns stop once released
                  }
                }
                return Next.stop(ExitReason.NORMAL, state);
              }

              @Override
              public void terminate(ExitReason reason, Integer state) {
                terminated.add(reason);
              }
            });
    assertTrue(server.cast("work"));
    inCallback.await();
    server.exit(ExitReason.KILL);
    assertEquals(ExitReason.KILL, exitOf(server));
    finish.countDown();
    assertTrue(server.thread.join(LONG), "the server's thread did not end");
    assertEquals(List.of(), terminated);
  }
}
