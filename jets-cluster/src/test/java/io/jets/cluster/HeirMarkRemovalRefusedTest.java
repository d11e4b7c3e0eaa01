package io.jets.cluster;

import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import io.jets.table.TableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An heir whose claim on the ownership record succeeds takes the table over even when the removal
 * of its heir mark then fails, as on a member that lost its side's majority between the two writes
 * (Hazelcast refuses the removal with {@code SplitBrainProtectionException}): the claim is made,
 * and an heir whose takeover never completed would hold a table nobody writes.
 *
 * <p>Closing such an heir closes this member's handle even though the cluster refuses to drop the
 * heir's record, and the refusal reaches the caller; the handle does not take the record left
 * behind for a live heir's, so with no other heir the table is deleted, not released to nobody.
 *
 * <p>The members protect the heir records alone, needing all three members to write them: with one
 * member gone, the ownership record, the log and the mirror stay writable and the heir's claim
 * succeeds, while the mark's removal is refused every time.
 */
class HeirMarkRemovalRefusedTest {

  private static final String FILTER = "java.base/*;!*";
  private static final String PROTECTION = "heir-records-need-three";

  @Test
  @Timeout(180)
  void theTakeoverCompletesWhenTheHeirMarkCannotBeRemoved() throws Exception {
    String name = "mark-refused-" + UUID.randomUUID();
    String cluster = "jets-heir-mark-" + UUID.randomUUID();
    int basePort = 20_000 + 16 * ThreadLocalRandom.current().nextInt(0, 797); // as LocalCluster
    List<HazelcastInstance> members = new ArrayList<>();
    Heir<String, Integer> heir = null;
    try {
      for (int i = 0; i < 3; i++) {
        members.add(Hazelcast.newHazelcastInstance(config(cluster, basePort, i)));
      }
      HazelcastInstance ownersMember = members.get(0);
      HazelcastInstance heirsMember = members.get(1);
      for (HazelcastInstance member : members) {
        eventually(
            "the heir records are writable",
            () ->
                member
                    .getSplitBrainProtectionService()
                    .getSplitBrainProtection(PROTECTION)
                    .hasMinimumSize());
      }
      ReplicatedTable<String, Integer> owner = ReplicatedTables.own(ownersMember, name, FILTER);
      owner.insert("a", 1);
      heir = ReplicatedTables.heir(heirsMember, name, FILTER);
      members.get(2).getLifecycleService().terminate();
      TableOwnership.HeirMark probe =
          new TableOwnership.HeirMark(UUID.randomUUID(), UUID.randomUUID());
      eventually(
          "the heir's member may no longer remove a mark",
          () -> {
            try {
              TableOwnership.heirs(heirsMember).remove("probe-" + name, probe);
              return false; // the protection has not noticed the departure yet
            } catch (SplitBrainProtectionException refused) {
              return true;
            }
          });
      assertFalse(heir.takeover().isDone(), "the owner lives");

      owner.close(); // a live heir: the owner gives the table up and the heir claims it
      ReplicatedTable<String, Integer> next = heir.takeover().get(60, TimeUnit.SECONDS);

      assertEquals(
          1,
          TableOwnership.heirs(heirsMember).get(name).size(),
          "the premise: the heir's mark is still there, its removal refused");
      assertEquals(2, next.epoch());
      ReplicatedTables.TableOwner now = ReplicatedTables.whereis(ownersMember, name).orElseThrow();
      assertEquals(heirsMember.getCluster().getLocalMember().getUuid(), now.member());
      assertEquals(2, now.epoch());
      assertTrue(now.live());
      assertEquals(1, next.local().get("a"));
      next.insert("b", 2);
      assertEquals(2, next.local().get("b"), "the heir holds the table and writes it");

      // Closing the heir on this side: the cluster refuses to drop its record, and says so, but
      // this member's handle is closed all the same (it was left open, and writable, before).
      Heir<String, Integer> closing = heir;
      heir = null;
      assertThrows(SplitBrainProtectionException.class, closing::close, "the removal refused");
      assertThrows(TableException.class, () -> next.insert("c", 3), "the handle is closed");
      // The mark left behind is this handle's own: no live heir, so the table is deleted rather
      // than released to nobody.
      assertEquals(
          Optional.empty(),
          ReplicatedTables.whereis(ownersMember, name),
          "the table deleted with no other heir");
    } finally {
      for (HazelcastInstance member : members) {
        member.getLifecycleService().terminate();
      }
      if (heir != null) {
        heir.close(); // its member is down: closes the local copy and handle only
      }
      assertTrue(members.stream().noneMatch(m -> m.getLifecycleService().isRunning()));
    }
  }

  /** A loopback member, {@code index}-th of the cluster, whose heir records need 3 members. */
  private static Config config(String cluster, int basePort, int index) {
    Config config = LocalCluster.config(cluster, basePort);
    config.getNetworkConfig().setPort(basePort + index).setPortAutoIncrement(false);
    config.addSplitBrainProtectionConfig(
        new SplitBrainProtectionConfig(PROTECTION, true, 3)
            .setProtectOn(SplitBrainProtectionOn.WRITE));
    config.addMultiMapConfig(
        new MultiMapConfig(TableOwnership.HEIRS_NAME).setSplitBrainProtectionName(PROTECTION));
    return config;
  }
}
