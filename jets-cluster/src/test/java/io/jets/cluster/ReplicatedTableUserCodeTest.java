package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.TableType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A write whose key the copies' tables would refuse, or whose key's own code throws, is refused
 * before it is logged, as the class documentation of {@link ReplicatedTable} says ("checked before
 * the write is logged and change nothing"): the owner gets the table's {@link BadArgumentException}
 * naming the table, the operation and the key (or the key's exception as thrown, as a local table
 * reports it), nothing is logged, and every copy keeps applying the owner's later writes.
 */
class ReplicatedTableUserCodeTest extends ThreeMembers {

  private static final String ALLOWING = "java.base/*;io.jets.cluster.*;!*";

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private long logTail(String name) {
    return cluster.member(0).getRingbuffer(ReplicatedTables.logName(name)).tailSequence();
  }

  private static <K, V> Map<K, V> content(SetTable<K, V> table) {
    Map<K, V> all = new HashMap<>();
    table.toList().forEach(o -> all.put(o.getKey(), o.getValue()));
    return all;
  }

  /**
   * Nothing was logged since {@code tail}, and both copies still apply the owner's writes: a later
   * insert of ("z", 26) leaves each holding {@code expected}.
   */
  private void assertNothingLoggedAndCopiesRun(
      String name,
      long tail,
      ReplicatedTable<Object, Object> owner,
      ReplicatedTables.Copy<Object, Object> copy,
      Map<Object, Object> expected) {
    assertEquals(tail, logTail(name), "nothing was logged");
    owner.insert("z", 26);
    assertEquals(expected, content(owner.local()), "the owner's copy still runs");
    assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)));
    assertEquals(expected, content(copy.table()), "the copy still runs");
  }

  private static void badKey(String table, Executable call, String operation) {
    BadArgumentException e = assertThrows(BadArgumentException.class, call);
    assertEquals(table, e.tableName());
    assertTrue(e.getMessage().startsWith("table '" + table + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(operation + ": key"), e.getMessage());
  }

  @Test
  void aKeyAnOrderedTableCannotOrderIsRefusedBeforeItIsLogged() {
    String name = unique("ordered-keys");
    try (ReplicatedTable<Object, Object> owner =
            ReplicatedTables.ownOrdered(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<Object, Object> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      owner.insert("a", 1);
      long tail = logTail(name);
      badKey(name, () -> owner.insert(7, 2), "insert");
      badKey(name, () -> owner.insertAll(List.of(Map.entry("b", 2), Map.entry(7, 3))), "insertAll");
      badKey(name, () -> owner.delete(7), "delete");
      badKey(name, () -> owner.deleteObject(7, 1), "deleteObject");
      assertNothingLoggedAndCopiesRun(name, tail, owner, copy, Map.of("a", 1, "z", 26));
    }
  }

  /**
   * A batch whose keys the order cannot compare with each other is refused before it is logged even
   * when the table holds no key to compare them with: every copy's insertAll compares them.
   */
  @Test
  void aBatchWhoseKeysCannotBeOrderedTogetherIsRefusedOnAnEmptyTable() {
    String name = unique("ordered-batch");
    try (ReplicatedTable<Object, Object> owner =
            ReplicatedTables.ownOrdered(cluster.member(0), name, FILTER);
        ReplicatedTables.Copy<Object, Object> copy =
            ReplicatedTables.replica(cluster.member(1), name, FILTER)) {
      long tail = logTail(name);
      badKey(name, () -> owner.insertAll(List.of(Map.entry("b", 2), Map.entry(7, 3))), "insertAll");
      assertNothingLoggedAndCopiesRun(name, tail, owner, copy, Map.of("z", 26));
    }
  }

  /**
   * A batch holding a key whose {@code equals} throws and a later key of the same hash code is
   * refused before it is logged: every copy's hash table compares the earlier key with the later
   * one ({@code stored.equals(new)}) even when the table holds no key yet.
   */
  @Test
  void aBatchKeyWhoseEqualsThrowsIsRefusedBeforeItIsLogged() {
    String name = unique("prickly-batch-keys");
    try (ReplicatedTable<Object, Object> owner =
            ReplicatedTables.own(cluster.member(0), name, ALLOWING);
        ReplicatedTables.Copy<Object, Object> copy =
            ReplicatedTables.replica(cluster.member(1), name, ALLOWING)) {
      long tail = logTail(name);
      Prickly prickly = new Prickly(1); // hash code 1, as the key 1's
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> owner.insertAll(List.of(Map.entry(prickly, "a"), Map.entry(1, "b"))));
      assertEquals("prickly equals", e.getMessage(), "the key's own exception, as thrown");
      assertNothingLoggedAndCopiesRun(name, tail, owner, copy, Map.of("z", 26));
    }
  }

  @Test
  void aKeyWhoseHashCodeThrowsChangesNothingAnywhere() {
    String name = unique("touchy-keys");
    try (ReplicatedTable<Object, Object> owner =
            ReplicatedTables.own(cluster.member(0), name, ALLOWING);
        ReplicatedTables.Copy<Object, Object> copy =
            ReplicatedTables.replica(cluster.member(1), name, ALLOWING)) {
      owner.insert("a", 1);
      long tail = logTail(name);
      Touchy touchy = new Touchy(1);
      for (Executable write :
          List.<Executable>of(
              () -> owner.insert(touchy, 2),
              () -> owner.insertAll(List.of(Map.entry("b", 2), Map.entry(touchy, 3))),
              () -> owner.delete(touchy),
              () -> owner.deleteObject(touchy, 1))) {
        IllegalStateException e = assertThrows(IllegalStateException.class, write);
        assertEquals("touchy hashCode", e.getMessage(), "the key's own exception, as thrown");
      }
      assertNothingLoggedAndCopiesRun(name, tail, owner, copy, Map.of("a", 1, "z", 26));
    }
  }

  /**
   * A write whose value's {@code equals} the copies' tables would run, and which throws, is refused
   * before it is logged with the exception as thrown: a bag's insert and insertAll compare the new
   * value with the key's objects (and a batch's earlier ones), every table's deleteObject compares
   * the key's objects with the given value. A duplicate bag's insert compares nothing, so a value
   * whose equals throws is stored there as anywhere else.
   */
  @Test
  void aValueWhoseEqualsThrowsIsRefusedBeforeItIsLoggedAndCopiesKeepRunning() {
    for (TableType type : List.of(TableType.SET, TableType.BAG, TableType.DUPLICATE_BAG)) {
      String name = unique("prickly-" + type);
      try (ReplicatedTable<Object, Object> owner =
              ReplicatedTables.own(cluster.member(0), name, type, ALLOWING);
          ReplicatedTables.Copy<Object, Object> copy =
              ReplicatedTables.replica(cluster.member(1), name, ALLOWING)) {
        owner.insert("k", new Prickly(1)); // no object under k yet: nothing compared
        owner.insert("plain", "p");
        long tail = logTail(name);
        List<Executable> refused = new java.util.ArrayList<>();
        refused.add(() -> owner.deleteObject("k", "x"));
        if (type == TableType.BAG) {
          refused.add(() -> owner.insert("k", "y"));
          refused.add(() -> owner.insertAll(List.of(Map.entry("j", "a"), Map.entry("k", "y"))));
          refused.add(
              () ->
                  owner.insertAll(
                      List.of(Map.entry("fresh", new Prickly(2)), Map.entry("fresh", "z"))));
        }
        for (Executable write : refused) {
          IllegalStateException e = assertThrows(IllegalStateException.class, write, type + "");
          assertEquals("prickly equals", e.getMessage(), "the value's own exception, as thrown");
        }
        assertEquals(tail, logTail(name), type + ": nothing was logged");
        if (type == TableType.DUPLICATE_BAG) {
          owner.insert("k", new Prickly(3)); // compares nothing: stored
          owner.insertAll(List.of(Map.entry("k", new Prickly(4))));
        }
        owner.insert("z", 26);
        assertTrue(copy.awaitApplied(owner.sequence(), Duration.ofSeconds(60)), type + "");
        int expected = type == TableType.DUPLICATE_BAG ? 5 : 3;
        assertEquals(expected, sizeOf(owner, type), type + "");
        assertEquals(expected, copySize(copy, type), type + ": the copy still runs");
      }
    }
  }

  private static long sizeOf(ReplicatedTable<Object, Object> owner, TableType type) {
    return type == TableType.SET ? owner.local().size() : owner.localBag().size();
  }

  private static long copySize(ReplicatedTables.Copy<Object, Object> copy, TableType type) {
    return type == TableType.SET ? copy.table().size() : copy.bagTable().size();
  }
}
