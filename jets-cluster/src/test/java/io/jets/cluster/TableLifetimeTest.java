package io.jets.cluster;

import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.BadArgumentException;
import io.jets.table.TableDeletedException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A replicated table whose owner exits with no heir is deleted on every member, as in ETS. */
class TableLifetimeTest extends ThreeMembers {

  @Test
  void anOwnerThatExitsWithNoHeirDeletesTheTableOnEveryMember() {
    String name = "exit-" + UUID.randomUUID();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(cluster.member(0), name, FILTER);
    try (ReplicatedTables.Copy<String, Integer> copy1 =
            ReplicatedTables.replica(cluster.member(1), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy2 =
            ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
      owner.insert("a", 1);
      eventually("applied", () -> copy1.table().member("a") && copy2.table().member("a"));
      owner.close();
      eventually("deleted on member 1", () -> copy1.table().isDeleted());
      eventually("deleted on member 2", () -> copy2.table().isDeleted());
      assertThrows(TableDeletedException.class, () -> copy1.table().get("a"));
      assertTrue(ReplicatedTables.whereis(cluster.member(2), name).isEmpty(), "the name is free");
      assertThrows(
          BadArgumentException.class,
          () -> ReplicatedTables.replica(cluster.member(2), name, FILTER),
          "no table to copy");
      assertThrows(TableDeletedException.class, () -> owner.insert("b", 2), "deleted");
      try (ReplicatedTable<String, Integer> again =
              ReplicatedTables.own(cluster.member(1), name, FILTER);
          ReplicatedTables.Copy<String, Integer> fresh =
              ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
        assertEquals(1, again.epoch(), "a new table");
        assertEquals(0, again.local().size(), "nothing of the deleted one");
        again.insert("c", 3);
        eventually("the new table replicates", () -> fresh.table().member("c"));
        assertFalse(fresh.table().member("a"));
      }
    }
  }

  @Test
  void anOwnerWhoseMemberCrashesWithNoHeirLeavesNoTable() {
    String name = "crash-no-heir-" + UUID.randomUUID();
    HazelcastInstance ownersMember = cluster.join();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(ownersMember, name, FILTER);
    try (ReplicatedTables.Copy<String, Integer> copy =
        ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      eventually("applied", () -> copy.table().member("a"));
      ownersMember.getLifecycleService().terminate(); // a crash
      eventually("deleted on the surviving copy", () -> copy.table().isDeleted());
      eventually(
          "the name is free", () -> ReplicatedTables.whereis(cluster.member(2), name).isEmpty());
    }
  }

  @Test
  void anHeirThatClosesWithoutTakingOverNoLongerKeepsTheTable() throws Exception {
    String name = "heir-left-" + UUID.randomUUID();
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(cluster.member(0), name, FILTER);
    try (ReplicatedTables.Copy<String, Integer> copy =
        ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
      owner.insert("a", 1);
      ReplicatedTables.heir(cluster.member(1), name, FILTER).close(); // registered, then gone
      owner.close();
      eventually("deleted: no heir remained", () -> copy.table().isDeleted());
    }
  }

  @Test
  void anHeirThatTookOverAndExitsWithNoOtherHeirDeletesTheTable() throws Exception {
    // Regression: the heir's own registration outlived its takeover, so closing the handle it got
    // saw "a live heir" (itself), released the table to nobody and deleted nothing.
    String name = "took-over-" + UUID.randomUUID();
    ReplicatedTable<String, Integer> first = ReplicatedTables.own(cluster.member(0), name, FILTER);
    try (Heir<String, Integer> heir = ReplicatedTables.heir(cluster.member(1), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy =
            ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
      first.insert("a", 1);
      first.close();
      ReplicatedTable<String, Integer> next = heir.takeover().get(60, TimeUnit.SECONDS);
      next.insert("b", 2);
      next.close();
      eventually("deleted on member 2", () -> copy.table().isDeleted());
      eventually("deleted on the heir's member", () -> heir.table().isDeleted());
      assertTrue(ReplicatedTables.whereis(cluster.member(0), name).isEmpty(), "the name is free");
      assertThrows(TableDeletedException.class, () -> next.insert("c", 3), "deleted");
    }
  }
}
