package io.jets.cluster;

import static io.jets.cluster.Eventually.content;
import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The owner lifecycle of replicated tables across members: heirs take over. */
class HeirTest extends ThreeMembers {

  /** A value the heir's filter ({@code java.base} only) refuses. */
  record Spot(int x) implements Serializable {}

  private static final String ALLOWING = "java.base/*;io.jets.cluster.*;!*";

  /**
   * Closing an heir whose takeover failed closes its copy and throws nothing: no handle to close.
   */
  @Test
  void anHeirWhoseTakeoverFailedClosesItsCopy() {
    String name = "failed-takeover-close-" + UUID.randomUUID();
    ReplicatedTable<Object, Object> owner = ReplicatedTables.own(cluster.member(0), name, ALLOWING);
    Heir<Object, Object> heir = ReplicatedTables.heir(cluster.member(1), name, FILTER);
    owner.insert("b", new Spot(2)); // the heir's copy stops on it
    owner.close(); // a live heir: the table passes to it
    assertThrows(ExecutionException.class, () -> heir.takeover().get(60, TimeUnit.SECONDS));
    heir.close();
    assertThrows(TableDeletedException.class, () -> heir.table().size(), "the copy is deleted");
  }

  /**
   * An heir whose takeover fails (its copy stopped: its filter refuses a value the owner wrote)
   * does not keep the claim it made: the table passes to the next owner, as after a failed own.
   */
  @Test
  void anHeirWhoseTakeoverFailsLeavesTheTableToTheNextOwner() throws Exception {
    String name = "failed-takeover-" + UUID.randomUUID();
    ReplicatedTable<Object, Object> owner = ReplicatedTables.own(cluster.member(0), name, ALLOWING);
    owner.insert("a", 1);
    try (Heir<Object, Object> heir = ReplicatedTables.heir(cluster.member(1), name, FILTER)) {
      owner.insert("b", new Spot(2)); // the heir's copy stops on it
      owner.close(); // a live heir: the table passes to it
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> heir.takeover().get(60, TimeUnit.SECONDS));
      assertTrue(failed.getCause() instanceof TableException, failed.getCause().toString());
      try (ReplicatedTable<Object, Object> next =
          ReplicatedTables.own(cluster.member(2), name, ALLOWING)) {
        assertEquals(new Spot(2), next.local().get("b"), "the table goes on");
        next.insert("c", 3);
      }
    }
  }

  @Test
  void whenTheOwnersMemberCrashesOneHeirTakesOverAndContinuesTheSequence() throws Exception {
    String name = "crash-" + UUID.randomUUID();
    HazelcastInstance ownersMember = cluster.join();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(ownersMember, name, FILTER);
    try (Heir<String, Integer> heir1 = ReplicatedTables.heir(cluster.member(1), name, FILTER);
        Heir<String, Integer> heir2 = ReplicatedTables.heir(cluster.member(2), name, FILTER);
        ReplicatedTables.Copy<String, Integer> reader =
            ReplicatedTables.replica(cluster.member(0), name, FILTER)) {
      for (int i = 0; i < 100; i++) {
        owner.insert("k" + i, i); // each acknowledged when it returns
      }
      assertFalse(heir1.takeover().isDone() || heir2.takeover().isDone(), "the owner lives");
      ownersMember.getLifecycleService().terminate(); // a crash
      eventually(
          "an heir takes over", () -> heir1.takeover().isDone() || heir2.takeover().isDone());
      Heir<String, Integer> winner = heir1.takeover().isDone() ? heir1 : heir2;
      Heir<String, Integer> loser = winner == heir1 ? heir2 : heir1;
      ReplicatedTable<String, Integer> next = winner.takeover().get(60, TimeUnit.SECONDS);
      assertEquals(2, next.epoch());
      for (int i = 0; i < 100; i++) {
        assertEquals(i, next.local().get("k" + i), "acknowledged write k" + i);
      }
      for (int i = 100; i < 110; i++) {
        next.insert("k" + i, i);
      }
      Map<String, Integer> expected = content(next.local());
      assertEquals(110, expected.size());
      eventually("the reader converges", () -> content(reader.table()).equals(expected));
      eventually("the other heir converges", () -> content(loser.table()).equals(expected));
      assertFalse(loser.takeover().isDone(), "exactly one heir takes over");
    }
  }

  @Test
  void whenTheOwnerGivesTheTableUpItsHeirTakesOver() throws Exception {
    String name = "release-" + UUID.randomUUID();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(cluster.member(0), name, FILTER);
    owner.insert("a", 1);
    try (Heir<String, Integer> heir = ReplicatedTables.heir(cluster.member(1), name, FILTER)) {
      assertThrows(
          TableOwnedException.class,
          () -> ReplicatedTables.own(cluster.member(2), name, FILTER),
          "one owner at a time");
      ReplicatedTables.TableOwner before =
          ReplicatedTables.whereis(cluster.member(2), name).orElseThrow();
      assertEquals(cluster.member(0).getCluster().getLocalMember().getUuid(), before.member());
      assertEquals(1, before.epoch());
      assertTrue(before.live());
      owner.close();
      ReplicatedTable<String, Integer> next = heir.takeover().get(60, TimeUnit.SECONDS);
      assertEquals(2, next.epoch());
      ReplicatedTables.TableOwner after =
          ReplicatedTables.whereis(cluster.member(2), name).orElseThrow();
      assertEquals(cluster.member(1).getCluster().getLocalMember().getUuid(), after.member());
      assertEquals(2, after.epoch());
      assertTrue(after.live());
      assertTrue(ReplicatedTables.whereis(cluster.member(2), "never-" + name).isEmpty());
      assertEquals(1, next.local().get("a"));
      next.insert("b", 2);
      assertEquals(2, next.local().get("b"));
    }
  }
}
