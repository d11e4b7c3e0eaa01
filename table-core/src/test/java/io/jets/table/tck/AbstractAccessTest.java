package io.jets.table.tck;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.NotOwnerException;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.WriteConcurrency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Access modes of the tables under test, checked against Owner.current(). */
public abstract class AbstractAccessTest extends SharedTableTest {

  private OwnerScope owner;
  private OwnerScope other;

  @BeforeEach
  void openOwners() {
    owner = OwnerScope.open("owner");
    other = OwnerScope.open("other");
  }

  @AfterEach
  void cleanUp() {
    other.close();
    owner.close();
    Fixtures.deleteAllTables();
  }

  private SetTable<String, Long> table(Access access, WriteConcurrency mode) {
    SetTable<String, Long> t;
    try (Owner.Binding b = owner.bind()) {
      t = tables.set(Fixtures.unique("t")).access(access).writeConcurrency(mode).build();
      t.insert("k", 1L);
    }
    return t;
  }

  private static Map<String, Executable> reads(SetTable<String, Long> t) {
    Map<String, Executable> m = new LinkedHashMap<>();
    m.put("lookup", () -> t.lookup("k"));
    m.put("get", () -> t.get("k"));
    m.put("getOrDefault", () -> t.getOrDefault("k", 0L));
    m.put("lookupElement", () -> t.lookupElement("k", v -> v));
    m.put("lookupElementDefault", () -> t.lookupElement("k", v -> v, 0L));
    m.put("member", () -> t.member("k"));
    m.put("size", t::size);
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
    return m;
  }

  /** Writes that leave the table as it was when they succeed, so they can all run in turn. */
  private static Map<String, Executable> writes(SetTable<String, Long> t) {
    Map<String, Executable> m = new LinkedHashMap<>();
    m.put("insert", () -> t.insert("k", 1L));
    m.put("insertAll", () -> t.insertAll(List.of(Map.entry("k", 1L))));
    m.put("insertNew", () -> t.insertNew("k", 1L));
    m.put("insertNewAll", () -> t.insertNewAll(List.of(Map.entry("k", 1L))));
    m.put("delete", () -> t.delete("absent"));
    m.put("deleteObject", () -> t.deleteObject("k", 99L));
    m.put("take", () -> t.take("absent"));
    m.put("updateCounter", () -> t.updateCounter("k", 0));
    m.put("updateCounterThreshold", () -> t.updateCounter("k", 0, 10, 0));
    m.put("updateCounterDefault", () -> t.updateCounter("k", 0, 0L));
    m.put("updateCounterList", () -> t.updateCounter("k", List.of(CounterOp.increment(0))));
    m.put("update", () -> t.update("k", v -> v));
    m.put("updateDefault", () -> t.update("k", v -> v, 1L));
    m.put("rename", () -> t.rename(t.name()));
    m.put(
        "deleteAllObjects",
        () -> {
          t.deleteAllObjects();
          t.insert("k", 1L);
        });
    return m;
  }

  private static void assertAllowed(Map<String, Executable> ops) throws Throwable {
    for (Map.Entry<String, Executable> op : ops.entrySet()) {
      try {
        op.getValue().execute();
      } catch (AccessDeniedException e) {
        throw new AssertionError(op.getKey() + " was denied", e);
      }
    }
  }

  private static void assertDenied(String table, Map<String, Executable> ops) {
    for (Map.Entry<String, Executable> op : ops.entrySet()) {
      AccessDeniedException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              AccessDeniedException.class, op.getValue(), op.getKey() + " was allowed");
      Fixtures.assertNamesTable(e, table);
    }
  }

  @Test
  void privateTableOnlyTheOwnerReadsOrWrites() throws Throwable {
    SetTable<String, Long> t = table(Access.PRIVATE, WriteConcurrency.OFF);
    try (Owner.Binding b = owner.bind()) {
      assertAllowed(reads(t));
      assertAllowed(writes(t));
    }
    try (Owner.Binding b = other.bind()) {
      assertDenied(t.name(), reads(t));
      assertDenied(t.name(), writes(t));
      assertFailsNaming(AccessDeniedException.class, t.name(), t::delete);
    }
    // an unbound thread acts for the application owner, which is not the owner either
    assertDenied(t.name(), reads(t));
    assertDenied(t.name(), writes(t));
    try (Owner.Binding b = owner.bind()) {
      assertEquals(List.of(1L), t.lookup("k"), "denied operations changed nothing");
    }
    // metadata that never throws stays available to anyone
    assertEquals(Access.PRIVATE, access(t));
    try (Owner.Binding b = other.bind()) {
      assertSame(owner, t.info().owner(), "info needs no read access, as ets:info");
      assertEquals(1, t.info().size());
    }
    assertEquals(Access.PRIVATE, t.info().access(), "nor does an unbound thread need it");
    assertSame(owner, t.owner());
    assertFalse(t.isDeleted());
  }

  private Access access(Table<?, ?> t) {
    try (Owner.Binding b = t.owner().bind()) {
      return t.info().access();
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void protectedTableOthersOnlyRead(WriteConcurrency mode) throws Throwable {
    SetTable<String, Long> t = table(Access.PROTECTED, mode);
    try (Owner.Binding b = owner.bind()) {
      assertAllowed(reads(t));
      assertAllowed(writes(t));
    }
    try (Owner.Binding b = other.bind()) {
      assertAllowed(reads(t));
      AccessDeniedException e =
          assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.insert("x", 1L));
      assertTrue(e.getMessage().contains("insert"), e.getMessage());
      assertDenied(t.name(), writes(t));
      assertFailsNaming(AccessDeniedException.class, t.name(), t::delete);
    }
    assertAllowed(reads(t));
    assertDenied(t.name(), writes(t));
    assertEquals(List.of(Map.entry("k", 1L)), t.toList());
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void publicTableAnyoneReadsAndWrites(WriteConcurrency mode) throws Throwable {
    SetTable<String, Long> t = table(Access.PUBLIC, mode);
    try (Owner.Binding b = other.bind()) {
      assertAllowed(reads(t));
      assertAllowed(writes(t));
      t.insert("fromOther", 2L);
    }
    assertEquals(2L, t.get("fromOther"));
    assertAllowed(reads(t));
    assertAllowed(writes(t));
  }

  @ParameterizedTest
  @EnumSource(Access.class)
  void ownerOnlyOperationsAreDeniedToOthersInEveryMode(Access access) {
    SetTable<String, Long> t = table(access, WriteConcurrency.OFF);
    try (Owner.Binding b = other.bind()) {
      List<Executable> ownerOnly =
          List.of(
              () -> t.giveAway(other, null),
              () -> t.setHeir(other, null),
              () -> t.setHeir(other),
              t::clearHeir);
      for (Executable op : ownerOnly) {
        AccessDeniedException e = assertFailsNaming(AccessDeniedException.class, t.name(), op);
        // ETS: not_owner only where the caller could write (PUBLIC); otherwise an access error.
        assertEquals(access == Access.PUBLIC, e instanceof NotOwnerException, e.getMessage());
      }
    }
    assertSame(owner, t.owner());
    try (Owner.Binding b = owner.bind()) {
      assertTrue(t.info().heir().isEmpty());
    }
  }

  @Test
  void theOwnerChangesTheProtectionAndOthersAreHeldToItAtOnce() throws Throwable {
    SetTable<String, Long> t = table(Access.PROTECTED, WriteConcurrency.ON);
    try (Owner.Binding b = other.bind()) {
      assertDenied(t.name(), writes(t));
      assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.setAccess(Access.PUBLIC));
    }
    try (Owner.Binding b = owner.bind()) {
      t.setAccess(Access.PUBLIC);
      assertEquals(Access.PUBLIC, t.info().access());
    }
    try (Owner.Binding b = other.bind()) {
      assertAllowed(writes(t));
      assertFailsNaming(NotOwnerException.class, t.name(), () -> t.setAccess(Access.PRIVATE));
    }
    try (Owner.Binding b = owner.bind()) {
      assertFailsNaming(BadArgumentException.class, t.name(), () -> t.setAccess(null));
      t.setAccess(Access.PRIVATE);
    }
    try (Owner.Binding b = other.bind()) {
      assertDenied(t.name(), reads(t));
      assertDenied(t.name(), writes(t));
    }
    try (Owner.Binding b = owner.bind()) {
      assertEquals(List.of(1L), t.lookup("k"), "denied operations changed nothing");
    }
  }

  @Test
  void publicTableMayBeDeletedAndRenamedByAnyone() {
    SetTable<String, Long> t = table(Access.PUBLIC, WriteConcurrency.ON);
    String newName = Fixtures.unique("renamed");
    try (Owner.Binding b = other.bind()) {
      t.rename(newName);
      assertEquals(newName, t.name());
      t.delete();
    }
    assertTrue(t.isDeleted());
  }

  @Test
  void givingAwayAPrivateTableMovesTheRightToUseIt() {
    SetTable<String, Long> t = table(Access.PRIVATE, WriteConcurrency.OFF);
    try (Owner.Binding b = owner.bind()) {
      t.giveAway(other, "gift");
      assertFailsNaming(AccessDeniedException.class, t.name(), () -> t.lookup("k"));
    }
    try (Owner.Binding b = other.bind()) {
      assertEquals(List.of(1L), t.lookup("k"));
      t.insert("k", 2L);
    }
  }
}
