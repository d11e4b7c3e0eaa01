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
import io.jets.owner.OwnerScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Links, exit signals, trap-exit and monitors. */
class LinkMonitorTest {

  static Proc idle(String name) {
    return Procs.spawn(
        name,
        me -> {
          while (true) {
            me.receive();
          }
        });
  }

  @Test
  void crashPropagatesAlongAChainOfLinks() throws Exception {
    Proc a = idle("a");
    Proc b = idle("b");
    Proc c = idle("c");
    assertTrue(a.link(b));
    assertTrue(b.link(c));
    c.exit(ExitReason.crash(new IllegalStateException("c failed")));
    ExitReason reasonC = exitOf(c);
    assertSame(reasonC, exitOf(b));
    assertSame(reasonC, exitOf(a));
  }

  @Test
  void longChainOfLinksDoesNotOverflowTheStack() throws Exception {
    List<Proc> chain = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Proc next = idle("chain-" + i);
      if (!chain.isEmpty()) {
        chain.getLast().link(next);
      }
      chain.add(next);
    }
    chain.getLast().exit(ExitReason.SHUTDOWN);
    for (Proc proc : chain) {
      assertEquals(ExitReason.SHUTDOWN, exitOf(proc));
    }
  }

  @Test
  void normalExitDoesNotKillLinkedProcesses() throws Exception {
    CountDownLatch linked = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Proc survivor = idle("survivor");
    Proc worker =
        Procs.spawn(
            "finishes",
            me -> {
              me.link(survivor);
              linked.countDown();
              finish.await();
            });
    linked.await();
    finish.countDown();
    assertEquals(ExitReason.NORMAL, exitOf(worker));
    assertEquals(Optional.empty(), survivor.awaitExit(java.time.Duration.ofMillis(50)));
    assertTrue(survivor.isAlive());
    assertTrue(survivor.links().isEmpty());
    survivor.exit(ExitReason.KILL);
    exitOf(survivor);
  }

  @Test
  void trapExitTurnsExitSignalsIntoMessages() throws Exception {
    AtomicReference<ExitSignal> received = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(1);
    AtomicReference<Proc> child = new AtomicReference<>();
    Proc trapper =
        Procs.spawn(
            "trapper",
            me -> {
              me.trapExit(true);
              child.set(
                  Procs.spawnLink(
                      "doomed",
                      doomed -> {
                        throw new IllegalStateException("doomed");
                      }));
              ready.countDown();
              received.set((ExitSignal) me.receive());
            });
    assertEquals(ExitReason.NORMAL, exitOf(trapper));
    ready.await();
    assertSame(child.get(), received.get().from());
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, received.get().reason());
    assertEquals("doomed", crash.cause().getMessage());
  }

  @Test
  void killCannotBeTrappedButOtherSignalsCan() throws Exception {
    AtomicReference<Object> message = new AtomicReference<>();
    CountDownLatch trapping = new CountDownLatch(1);
    Proc trapper =
        Procs.spawn(
            "trap-all",
            me -> {
              me.trapExit(true);
              trapping.countDown();
              message.set(me.receive());
              me.receive(); // waits for the kill
            });
    trapping.await();
    trapper.exit(ExitReason.SHUTDOWN);
    trapper.exit(ExitReason.KILL);
    assertEquals(ExitReason.KILL, exitOf(trapper));
    // The shutdown was trapped (or the kill came first and nothing was received).
    if (message.get() != null) {
      assertEquals(ExitReason.SHUTDOWN, ((ExitSignal) message.get()).reason());
    }
  }

  @Test
  void linkToACrashedProcessDeliversItsCrash() throws Exception {
    Proc dead =
        Procs.spawn(
            "dead",
            me -> {
              throw new IllegalStateException("gone");
            });
    exitOf(dead);
    Proc linker = idle("linker");
    assertFalse(linker.link(dead));
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, exitOf(linker));
    assertEquals("gone", crash.cause().getMessage(), "the real reason, not noproc");
  }

  @Test
  void linkToAProcessThatEndedNormallyDeliversNormal() throws Exception {
    Proc dead = Procs.spawn("ended", me -> {});
    exitOf(dead);
    AtomicReference<Object> received = new AtomicReference<>();
    CountDownLatch linked = new CountDownLatch(1);
    Proc trapper =
        Procs.spawn(
            "late-linker",
            me -> {
              me.trapExit(true);
              assertFalse(me.link(dead));
              linked.countDown();
              received.set(me.receive());
            });
    assertEquals(ExitReason.NORMAL, exitOf(trapper));
    linked.await();
    ExitSignal signal = assertInstanceOf(ExitSignal.class, received.get());
    assertSame(dead, signal.from());
    assertEquals(ExitReason.NORMAL, signal.reason());
    Proc plain = idle("plain-linker");
    assertFalse(plain.link(dead));
    assertTrue(plain.isAlive(), "a normal exit signal is ignored by a process that does not trap");
    plain.exit(ExitReason.KILL);
    exitOf(plain);
  }

  @Test
  void monitorDeliversExactlyOneDown() throws Exception {
    try (OwnerScope watcher = OwnerScope.open("watcher")) {
      Proc proc = idle("watched");
      MonitorRef first = proc.monitor(watcher);
      MonitorRef second = proc.monitor(watcher);
      proc.exit(ExitReason.SHUTDOWN);
      exitOf(proc);
      List<Object> downs = new ArrayList<>();
      downs.add(watcher.receive(LONG).orElseThrow());
      downs.add(watcher.receive(LONG).orElseThrow());
      assertTrue(watcher.drain().isEmpty(), "more than one DOWN per monitor");
      assertEquals(List.of(first, second), downs.stream().map(m -> ((Down) m).monitor()).toList());
      for (Object down : downs) {
        assertSame(proc, ((Down) down).proc());
        assertEquals(ExitReason.SHUTDOWN, ((Down) down).reason());
      }
      assertFalse(first.isActive());
      assertFalse(first.demonitor());
    }
  }

  @Test
  void monitorsRacingTheExitEachGetExactlyOneDown() throws Exception {
    int threads = 4;
    int perThread = 200;
    for (int round = 0; round < 20; round++) {
      try (OwnerScope watcher = OwnerScope.open("watcher")) {
        Proc proc = idle("raced-" + round);
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> monitoring = new ArrayList<>();
        java.util.Queue<MonitorRef> refs = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
          monitoring.add(
              Thread.ofPlatform()
                  .start(
                      () -> {
                        try {
                          start.await();
                          for (int i = 0; i < perThread; i++) {
                            refs.add(proc.monitor(watcher));
                          }
                        } catch (Exception e) {
                          throw new AssertionError(e);
                        }
                      }));
        }
        start.await();
        proc.exit(ExitReason.SHUTDOWN);
        for (Thread thread : monitoring) {
          thread.join();
        }
        exitOf(proc);
        Map<MonitorRef, Integer> downsPerRef = new HashMap<>();
        for (Object message : watcher.drain()) {
          downsPerRef.merge(((Down) message).monitor(), 1, Integer::sum);
        }
        assertEquals(threads * perThread, refs.size());
        for (MonitorRef ref : refs) {
          assertEquals(1, downsPerRef.getOrDefault(ref, 0), "DOWN count for " + ref);
        }
      }
    }
  }

  @Test
  void demonitorBeforeExitMeansNoDown() throws Exception {
    try (OwnerScope watcher = OwnerScope.open("watcher")) {
      Proc proc = idle("demonitored");
      MonitorRef ref = proc.monitor(watcher);
      assertTrue(ref.demonitor());
      proc.exit(ExitReason.KILL);
      exitOf(proc);
      assertTrue(watcher.drain().isEmpty());
    }
  }

  @Test
  void monitorOfAnExitedProcessDeliversDownAtOnce() throws Exception {
    try (OwnerScope watcher = OwnerScope.open("watcher")) {
      Proc proc = Procs.spawn("already-gone", me -> {});
      exitOf(proc);
      proc.monitor(watcher);
      Down down = (Down) watcher.poll().orElseThrow();
      assertEquals(ExitReason.NORMAL, down.reason());
    }
  }

  /**
   * A monitor on behalf of a process that has already exited is stopped from the start, as the
   * process's own monitors were when it exited: the monitored process holds nothing for it.
   */
  @Test
  void aMonitorForAnExitedWatcherIsNotKept() throws Exception {
    Proc watcher = Procs.spawn("gone-watcher", me -> {});
    exitOf(watcher);
    Proc proc = idle("watched-by-the-gone");
    try {
      MonitorRef ref = proc.monitor(watcher);
      assertEquals(0, proc.info().monitors(), "no monitor kept for a watcher that has exited");
      assertFalse(ref.demonitor(), "nothing to remove");
    } finally {
      proc.exit(ExitReason.KILL);
      exitOf(proc);
    }
  }

  @Test
  void processMonitorReceivesDownInItsMailbox() throws Exception {
    Proc watched = idle("watched-by-proc");
    AtomicReference<Object> received = new AtomicReference<>();
    CountDownLatch monitoring = new CountDownLatch(1);
    Proc watcher =
        Procs.spawn(
            "proc-watcher",
            me -> {
              watched.monitor(me);
              monitoring.countDown();
              received.set(me.receive());
            });
    monitoring.await();
    watched.exit(ExitReason.SHUTDOWN);
    exitOf(watcher);
    Down down = assertInstanceOf(Down.class, received.get());
    assertSame(watched, down.proc());
  }

  @Test
  void normalExitSignalIsIgnoredByANonTrappingProcess() throws Exception {
    Proc proc = idle("ignores-normal");
    proc.exit(ExitReason.NORMAL);
    assertTrue(proc.isAlive());
    proc.exit(ExitReason.SHUTDOWN);
    assertEquals(ExitReason.SHUTDOWN, exitOf(proc));
  }

  /**
   * A linked process whose exit listener throws an Error still completes its own exit (ProcTest);
   * the process whose exit signal ended it must complete its exit too: every other link gets its
   * signal, and awaitExit returns. Before, the Error escaped the signal loop of the crashing
   * process, so the links after the failing one never heard of the crash and the crashed process's
   * awaitExit waited for good.
   */
  @Test
  void aLinkedProcessWhoseListenerThrowsAnErrorStopsNeitherTheOtherLinksNorTheExit()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc crashing =
        Procs.spawn(
            "crashes-with-links",
            me -> {
              release.await();
              throw new IllegalStateException("crashed on purpose");
            });
    Proc failing = failingListener("link-with-failing-listener");
    Proc other = idle("link-after-the-failing-one");
    assertTrue(crashing.link(failing));
    assertTrue(crashing.link(other));
    release.countDown();
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, exitOf(other));
    assertEquals("crashed on purpose", crash.cause().getMessage());
    assertSame(crash, exitOf(crashing));
    assertSame(crash, exitOf(failing));
  }

  /** As above, for an exit signal sent from a thread that runs no process. */
  @Test
  void anExitSignalCascadeGoesOnPastAListenerThatThrowsAnError() throws Exception {
    Proc first = idle("signalled-with-links");
    Proc failing = failingListener("cascade-with-failing-listener");
    Proc other = idle("cascade-after-the-failing-one");
    assertTrue(first.link(failing));
    assertTrue(first.link(other));
    AssertionError thrown =
        assertThrows(AssertionError.class, () -> first.exit(ExitReason.SHUTDOWN));
    assertEquals("cascade-with-failing-listener: listener failed on purpose", thrown.getMessage());
    assertEquals(ExitReason.SHUTDOWN, exitOf(first));
    assertEquals(ExitReason.SHUTDOWN, exitOf(failing));
    assertEquals(ExitReason.SHUTDOWN, exitOf(other));
  }

  /**
   * ExitListener: an Error a listener throws is rethrown by the exit once every listener has run.
   * When a linked process's listener throws one too, during the same exit, the exit must still
   * rethrow its own, with the other suppressed in it; before, the linked one replaced it and the
   * process's own Error was lost.
   */
  @Test
  void anExitRethrowsItsOwnListenersErrorWithALinkedOnesSuppressed() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Proc exiting =
        withFailingListener(
            Procs.spawn(
                "own-error",
                me -> {
                  release.await();
                  throw new ExitException(ExitReason.SHUTDOWN);
                }));
    Proc linked = failingListener("linked-error");
    assertTrue(exiting.link(linked));
    CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
    exiting.thread.setUncaughtExceptionHandler((thread, e) -> uncaught.complete(e));
    release.countDown();
    assertEquals(ExitReason.SHUTDOWN, exitOf(exiting));
    assertEquals(ExitReason.SHUTDOWN, exitOf(linked));
    Throwable thrown = uncaught.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("own-error: listener failed on purpose", thrown.getMessage());
    assertEquals(
        List.of("linked-error: listener failed on purpose"),
        Arrays.stream(thrown.getSuppressed()).map(Throwable::getMessage).toList());
  }

  private static Proc failingListener(String name) {
    return withFailingListener(idle(name));
  }

  private static Proc withFailingListener(Proc proc) {
    proc.onExit(
        (owner, reason) -> {
          throw new AssertionError(proc.name() + ": listener failed on purpose");
        });
    return proc;
  }
}
