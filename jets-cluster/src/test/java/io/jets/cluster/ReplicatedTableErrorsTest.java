package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WrongTableTypeException;
import java.io.Serializable;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input and wrong state at every public entry point of replicated tables: a {@link
 * TableException} of the documented type, whose message names the table and the argument, and
 * nothing changed (no ownership record, heir or local table; nothing logged; the name still free).
 */
class ReplicatedTableErrorsTest extends ThreeMembers {

  /** A serializable class the tests' filter ({@code java.base} only) refuses. */
  record Point(int x, int y) implements Serializable {}

  private static final String ALLOWING = "java.base/*;io.jets.cluster.*;!*";
  private static final String MALFORMED = "maxdepth=x";

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /**
   * Asserts that {@code call} throws {@code type} for table {@code table}, with a message that
   * starts with the table and names each of {@code words} (the operation and the argument).
   */
  private static <T extends TableException> T refused(
      Class<T> type, String table, Executable call, String... words) {
    T e = assertThrows(type, call);
    assertEquals(type, e.getClass(), e.toString());
    assertEquals(table, e.tableName());
    assertTrue(e.getMessage().startsWith("table '" + table + "': "), e.getMessage());
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), "'" + word + "' in: " + e.getMessage());
    }
    return e;
  }

  /** How many live jets tables of this JVM are named {@code name} (each member's copy is one). */
  private static long localTables(String name) {
    return Tables.all().stream().filter(t -> name.equals(t.name())).count();
  }

  private long heirs(String name) {
    return TableOwnership.heirs(cluster.member(0)).get(name).size();
  }

  private long logTail(String name) {
    return cluster.member(0).getRingbuffer(ReplicatedTables.logName(name)).tailSequence();
  }

  /** Nothing of table {@code name} exists: the name is free, no heir, no local table. */
  private void nothingOf(String name) {
    assertTrue(ReplicatedTables.whereis(cluster.member(2), name).isEmpty(), "the name is free");
    assertEquals(0, heirs(name), "no heir registered");
    assertEquals(0, localTables(name), "no local table");
  }

  private static <K, V> Map<K, V> content(SetTable<K, V> table) {
    Map<K, V> all = new HashMap<>();
    table.toList().forEach(o -> all.put(o.getKey(), o.getValue()));
    return all;
  }

  @Test
  void ownRefusesBadArgumentsAndCreatesNothing() {
    String name = unique("own-bad");
    HazelcastInstance member = cluster.member(0);
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.own(null, name, FILTER),
        "own:",
        "member is null");
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.own(member, name, null),
        "own:",
        "filterPattern is null");
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.own(member, name, (TableType) null, FILTER),
        "own:",
        "type is null");
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.own(member, name, TableType.BAG, MALFORMED),
        "own:",
        "filterPattern",
        MALFORMED);
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.own(member, name, ""),
        "own:",
        "filterPattern",
        "names no class");
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.ownOrdered(null, name, FILTER),
        "ownOrdered:",
        "member is null");
    refused(
        BadArgumentException.class,
        name,
        () -> ReplicatedTables.ownOrdered(member, name, MALFORMED),
        "ownOrdered:",
        "filterPattern");
    BadArgumentException noName =
        assertThrows(BadArgumentException.class, () -> ReplicatedTables.own(member, null, FILTER));
    assertNull(noName.tableName());
    assertTrue(noName.getMessage().contains("own: name is null"), noName.getMessage());
    refused(
        BadArgumentException.class,
        "",
        () -> ReplicatedTables.own(member, "", FILTER),
        "own:",
        "name is empty");
    nothingOf(name);
    nothingOf("");
  }

  @Test
  void heirReplicaAndWhereisRefuseBadArgumentsAndANameNoTableHas() {
    String never = unique("never-owned");
    HazelcastInstance member = cluster.member(1);
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.replica(member, never, FILTER),
        "replica:",
        "no replicated table");
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.heir(member, never, FILTER),
        "heir:",
        "no replicated table");
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.replica(null, never, FILTER),
        "replica:",
        "member is null");
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.replica(member, never, null),
        "replica:",
        "filterPattern is null");
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.heir(null, never, FILTER),
        "heir:",
        "member is null");
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.heir(member, never, null),
        "heir:",
        "filterPattern is null");
    BadArgumentException noName =
        assertThrows(BadArgumentException.class, () -> ReplicatedTables.heir(member, null, FILTER));
    assertTrue(noName.getMessage().contains("heir: name is null"), noName.getMessage());
    noName =
        assertThrows(
            BadArgumentException.class, () -> ReplicatedTables.replica(member, null, FILTER));
    assertTrue(noName.getMessage().contains("replica: name is null"), noName.getMessage());
    refused(
        BadArgumentException.class,
        never,
        () -> ReplicatedTables.whereis(null, never),
        "whereis:",
        "member is null");
    noName = assertThrows(BadArgumentException.class, () -> ReplicatedTables.whereis(member, null));
    assertTrue(noName.getMessage().contains("whereis: name is null"), noName.getMessage());
    nothingOf(never);
  }

  @Test
  void heirAndReplicaOfALiveTableRefuseBadArgumentsAndChangeNothing() {
    String name = unique("live");
    try (ReplicatedTable<String, Integer> owner =
        ReplicatedTables.own(cluster.member(0), name, FILTER)) {
      owner.insert("a", 1);
      ReplicatedTables.TableOwner before =
          ReplicatedTables.whereis(cluster.member(1), name).orElseThrow();
      long tables = localTables(name);
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.replica(cluster.member(1), name, MALFORMED),
          "replica:",
          "filterPattern");
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.heir(cluster.member(1), name, MALFORMED),
          "heir:",
          "filterPattern");
      assertEquals(tables, localTables(name), "no copy was built");
      assertEquals(0, heirs(name), "no heir registered");
      assertEquals(before, ReplicatedTables.whereis(cluster.member(1), name).orElseThrow());
    }
  }

  @Test
  void aCopyWhoseFilterRefusesTheTablesContentIsRefusedAndLeavesNothing() {
    String name = unique("filtered");
    try (ReplicatedTable<String, Point> owner =
        ReplicatedTables.own(cluster.member(0), name, ALLOWING)) {
      owner.insert("p", new Point(1, 2));
      long tables = localTables(name);
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.replica(cluster.member(1), name, FILTER),
          "replica:",
          "filterPattern",
          "value");
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.heir(cluster.member(2), name, FILTER),
          "heir:",
          "filterPattern",
          "value");
      assertEquals(tables, localTables(name), "no copy was left");
      assertEquals(0, heirs(name), "no heir registered");
      try (ReplicatedTables.Copy<String, Point> allowed =
          ReplicatedTables.replica(cluster.member(1), name, ALLOWING)) {
        assertEquals(new Point(1, 2), allowed.table().get("p"));
      }
    }
  }

  @Test
  void ownRefusesATableOfAnotherTypeAndATableALiveOwnerHolds() {
    String name = unique("held");
    try (ReplicatedTable<String, Integer> owner =
        ReplicatedTables.ownOrdered(cluster.member(0), name, FILTER)) {
      owner.insert("a", 1);
      ReplicatedTables.TableOwner before =
          ReplicatedTables.whereis(cluster.member(1), name).orElseThrow();
      long tables = localTables(name);
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.own(cluster.member(1), name, FILTER),
          "own:",
          "type SET",
          "ORDERED_SET");
      refused(
          BadArgumentException.class,
          name,
          () -> ReplicatedTables.own(cluster.member(1), name, TableType.BAG, FILTER),
          "own:",
          "type BAG",
          "ORDERED_SET");
      TableOwnedException held =
          refused(
              TableOwnedException.class,
              name,
              () -> ReplicatedTables.ownOrdered(cluster.member(1), name, FILTER),
              "ownOrdered:",
              "live owner",
              before.member().toString());
      assertEquals(before.member(), held.ownerMember());
      assertEquals(1, held.ownerEpoch());
      refused(
          TableOwnedException.class,
          name,
          () -> ReplicatedTables.own(cluster.member(0), name, TableType.ORDERED_SET, FILTER),
          "own:",
          "live owner");
      assertEquals(before, ReplicatedTables.whereis(cluster.member(2), name).orElseThrow());
      assertEquals(tables, localTables(name), "no copy was built");
      owner.insert("b", 2);
      assertEquals(2, owner.localOrdered().get("b"), "the owner still writes");
    }
  }

  @Test
  void writesRefuseBadKeysAndValuesAndLogNothing() {
    String name = unique("writes");
    try (ReplicatedTable<Object, Object> owner =
            ReplicatedTables.own(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<Object, Object> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      long sequence = owner.sequence();
      long tail = logTail(name);
      Object notSerializable = new Object();
      Point refusedByFilter = new Point(1, 2);
      refused(BadArgumentException.class, name, () -> owner.insert(null, 1), "insert: key is null");
      refused(
          BadArgumentException.class, name, () -> owner.insert("b", null), "insert: value is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insert(notSerializable, 1),
          "insert: key",
          "Serializable");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insert("b", notSerializable),
          "insert: value",
          "Serializable");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insert(refusedByFilter, 1),
          "insert: key",
          "filter");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insert("b", refusedByFilter),
          "insert: value",
          "filter");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insertAll(null),
          "insertAll: objects is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insertAll(Arrays.asList(Map.entry("b", 2), null)),
          "insertAll: an object in objects is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insertAll(List.of(Map.entry("b", 2), new AbstractMap.SimpleEntry<>(null, 3))),
          "insertAll: a key in objects is null");
      refused(
          BadArgumentException.class,
          name,
          () ->
              owner.insertAll(List.of(Map.entry("b", 2), new AbstractMap.SimpleEntry<>("c", null))),
          "insertAll: a value in objects is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insertAll(List.of(Map.entry("b", 2), Map.entry("c", notSerializable))),
          "insertAll: value",
          "Serializable");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.insertAll(List.of(Map.entry("b", 2), Map.entry(refusedByFilter, 3))),
          "insertAll: key",
          "filter");
      refused(BadArgumentException.class, name, () -> owner.delete(null), "delete: key is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.delete(notSerializable),
          "delete: key",
          "Serializable");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.deleteObject(null, 1),
          "deleteObject: key is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.deleteObject("a", null),
          "deleteObject: value is null");
      refused(
          BadArgumentException.class,
          name,
          () -> owner.deleteObject("a", refusedByFilter),
          "deleteObject: value",
          "filter");
      assertEquals(sequence, owner.sequence());
      assertEquals(tail, logTail(name), "nothing was logged");
      assertEquals(Map.of("a", 1), content(owner.local()), "nothing changed");
      owner.insert("z", 26);
      assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
      assertEquals(Map.of("a", 1, "z", 26), content(copy.table()), "the copy got none of them");
    }
  }

  @Test
  void aSetsReadOnABagAndTheReverseAreTheWrongTableType() {
    String bag = unique("bag");
    String set = unique("set");
    try (ReplicatedTable<String, Integer> bagOwner =
            ReplicatedTables.own(cluster.member(0), bag, TableType.BAG, FILTER);
        ReplicatedTables.Copy<String, Integer> bagCopy =
            ReplicatedTables.replica(cluster.member(1), bag, FILTER);
        ReplicatedTable<String, Integer> setOwner =
            ReplicatedTables.own(cluster.member(0), set, FILTER);
        ReplicatedTables.Copy<String, Integer> setCopy =
            ReplicatedTables.replica(cluster.member(1), set, FILTER)) {
      refused(WrongTableTypeException.class, bag, bagOwner::local, "local:", "BAG");
      refused(WrongTableTypeException.class, bag, bagOwner::localOrdered, "localOrdered:", "BAG");
      refused(WrongTableTypeException.class, bag, bagCopy::table, "table:", "BAG");
      refused(WrongTableTypeException.class, bag, bagCopy::orderedTable, "orderedTable:", "BAG");
      refused(WrongTableTypeException.class, set, setOwner::localBag, "localBag:", "SET");
      refused(WrongTableTypeException.class, set, setOwner::localOrdered, "localOrdered:", "SET");
      refused(WrongTableTypeException.class, set, setCopy::bagTable, "bagTable:", "SET");
      refused(WrongTableTypeException.class, set, setCopy::orderedTable, "orderedTable:", "SET");
      assertEquals(TableType.BAG, bagCopy.bagTable().type(), "the right read still works");
      assertEquals(TableType.SET, setOwner.local().type());
    }
  }

  @Test
  void aHandleWhoseTableWasDeletedOrPassedOnRefusesWritesAndLogsNothing() throws Exception {
    String deleted = unique("deleted");
    ReplicatedTable<String, Integer> gone =
        ReplicatedTables.own(cluster.member(0), deleted, FILTER);
    gone.insert("a", 1);
    gone.close(); // no heir: the table is deleted on every member
    refused(
        TableDeletedException.class,
        deleted,
        () -> gone.insert("b", 2),
        "insert on a deleted table");
    refused(
        TableDeletedException.class,
        deleted,
        () -> gone.insertAll(List.of(Map.entry("b", 2))),
        "insertAll on a deleted table");
    refused(TableDeletedException.class, deleted, () -> gone.delete("a"), "delete on a deleted");
    refused(
        TableDeletedException.class,
        deleted,
        () -> gone.deleteObject("a", 1),
        "deleteObject on a deleted");
    refused(
        TableDeletedException.class,
        deleted,
        gone::deleteAllObjects,
        "deleteAllObjects on a deleted");
    assertTrue(ReplicatedTables.whereis(cluster.member(1), deleted).isEmpty(), "still free");

    String passed = unique("passed");
    ReplicatedTable<String, Integer> first =
        ReplicatedTables.own(cluster.member(0), passed, FILTER);
    try (Heir<String, Integer> heir = ReplicatedTables.heir(cluster.member(1), passed, FILTER)) {
      first.insert("a", 1);
      first.close(); // a live heir: the table passes to it
      ReplicatedTable<String, Integer> next = heir.takeover().get(60, TimeUnit.SECONDS);
      long tail = logTail(passed);
      refused(
          AccessDeniedException.class,
          passed,
          () -> first.insert("b", 2),
          "insert:",
          "gave the table up");
      refused(AccessDeniedException.class, passed, first::deleteAllObjects, "deleteAllObjects:");
      assertEquals(tail, logTail(passed), "nothing was logged");
      assertEquals(2, next.epoch());
      assertEquals(Map.of("a", 1), content(next.local()), "the new owner's table is unchanged");
    }
  }

  @Test
  void awaitAppliedRefusesANullTimeoutAndInterruptedWaitsKeepTheInterrupt() {
    String name = unique("await");
    try (ReplicatedTable<String, Integer> owner =
            ReplicatedTables.own(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<String, Integer> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      refused(
          BadArgumentException.class,
          name,
          () -> copy.awaitApplied(owner.sequence(), null),
          "awaitApplied: timeout is null");
      Thread.currentThread().interrupt();
      try {
        TableException interrupted =
            refused(
                TableException.class,
                name,
                () -> copy.awaitApplied(owner.sequence() + 1_000, Duration.ofSeconds(60)),
                "awaitApplied:",
                "interrupted");
        assertInstanceOf(InterruptedException.class, interrupted.getCause());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
      } finally {
        Thread.interrupted();
      }
      long tables = localTables(name);
      Thread.currentThread().interrupt();
      try {
        TableException joining =
            refused(
                TableException.class,
                name,
                () -> ReplicatedTables.replica(cluster.member(2), name, FILTER),
                "replica:",
                "interrupted");
        assertInstanceOf(InterruptedException.class, joining.getCause());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
      } finally {
        Thread.interrupted();
      }
      assertEquals(tables, localTables(name), "the interrupted copy was not left behind");
      String other = unique("interrupted-own");
      Thread.currentThread().interrupt();
      try {
        TableException owning =
            refused(
                TableException.class,
                other,
                () -> ReplicatedTables.own(cluster.member(2), other, FILTER),
                "own:",
                "interrupted");
        assertInstanceOf(InterruptedException.class, owning.getCause());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
      } finally {
        Thread.interrupted();
      }
      assertEquals(0, localTables(other), "no copy was left behind");
      assertFalse(
          ReplicatedTables.whereis(cluster.member(0), other).map(o -> o.live()).orElse(false),
          "no live owner holds the table");
      assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
      assertTrue(
          copy.awaitApplied(owner.sequence(), Duration.ofSeconds(Long.MAX_VALUE)),
          "a timeout too long for nanoseconds saturates");
      assertFalse(copy.table().isDeleted());
    }
  }
}
