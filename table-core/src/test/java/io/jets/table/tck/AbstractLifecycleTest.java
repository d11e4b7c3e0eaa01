package io.jets.table.tck;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableInfo;
import io.jets.table.TableTransfer;
import io.jets.table.TableType;
import io.jets.table.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Owner exit, heirs, giveAway and deletion of the tables under test. */
public abstract class AbstractLifecycleTest extends SharedTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private SetTable<String, Long> tableOf(Owner owner, Access access) {
    try (Owner.Binding b = owner.bind()) {
      SetTable<String, Long> t = tables.set(Fixtures.unique("life")).access(access).build();
      t.insert("k", 1L);
      return t;
    }
  }

  private static TableInfo infoAs(Owner caller, Table<?, ?> t) {
    try (Owner.Binding b = caller.bind()) {
      return t.info();
    }
  }

  /** Every operation of a SetTable. */
  private static Map<String, Executable> everyOperation(SetTable<String, Long> t, Owner someone) {
    Map<String, Executable> m = new LinkedHashMap<>();
    m.put("info", t::info);
    m.put("size", t::size);
    m.put("insert", () -> t.insert("k", 1L));
    m.put("insertAll", () -> t.insertAll(List.of(Map.entry("k", 1L))));
    m.put("insertNew", () -> t.insertNew("n", 1L));
    m.put("insertNewAll", () -> t.insertNewAll(List.of(Map.entry("n", 1L))));
    m.put("delete", () -> t.delete("k"));
    m.put("deleteObject", () -> t.deleteObject("k", 1L));
    m.put("deleteAllObjects", t::deleteAllObjects);
    m.put("take", () -> t.take("k"));
    m.put("lookup", () -> t.lookup("k"));
    m.put("member", () -> t.member("k"));
    m.put("get", () -> t.get("k"));
    m.put("getOrDefault", () -> t.getOrDefault("k", 0L));
    m.put("lookupElement", () -> t.lookupElement("k", v -> v));
    m.put("lookupElementDefault", () -> t.lookupElement("k", v -> v, 0L));
    m.put("updateCounter", () -> t.updateCounter("k", 1));
    m.put("updateCounterThreshold", () -> t.updateCounter("k", 1, 5, 0));
    m.put("updateCounterDefault", () -> t.updateCounter("k", 1, 0L));
    m.put("updateCounterList", () -> t.updateCounter("k", List.of(CounterOp.increment(1))));
    m.put("update", () -> t.update("k", v -> v));
    m.put("updateDefault", () -> t.update("k", v -> v, 0L));
    m.put("first", t::first);
    m.put("next", () -> t.next("k"));
    m.put("last", t::last);
    m.put("prev", () -> t.prev("k"));
    m.put("firstLookup", t::firstLookup);
    m.put("nextLookup", () -> t.nextLookup("k"));
    m.put("lastLookup", t::lastLookup);
    m.put("prevLookup", () -> t.prevLookup("k"));
    m.put("foldl", () -> t.foldl(0, (k, v, a) -> a));
    m.put("foldr", () -> t.foldr(0, (k, v, a) -> a));
    m.put("toList", t::toList);
    m.put("giveAway", () -> t.giveAway(someone, null));
    m.put("setHeir", () -> t.setHeir(someone, null));
    m.put("clearHeir", t::clearHeir);
    m.put("rename", () -> t.rename("other-name"));
    m.put("delete table", t::delete);
    return m;
  }

  private static void assertEveryOperationFailsAsDeleted(
      SetTable<String, Long> t, Owner caller, Owner someone) {
    String name = t.name();
    try (Owner.Binding b = caller.bind()) {
      for (Map.Entry<String, Executable> op : everyOperation(t, someone).entrySet()) {
        TableDeletedException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                TableDeletedException.class, op.getValue(), op.getKey() + " on a deleted table");
        Fixtures.assertNamesTable(e, name);
      }
    }
    assertTrue(t.isDeleted());
    assertEquals(name, t.name());
  }

  @ParameterizedTest
  @EnumSource(Access.class)
  void ownerExitDeletesTheTable(Access access) {
    OwnerScope owner = OwnerScope.open("owner");
    SetTable<String, Long> t = tableOf(owner, access);
    assertTrue(Tables.all().contains(t));
    owner.close();
    assertTrue(t.isDeleted(), "deleted by the time close() returns");
    assertFalse(Tables.all().contains(t));
    try (OwnerScope someone = OwnerScope.open("someone")) {
      assertEveryOperationFailsAsDeleted(t, owner, someone);
      assertEveryOperationFailsAsDeleted(t, someone, someone);
    }
  }

  @ParameterizedTest
  @Types
  void everyTypeDiesWithItsOwner(TableType type) {
    OwnerScope owner = OwnerScope.open("owner");
    Table<String, String> t;
    try (Owner.Binding b = owner.bind()) {
      t = tables.builder(type, Fixtures.unique("typed")).build();
      t.insert("k", "v");
    }
    owner.exit(io.jets.owner.ExitReason.crash(new RuntimeException("crashed")));
    assertFailsNaming(TableDeletedException.class, t.name(), () -> t.lookup("k"));
    assertFailsNaming(TableDeletedException.class, t.name(), () -> t.insert("k", "v"));
  }

  @Test
  void aliveHeirInheritsAndIsToldAboutIt() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t;
      try (Owner.Binding b = owner.bind()) {
        t =
            tables
                .set(Fixtures.unique("inherited"))
                .access(Access.PRIVATE)
                .heir(heir, "heir-data")
                .build();
        t.insert("k", 7L);
      }
      try (Owner.Binding b = heir.bind()) {
        assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.lookup("k"));
      }
      owner.close();
      assertFalse(t.isDeleted());
      assertSame(heir, t.owner());
      assertEquals(List.of(new TableTransfer(t, owner, "heir-data")), heir.drain());
      try (Owner.Binding b = heir.bind()) {
        assertEquals(List.of(7L), t.lookup("k"), "the heir may now use the private table");
        t.insert("k", 8L);
        assertEquals(Optional.of(heir), t.info().heir(), "the heir stays heir after inheriting");
        assertSame(heir, t.info().owner());
      }
      assertTrue(Tables.all().contains(t));
      heir.close(); // heir of itself: the table dies with it
      assertTrue(t.isDeleted());
      assertTrue(heir.poll().isEmpty());
    }
  }

  @Test
  void nameTypeOwnerAndIsDeletedStillAnswerOnADeletedTable() {
    OwnerScope owner = OwnerScope.open("owner");
    SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
    String name = t.name();
    try (Owner.Binding b = owner.bind()) {
      t.delete();
    }
    assertTrue(t.isDeleted());
    assertEquals(name, t.name(), "its last name");
    assertEquals(TableType.SET, t.type());
    assertSame(owner, t.owner(), "its last owner");
    owner.close();
  }

  @Test
  void anHeirSetWithoutDataInheritsInSilence() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
      try (Owner.Binding b = owner.bind()) {
        t.setHeir(heir);
        assertEquals(Optional.of(heir), t.info().heir());
      }
      owner.close();
      assertFalse(t.isDeleted());
      assertSame(heir, t.owner());
      assertTrue(heir.poll().isEmpty(), "no TableTransfer was delivered");
      try (Owner.Binding b = heir.bind()) {
        t.insert("k", 2L);
        assertEquals(List.of(2L), t.lookup("k"), "the heir owns the table");
      }
    }
  }

  @Test
  void heirDeadWhenSetMeansNoHeir() {
    OwnerScope owner = OwnerScope.open("owner");
    OwnerScope heir = OwnerScope.open("heir");
    heir.close();
    SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
    try (Owner.Binding b = owner.bind()) {
      t.setHeir(heir, "data");
      assertEquals(Optional.empty(), t.info().heir());
    }
    owner.close();
    assertTrue(t.isDeleted());
  }

  @Test
  void heirThatDiesBeforeTheOwnerInheritsNothing() {
    OwnerScope owner = OwnerScope.open("owner");
    OwnerScope heir = OwnerScope.open("heir");
    SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
    try (Owner.Binding b = owner.bind()) {
      t.setHeir(heir, "data");
      assertEquals(Optional.of(heir), t.info().heir());
    }
    heir.close();
    assertFalse(t.isDeleted(), "the heir's exit does not touch the table");
    owner.close();
    assertTrue(t.isDeleted());
    assertTrue(heir.poll().isEmpty());
  }

  @Test
  void setHeirAndClearHeirAreOwnerOnly() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t = tableOf(owner, Access.PUBLIC);
      try (Owner.Binding b = heir.bind()) {
        assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.setHeir(heir, "x"));
      }
      try (Owner.Binding b = owner.bind()) {
        assertFailsNaming(BadArgumentException.class, t.name(), () -> t.setHeir(null, "x"));
        t.setHeir(heir, "first");
        t.setHeir(heir, "second");
        assertEquals(Optional.of(heir), t.info().heir());
      }
      try (Owner.Binding b = heir.bind()) {
        assertFailsNaming(AccessDeniedException.class, t.name(), t::clearHeir);
      }
      try (Owner.Binding b = owner.bind()) {
        t.clearHeir();
        assertEquals(Optional.empty(), t.info().heir());
        t.setHeir(heir, "third");
      }
      owner.close();
      assertEquals(
          List.of(new TableTransfer(t, owner, "third")), heir.drain(), "the latest heir data");
    }
  }

  @Test
  void clearedHeirMeansTheTableDiesWithItsOwner() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t;
      try (Owner.Binding b = owner.bind()) {
        t = tables.set("t").heir(heir, "d").build();
        t.clearHeir();
      }
      owner.close();
      assertTrue(t.isDeleted());
      assertTrue(heir.drain().isEmpty());
    }
  }

  @Test
  void giveAwayMovesOwnershipAndTellsTheReceiver() {
    OwnerScope owner = OwnerScope.open("owner");
    OwnerScope receiver = OwnerScope.open("receiver");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
      try (Owner.Binding b = owner.bind()) {
        t.setHeir(heir, "heir-data");
        t.giveAway(receiver, "gift");
      }
      assertSame(receiver, t.owner());
      assertEquals(List.of(new TableTransfer(t, owner, "gift")), receiver.drain());
      assertEquals(Optional.of(heir), infoAs(receiver, t).heir(), "giveAway leaves the heir");
      try (Owner.Binding b = owner.bind()) {
        assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.insert("k", 2L));
        assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.giveAway(receiver, null));
      }
      owner.close();
      assertFalse(t.isDeleted(), "the previous owner's exit no longer matters");
      try (Owner.Binding b = receiver.bind()) {
        t.insert("k", 3L);
      }
      receiver.close();
      assertFalse(t.isDeleted());
      assertSame(heir, t.owner());
      assertEquals(List.of(new TableTransfer(t, receiver, "heir-data")), heir.drain());
      assertEquals(3L, t.get("k"));
    }
  }

  @Test
  void giveAwayPingPong() {
    try (OwnerScope a = OwnerScope.open("a");
        OwnerScope b = OwnerScope.open("b")) {
      SetTable<String, Long> t = tableOf(a, Access.PRIVATE);
      for (int i = 0; i < 10; i++) {
        OwnerScope from = i % 2 == 0 ? a : b;
        OwnerScope to = i % 2 == 0 ? b : a;
        try (Owner.Binding bound = from.bind()) {
          t.giveAway(to, i);
        }
        assertEquals(List.of(new TableTransfer(t, from, i)), to.drain());
        try (Owner.Binding bound = to.bind()) {
          assertEquals(i + 2, t.updateCounter("k", 1), "the counter starts at 1");
        }
      }
      assertSame(a, t.owner());
    }
  }

  @Test
  void giveAwayRejectsBadReceivers() {
    OwnerScope owner = OwnerScope.open("owner");
    OwnerScope dead = OwnerScope.open("dead");
    dead.close();
    SetTable<String, Long> t = tableOf(owner, Access.PUBLIC);
    try (Owner.Binding b = owner.bind()) {
      BadArgumentException e =
          assertFailsNaming(BadArgumentException.class, t.name(), () -> t.giveAway(dead, "x"));
      assertTrue(e.getMessage().contains("dead"), e.getMessage());
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.giveAway(owner, "x"));
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.giveAway(null, "x"));
    }
    assertSame(owner, t.owner());
    assertTrue(owner.poll().isEmpty());
    owner.close();
    assertTrue(t.isDeleted(), "still owned by, and dying with, the owner");
  }

  @Test
  void giveAwayFromTheApplicationOwner() {
    try (OwnerScope receiver = OwnerScope.open("receiver")) {
      SetTable<String, Long> t = tables.set("app").build();
      assertSame(Owner.application(), t.owner());
      t.giveAway(receiver, null);
      TableTransfer transfer = (TableTransfer) receiver.poll().orElseThrow();
      assertSame(t, transfer.table());
      assertSame(Owner.application(), transfer.from());
      assertNull(transfer.data());
    }
  }

  @Test
  void deleteRequiresWriteAccessAndTwiceFails() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope other = OwnerScope.open("other")) {
      SetTable<String, Long> t = tableOf(owner, Access.PROTECTED);
      try (Owner.Binding b = other.bind()) {
        assertFailsNaming(AccessDeniedException.class, t.name(), t::delete);
      }
      assertFalse(t.isDeleted());
      try (Owner.Binding b = owner.bind()) {
        t.delete();
        assertTrue(t.isDeleted());
        assertFailsNaming(TableDeletedException.class, t.name(), t::delete);
      }
      assertEveryOperationFailsAsDeleted(t, owner, other);
      owner.close(); // exiting after the table was deleted is harmless
    }
  }

  @Test
  void tableDeletedByItsOwnerDoesNotGoToTheHeir() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Long> t;
      try (Owner.Binding b = owner.bind()) {
        t = tables.set("t").heir(heir, "d").build();
        t.delete();
      }
      owner.close();
      assertTrue(heir.drain().isEmpty());
      assertTrue(t.isDeleted());
    }
  }
}
