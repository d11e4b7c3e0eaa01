package io.jets.cluster;

import static io.jets.cluster.Eventually.content;
import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.TableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Replicated set tables on three members in this JVM, on 127.0.0.1. */
class ReplicatedTableTest extends ThreeMembers {

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void everyMemberReadsTheOwnersWritesLocallyAndNeverHalfABatch() throws Exception {
    String name = unique("prices");
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.own(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy1 =
            ReplicatedTables.replica(cluster.member(1), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy2 =
            ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
      int batches = 60;
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger halfBatches = new AtomicInteger();
      List<CompletableFuture<Void>> checks = new ArrayList<>();
      for (SetTable<String, Integer> replica : List.of(copy1.table(), copy2.table())) {
        checks.add(
            CompletableFuture.runAsync(
                () -> {
                  while (writing.get()) {
                    for (int b = 0; b < batches; b++) {
                      // Last key first: if it is there, the whole batch must be (insertAll).
                      boolean last = replica.member("b" + b + ":19");
                      boolean first = replica.member("b" + b + ":0");
                      if (last && !first) {
                        halfBatches.incrementAndGet();
                      }
                    }
                  }
                },
                readers));
      }
      for (int b = 0; b < batches; b++) {
        List<Map.Entry<String, Integer>> batch = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
          batch.add(Map.entry("b" + b + ":" + j, b));
        }
        owner.insertAll(batch);
        owner.insert("single:" + b, b);
        assertEquals(b, owner.local().get("single:" + b), "the owner reads its own write");
        if (b % 10 == 0) {
          owner.delete("single:" + b);
          assertNull(owner.local().get("single:" + b));
        }
      }
      writing.set(false);
      for (CompletableFuture<Void> check : checks) {
        check.get(60, TimeUnit.SECONDS);
      }
      assertEquals(0, halfBatches.get(), "a reader saw part of an insertAll");
      Map<String, Integer> expected = content(owner.local());
      assertEquals(batches * 20 + batches - batches / 10, expected.size());
      for (ReplicatedTables.Copy<String, Integer> copy : List.of(copy1, copy2)) {
        eventually("the copy converges", () -> content(copy.table()).equals(expected));
      }
    } finally {
      readers.shutdownNow();
    }
  }

  @Test
  void aMemberThatJoinsMidStreamCatchesUpWithNoGapAndNoDuplicate() throws Exception {
    String name = unique("join");
    try (ReplicatedTable<String, Integer> owner =
        ReplicatedTables.own(cluster.member(0), name, FILTER)) {
      for (int i = 0; i < 200; i++) {
        owner.insert("k" + i, 0);
      }
      CompletableFuture<Void> writes =
          CompletableFuture.runAsync(
              () -> {
                // Each key is written with increasing values: a duplicate or a gap would show
                // as a wrong final value or count.
                for (int round = 1; round <= 5; round++) {
                  for (int i = 0; i < 200; i++) {
                    owner.insert("k" + i, round);
                  }
                }
                owner.delete("k0");
              });
      try (ReplicatedTables.Copy<String, Integer> late =
          ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
        writes.get(120, TimeUnit.SECONDS);
        Map<String, Integer> expected = content(owner.local());
        assertEquals(199, expected.size());
        assertTrue(expected.values().stream().allMatch(v -> v == 5));
        eventually("the late copy converges", () -> content(late.table()).equals(expected));
      }
    }
  }

  @Test
  void acknowledgedWritesSurviveTheCrashOfTheOwnersMember() {
    String name = unique("crash");
    HazelcastInstance ownersMember = cluster.join();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(ownersMember, name, FILTER);
    for (int i = 0; i < 100; i++) {
      owner.insert("k" + i, i);
    }
    owner.insertAll(List.of(Map.entry("batch:a", 1), Map.entry("batch:b", 2)));
    ownersMember.getLifecycleService().terminate(); // a crash: no graceful migration
    // An heir that arrives after the crash loads the table from the cluster and takes it over.
    try (Heir<String, Integer> after = ReplicatedTables.heir(cluster.member(1), name, FILTER)) {
      Map<String, Integer> content = content(after.takeover().join().local());
      assertEquals(102, content.size(), "every acknowledged write: " + content.size());
      for (int i = 0; i < 100; i++) {
        assertEquals(i, content.get("k" + i));
      }
    }
  }

  @Test
  void aCopyIsReadOnlyForEveryoneButItsReplica() {
    String name = unique("read-only");
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.own(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      eventually("applied", () -> copy.table().member("a"));
      assertThrows(TableException.class, () -> copy.table().insert("b", 2));
      assertThrows(TableException.class, () -> owner.local().insert("b", 2));
      BadArgumentException refused =
          assertThrows(BadArgumentException.class, () -> owner.insert("c", null));
      assertEquals("table '" + name + "': insert: value is null", refused.getMessage());
      assertFalse(owner.local().member("c"), "a refused write changes nothing");
    }
  }

  @Test
  void anOrderedSetIsReplicatedWithItsOrderAndKeepsItsKind() {
    String name = unique("ordered");
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.ownOrdered(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      for (String key : List.of("m", "c", "x", "a", "q")) {
        owner.insert(key, key.charAt(0) - 'a');
      }
      owner.delete("x");
      assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
      io.jets.table.OrderedTable<String, Integer> ordered = copy.orderedTable();
      assertEquals("a", ordered.first());
      assertEquals("c", ordered.next("a"));
      assertEquals("q", ordered.last());
      assertEquals(List.of("a", "c", "m", "q"), List.copyOf(content(ordered).keySet()));
      assertEquals("a", owner.localOrdered().first());
      assertThrows(
          BadArgumentException.class,
          () -> ReplicatedTables.own(cluster.member(2), name, FILTER),
          "an ordered_set stays one");
      assertThrows(
          BadArgumentException.class,
          () -> ReplicatedTables.replica(cluster.member(2), unique("never-owned"), FILTER));
    }
  }
}
