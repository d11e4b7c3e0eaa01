package io.jets.cluster;

import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.BagTable;
import io.jets.table.TableType;
import io.jets.table.WrongTableTypeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Replicated bag and duplicate_bag tables: every copy holds the owner's objects, each once. */
class ReplicatedBagTest extends ThreeMembers {

  /** The objects of {@code table} as a sorted list of "key=value" (a multiset). */
  private static List<String> objects(BagTable<String, Integer> table) {
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, Integer> object : table.toList()) {
      all.add(object.getKey() + "=" + object.getValue());
    }
    all.sort(null);
    return all;
  }

  @Test
  void aDuplicateBagKeepsEveryDuplicateOnceOnEveryCopyAndOnACopyThatJoinsLater() {
    String name = "dup-" + UUID.randomUUID();
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.own(cluster.member(0), name, TableType.DUPLICATE_BAG, FILTER);
        ReplicatedTables.Copy<String, Integer> early =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      owner.insert("a", 2);
      owner.insert("c", 3);
      owner.delete("c");
      owner.insertAll(List.of(Map.entry("b", 7), Map.entry("b", 7), Map.entry("a", 1)));
      owner.deleteObject("a", 2);
      owner.insert("a", 1); // last: a late joiner's replay starts here, and the mirror has it
      List<String> expected = List.of("a=1", "a=1", "a=1", "b=7", "b=7");
      assertEquals(expected, objects(owner.localBag()));
      assertTrue(early.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
      assertEquals(expected, objects(early.bagTable()));
      // A copy that joins now loads the mirror and replays the log's last write: no duplicate
      // may be counted twice.
      try (ReplicatedTables.Copy<String, Integer> late =
          ReplicatedTables.replica(cluster.member(2), name, FILTER)) {
        assertEquals(expected, objects(late.bagTable()));
        assertEquals(TableType.DUPLICATE_BAG, late.bagTable().type());
        owner.insert("a", 1);
        assertTrue(late.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
        assertEquals(4, late.bagTable().count("a"));
      }
      assertThrows(WrongTableTypeException.class, early::table, "a bag is no set");
    }
  }

  @Test
  void aBagKeepsOneOfEachObjectAndAnInsertAllArrivesWhole() {
    String name = "bag-" + UUID.randomUUID();
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.own(cluster.member(0), name, TableType.BAG, FILTER);
        ReplicatedTables.Copy<String, Integer> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("k", 1);
      owner.insert("k", 1);
      owner.insertAll(List.of(Map.entry("k", 2), Map.entry("m", 3)));
      owner.deleteAllObjects();
      owner.insertAll(List.of(Map.entry("k", 4), Map.entry("k", 5)));
      assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
      assertEquals(List.of("k=4", "k=5"), objects(copy.bagTable()));
      eventually("the same on the owner", () -> objects(owner.localBag()).size() == 2);
      assertThrows(
          BadArgumentException.class,
          () -> ReplicatedTables.own(cluster.member(2), name, FILTER),
          "a bag stays a bag");
    }
  }
}
