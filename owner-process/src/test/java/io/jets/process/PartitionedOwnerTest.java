package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Routing by key hash, per-key order, and restart of a partition. */
class PartitionedOwnerTest {

  record Event(String key, int sequence) {}

  /** Records every event it receives per key; answers "log" with a copy of its record. */
  static final class EventLog implements GenServer<Map<String, List<Integer>>> {
    @Override
    public Next<Map<String, List<Integer>>> init() {
      return Next.noReply(new HashMap<>());
    }

    @Override
    public Next<Map<String, List<Integer>>> handleCast(
        Object request, Map<String, List<Integer>> state) {
      Event event = (Event) request;
      state.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.sequence());
      return Next.noReply(state);
    }

    @Override
    public Next<Map<String, List<Integer>>> handleCall(
        Object request, ReplyTo from, Map<String, List<Integer>> state) {
      if ("crash".equals(request)) {
        throw new IllegalStateException("partition crashed on purpose");
      }
      Map<String, List<Integer>> copy = new HashMap<>();
      state.forEach((key, sequence) -> copy.put(key, List.copyOf(sequence)));
      return Next.reply(copy, state);
    }
  }

  @Test
  void eventsForOneKeyAreHandledInTheOrderSent() throws Exception {
    int partitions = 4;
    int senders = 4;
    int keysPerSender = 8;
    int eventsPerKey = 500;
    PartitionedOwner owner = PartitionedOwner.start("events", partitions, i -> new EventLog());
    CyclicBarrier start = new CyclicBarrier(senders);
    try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int sender = s;
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int n = 0; n < eventsPerKey; n++) {
                    for (int k = 0; k < keysPerSender; k++) {
                      String key = "sender" + sender + "-key" + k;
                      assertTrue(owner.cast(key, new Event(key, n)));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
    // Every cast was in a mailbox before these calls were sent, so each answer covers them all.
    Map<String, List<Integer>> all = new HashMap<>();
    Set<Proc> distinct = new HashSet<>();
    for (int p = 0; p < partitions; p++) {
      distinct.add(owner.partition(p));
      @SuppressWarnings("unchecked")
      Map<String, List<Integer>> log =
          (Map<String, List<Integer>>) owner.partition(p).call("log", LONG);
      for (String key : log.keySet()) {
        assertEquals(p, owner.partitionOf(key), "key " + key + " handled by the wrong partition");
      }
      all.putAll(log);
    }
    assertEquals(partitions, distinct.size());
    assertEquals(senders * keysPerSender, all.size());
    List<Integer> expected = new ArrayList<>();
    for (int n = 0; n < eventsPerKey; n++) {
      expected.add(n);
    }
    all.forEach((key, sequence) -> assertEquals(expected, sequence, "order of " + key));
    owner.stop(LONG);
  }

  @Test
  void sameKeyAlwaysRoutesToTheSameProcessAndACrashedPartitionIsRestarted() throws Exception {
    PartitionedOwner owner = PartitionedOwner.start("routing", 3, i -> new EventLog());
    Proc before = owner.route("user-42");
    assertSame(before, owner.route("user-42"));
    assertThrows(CallFailedException.class, () -> owner.call("user-42", "crash", LONG));
    ProcTest.exitOf(before);
    owner.supervisor().whichChildren(LONG);
    Proc after = owner.route("user-42");
    assertNotSame(before, after);
    assertTrue(after.isAlive());
    assertThrows(BadProcessArgumentException.class, () -> owner.route(null));
    owner.stop(LONG);
    assertThrows(NoProcessException.class, () -> owner.route("user-42"));
  }
}
