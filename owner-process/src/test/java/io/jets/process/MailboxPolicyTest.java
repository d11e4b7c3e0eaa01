package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bounded mailboxes under the REJECT and BLOCK overflow policies. */
class MailboxPolicyTest {

  /** A process that handles nothing until released, then collects {@code expected} messages. */
  static Proc gated(
      String name,
      int capacity,
      OverflowPolicy policy,
      CountDownLatch gate,
      int expected,
      AtomicReference<List<Object>> collected) {
    return Proc.builder(name)
        .mailbox(capacity, policy)
        .spawn(
            me -> {
              gate.await();
              List<Object> messages = new ArrayList<>();
              for (int i = 0; i < expected; i++) {
                Object message = me.receive();
                if (message instanceof Call call) {
                  call.replyTo().reply("answered");
                }
                messages.add(message);
              }
              collected.set(messages);
            });
  }

  @Test
  void rejectDropsAndCountsCastsAndFailsCalls() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicReference<List<Object>> collected = new AtomicReference<>();
    Proc proc = gated("rejecting", 2, OverflowPolicy.REJECT, gate, 2, collected);
    assertTrue(proc.send(1));
    assertTrue(proc.cast(2));
    assertFalse(proc.send(3));
    assertFalse(proc.cast(4));
    assertEquals(2, proc.droppedCount());
    MailboxOverloadedException overloaded =
        assertThrows(MailboxOverloadedException.class, () -> proc.call("refused", LONG));
    assertTrue(overloaded.getMessage().contains("rejecting"), overloaded.getMessage());
    assertEquals(2, proc.mailboxLength());
    proc.deliver("runtime message"); // the bound never applies to runtime deliveries
    assertEquals(3, proc.mailboxLength());
    gate.countDown();
    exitOf(proc);
    assertEquals(List.of(1, new Cast(2)), collected.get());
  }

  @Test
  void blockMakesTheSenderWaitForRoom() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicReference<List<Object>> collected = new AtomicReference<>();
    Proc proc = gated("blocking", 1, OverflowPolicy.BLOCK, gate, 3, collected);
    assertTrue(proc.send("first"));
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> proc.send("second"));
    assertThrows(TimeoutException.class, () -> blocked.get(100, TimeUnit.MILLISECONDS));
    assertEquals(1, proc.mailboxLength());
    CallTimeoutException full =
        assertThrows(CallTimeoutException.class, () -> proc.call("no room", Duration.ofMillis(30)));
    assertTrue(full.getMessage().contains("room"), full.getMessage());
    gate.countDown();
    assertTrue(blocked.get(10, TimeUnit.SECONDS));
    assertEquals("answered", proc.call("third", LONG));
    exitOf(proc);
    assertEquals("first", collected.get().get(0));
    assertEquals("second", collected.get().get(1));
    assertEquals(0, proc.droppedCount());
  }

  @Test
  void blockedSenderIsReleasedWhenTheProcessExits() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Proc proc =
        Proc.builder("exits-full").mailbox(1, OverflowPolicy.BLOCK).spawn(me -> gate.await());
    assertTrue(proc.send("fills"));
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> proc.send("waits"));
    assertThrows(TimeoutException.class, () -> blocked.get(50, TimeUnit.MILLISECONDS));
    proc.exit(ExitReason.KILL);
    assertFalse(blocked.get(10, TimeUnit.SECONDS));
    exitOf(proc);
  }

  @Test
  void invalidCapacityIsRefusedNamingTheProcess() {
    BadProcessArgumentException e =
        assertThrows(
            BadProcessArgumentException.class,
            () -> Proc.builder("tiny").mailbox(0, OverflowPolicy.REJECT));
    assertTrue(e.getMessage().contains("tiny"), e.getMessage());
  }

  @Test
  void blockUnderManyProducersLosesNothingAndNeverExceedsTheBound() throws Exception {
    int producers = 4;
    int each = 2_000;
    int capacity = 4;
    AtomicReference<Integer> maxSeen = new AtomicReference<>(0);
    AtomicReference<int[]> lastPerProducer = new AtomicReference<>();
    Proc proc =
        Proc.builder("bounded-consumer")
            .mailbox(capacity, OverflowPolicy.BLOCK)
            .spawn(
                me -> {
                  int[] last = new int[producers];
                  java.util.Arrays.fill(last, -1);
                  int max = 0;
                  for (int i = 0; i < producers * each; i++) {
                    max = Math.max(max, me.mailboxLength());
                    int[] message = (int[]) me.receive();
                    if (message[1] != last[message[0]] + 1) {
                      throw new AssertionError("producer " + message[0] + " out of order");
                    }
                    last[message[0]] = message[1];
                  }
                  maxSeen.set(max);
                  lastPerProducer.set(last);
                });
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      if (!proc.send(new int[] {producer, i})) {
                        throw new AssertionError("a BLOCK send to a live process was refused");
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(ExitReason.NORMAL, exitOf(proc));
    for (int last : lastPerProducer.get()) {
      assertEquals(each - 1, last);
    }
    assertTrue(maxSeen.get() <= capacity, "mailbox held " + maxSeen.get() + " > " + capacity);
  }

  @Test
  void rejectUnderManyProducersAcceptsPlusDropsEqualsSent() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    int capacity = 100;
    Proc proc =
        Proc.builder("rejecting-many")
            .mailbox(capacity, OverflowPolicy.REJECT)
            .spawn(me -> gate.await());
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 1_000; i++) {
                      if (proc.cast(i)) {
                        accepted.incrementAndGet();
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(capacity, accepted.get());
    assertEquals(4_000 - capacity, proc.droppedCount());
    assertEquals(capacity, proc.mailboxLength());
    gate.countDown();
    exitOf(proc);
  }
}
