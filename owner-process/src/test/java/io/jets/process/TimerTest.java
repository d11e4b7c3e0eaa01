package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Send-after and periodic timers on the timer wheel. */
class TimerTest {

  @Test
  void sendAfterDeliversNoEarlierThanTheDelay() throws Exception {
    AtomicLong elapsedNanos = new AtomicLong();
    AtomicReference<Object> got = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "delayed",
            me -> {
              long start = System.nanoTime();
              me.sendAfter(Duration.ofMillis(40), "tick");
              got.set(me.receive(LONG).orElse(null));
              elapsedNanos.set(System.nanoTime() - start);
            });
    exitOf(proc);
    assertEquals("tick", got.get());
    assertTrue(
        elapsedNanos.get() >= Duration.ofMillis(40).toNanos(),
        "fired early: " + elapsedNanos.get());
  }

  @Test
  void timersFireInDeadlineOrder() throws Exception {
    AtomicReference<List<Object>> got = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "ordered-timers",
            me -> {
              // Set latest first; the margins (470 ms between 2 and 3) hold even if this
              // process is descheduled between the calls on a loaded machine.
              me.sendAfter(Duration.ofMillis(500), 3);
              me.sendAfter(Duration.ofMillis(5), 1);
              me.sendAfter(Duration.ofMillis(30), 2);
              List<Object> messages = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                messages.add(me.receive());
              }
              got.set(messages);
            });
    exitOf(proc);
    assertEquals(List.of(1, 2, 3), got.get());
  }

  @Test
  void cancelledTimerNeverDelivers() throws Exception {
    AtomicReference<Object> first = new AtomicReference<>();
    AtomicReference<Boolean> cancelled = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "cancels",
            me -> {
              // 200 ms: cancelled before it fires even if this process is descheduled for a
              // while; had it not been cancelled, it would arrive before the kept one.
              TimerRef doomed = me.sendAfter(Duration.ofMillis(200), "cancelled");
              cancelled.set(doomed.cancel());
              me.sendAfter(Duration.ofMillis(400), "kept");
              first.set(me.receive());
            });
    exitOf(proc);
    assertTrue(cancelled.get());
    assertEquals("kept", first.get());
  }

  @Test
  void intervalRepeatsUntilCancelledAndEndsWithItsProcess() throws Exception {
    AtomicReference<TimerRef> periodic = new AtomicReference<>();
    Proc proc =
        Procs.spawn(
            "periodic",
            me -> {
              periodic.set(me.sendInterval(Duration.ofMillis(5), "tick"));
              for (int i = 0; i < 5; i++) {
                if (!"tick".equals(me.receive())) {
                  throw new AssertionError("expected a tick");
                }
              }
            });
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    assertFalse(periodic.get().isActive(), "the timer outlived its process");
    assertFalse(periodic.get().cancel());
  }
}
