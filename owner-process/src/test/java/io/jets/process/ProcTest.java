package io.jets.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Lifecycle, mailbox and crash semantics of plain processes. */
class ProcTest {

  static final Duration LONG = Duration.ofSeconds(10);

  static ExitReason exitOf(Proc proc) throws InterruptedException {
    return proc.awaitExit(LONG).orElseThrow(() -> new AssertionError(proc + " did not exit"));
  }

  @Test
  void bodyThatReturnsExitsNormallyAndIsCurrentOwnerWhileItRuns() throws Exception {
    AtomicReference<Owner> seen = new AtomicReference<>();
    AtomicReference<Proc> self = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "returns",
            me -> {
              seen.set(Owner.current());
              self.set(Procs.self());
            });
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    assertSame(proc, seen.get());
    assertSame(proc, self.get());
    assertFalse(proc.isAlive());
    assertEquals(ProcStatus.EXITED, proc.status());
    assertFalse(Procs.list().contains(proc));
  }

  @Test
  void bodyThatThrowsExitsWithTheExceptionAsReason() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    Proc proc =
        Procs.spawn(
            "throws",
            me -> {
              throw boom;
            });
    ExitReason reason = exitOf(proc);
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, reason);
    assertSame(boom, crash.cause());
  }

  @Test
  void exitExceptionChoosesTheReason() throws Exception {
    Proc proc =
        Procs.spawn(
            "shuts-down",
            me -> {
              throw new ExitException(ExitReason.SHUTDOWN);
            });
    assertEquals(ExitReason.SHUTDOWN, exitOf(proc));
  }

  @Test
  void messagesFromOneSenderArriveInOrder() throws Exception {
    int count = 10_000;
    AtomicReference<List<Object>> received = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "collector",
            me -> {
              List<Object> messages = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                messages.add(me.receive());
              }
              received.set(messages);
            });
    for (int i = 0; i < count; i++) {
      assertTrue(proc.send(i));
    }
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    for (int i = 0; i < count; i++) {
      assertEquals(i, received.get().get(i));
    }
    assertEquals(count, proc.processedCount());
  }

  @Test
  void receiveTimesOutWithEmpty() throws Exception {
    AtomicReference<Optional<Object>> got = new AtomicReference<>();
    Proc proc = Procs.spawn("times-out", me -> got.set(me.receive(Duration.ofMillis(20))));
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    assertEquals(Optional.empty(), got.get());
  }

  @Test
  void receiveWithAZeroOrNegativeTimeoutDoesNotWait() throws Exception {
    AtomicReference<List<Optional<Object>>> got = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "does-not-wait",
            me ->
                got.set(
                    List.of(
                        me.receive(Duration.ZERO),
                        me.receive(Duration.ofNanos(-1)),
                        me.receive(Duration.ofDays(-1)))));
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), got.get());
  }

  @Test
  void receiveFromAnotherThreadIsRefusedNamingTheProcess() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc proc = Procs.spawn("private-mailbox", me -> release.await());
    IllegalStateException e = assertThrows(IllegalStateException.class, proc::receive);
    assertTrue(e.getMessage().contains("private-mailbox"), e.getMessage());
    release.countDown();
    exitOf(proc);
  }

  @Test
  void manySendersNoMessageLost() throws Exception {
    int senders = 4;
    int each = 5_000;
    AtomicReference<long[]> lastSeen = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "many-senders",
            me -> {
              long[] last = new long[senders];
              java.util.Arrays.fill(last, -1);
              for (int i = 0; i < senders * each; i++) {
                long[] message = (long[]) me.receive();
                int sender = (int) message[0];
                if (message[1] != last[sender] + 1) {
                  throw new AssertionError(
                      "sender "
                          + sender
                          + " out of order: "
                          + message[1]
                          + " after "
                          + last[sender]);
                }
                last[sender] = message[1];
              }
              lastSeen.set(last);
            });
    try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        long sender = s;
        futures.add(
            pool.submit(
                () -> {
                  for (long i = 0; i < each; i++) {
                    proc.send(new long[] {sender, i});
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    for (long last : lastSeen.get()) {
      assertEquals(each - 1, last);
    }
  }

  @Test
  void plainProcessAnswersACallThroughItsReplyHandle() throws Exception {
    Proc proc =
        Procs.spawn(
            "echo",
            me -> {
              Call call = (Call) me.receive();
              call.replyTo().reply("echo:" + call.request());
            });
    assertEquals("echo:hi", proc.call("hi", LONG));
    exitOf(proc);
  }

  @Test
  void sendAndCastToAnExitedProcessAreDroppedAndCallFailsAtOnce() throws Exception {
    Proc proc = Procs.spawn("gone", me -> {});
    exitOf(proc);
    assertFalse(proc.send("late"));
    assertFalse(proc.cast("late"));
    long started = System.nanoTime();
    NoProcessException e = assertThrows(NoProcessException.class, () -> proc.call("late", LONG));
    assertTrue(System.nanoTime() - started < LONG.toNanos() / 2, "the call waited");
    assertTrue(e.getMessage().contains("gone"), e.getMessage());
  }

  @Test
  void statusIsRunningWhileBodyRunsAndCountersAreExposed() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Proc proc =
        Procs.spawn(
            "status",
            me -> {
              me.receive();
              running.countDown();
              release.await();
            });
    proc.send("first");
    running.await();
    proc.send("waiting-1");
    proc.send("waiting-2");
    ProcInfo info = proc.info();
    assertEquals(ProcStatus.RUNNING, info.status());
    assertEquals(2, info.mailboxLength());
    assertEquals(1, info.processedCount());
    assertTrue(Procs.list().contains(proc));
    release.countDown();
    exitOf(proc);
    assertEquals(ProcStatus.EXITED, proc.status());
  }

  @Test
  void topRanksByMailboxLengthAndByProcessed() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Proc> procs = new ArrayList<>();
    int[] queued = {3, 9, 5};
    int[] handled = {4, 1, 7};
    List<CountDownLatch> ready = new ArrayList<>();
    for (int i = 0; i < queued.length; i++) {
      int toHandle = handled[i];
      CountDownLatch done = new CountDownLatch(1);
      ready.add(done);
      Proc proc =
          Procs.spawn(
              "top-" + i,
              me -> {
                for (int n = 0; n < toHandle; n++) {
                  me.receive();
                }
                done.countDown();
                release.await();
              });
      for (int n = 0; n < toHandle; n++) {
        proc.send(n);
      }
      procs.add(proc);
    }
    for (CountDownLatch done : ready) {
      done.await();
    }
    for (int i = 0; i < queued.length; i++) {
      for (int n = 0; n < queued[i]; n++) {
        procs.get(i).send(n);
      }
    }
    List<Proc> byMailbox =
        Procs.top(Integer.MAX_VALUE, TopBy.MAILBOX_LENGTH).stream()
            .map(ProcInfo::proc)
            .filter(procs::contains)
            .toList();
    assertEquals(List.of(procs.get(1), procs.get(2), procs.get(0)), byMailbox);
    List<Proc> byProcessed =
        Procs.top(Integer.MAX_VALUE, TopBy.PROCESSED).stream()
            .map(ProcInfo::proc)
            .filter(procs::contains)
            .toList();
    assertEquals(List.of(procs.get(2), procs.get(0), procs.get(1)), byProcessed);
    assertEquals(1, Procs.top(1, TopBy.MAILBOX_LENGTH).size());
    release.countDown();
    for (Proc proc : procs) {
      exitOf(proc);
    }
  }

  @Test
  void selfOutsideAProcessIsRefused() {
    assertThrows(IllegalStateException.class, Procs::self);
    assertTrue(Procs.current().isEmpty());
  }

  /** The introspection counters are opaque and release stores now: still exact once idle. */
  @Test
  void aProcessBlockedInReceiveReportsWaitingAndExactlyTheMessagesItTook() throws Exception {
    CountDownLatch took = new CountDownLatch(3);
    Proc proc =
        Procs.spawn(
            "waiter",
            me -> {
              while (true) {
                me.receive();
                took.countDown();
              }
            });
    for (int i = 0; i < 3; i++) {
      assertTrue(proc.send(i));
    }
    took.await();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (proc.status() != ProcStatus.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // the process publishes WAITING just before it parks
    }
    assertEquals(ProcStatus.WAITING, proc.status());
    assertEquals(3, proc.processedCount());
    assertEquals(3, proc.info().processedCount());
    proc.exit(ExitReason.KILL);
    exitOf(proc);
    assertEquals(ProcStatus.EXITED, proc.status());
  }

  /**
   * ExitListener: "A listener that throws does not stop the others", and a process's exit is then
   * announced (name released, monitors fired, awaitExit returns), also when the listener throws an
   * Error: otherwise the later listeners (table deletion, term erasure) and the rest of the exit
   * never run and whoever waits for the process waits forever.
   */
  @Test
  void anExitListenerThatThrowsAnErrorStopsNeitherTheOtherListenersNorTheExit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc proc =
        Proc.builder("error-listener").register("error-listener-name").spawn(me -> release.await());
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    proc.onExit(
        (owner, reason) -> {
          ran.add("first");
          throw new AssertionError("listener failed on purpose");
        });
    proc.onExit((owner, reason) -> ran.add("second"));
    java.util.concurrent.CompletableFuture<Object> down =
        new java.util.concurrent.CompletableFuture<>();
    Proc watcher = Procs.spawn("error-listener-watcher", me -> down.complete(me.receive()));
    proc.monitor(watcher);
    release.countDown();
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    assertEquals(List.of("first", "second"), ran);
    Down signal = (Down) down.get(LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    assertSame(proc, signal.proc());
    assertTrue(Registry.whereis("error-listener-name").isEmpty());
  }
}
