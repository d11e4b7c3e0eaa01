package io.jets.table.tck;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.BadArgumentException;
import io.jets.table.BagTable;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.Tables;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Named tables under test: whereis, all, duplicate names, rename, and names freed by deletion. */
public abstract class AbstractNamesTest extends SharedTableTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  @Test
  void namedTablesAreFoundByNameAndAllListsEveryLiveTable() {
    String n = Fixtures.unique("named");
    SetTable<String, String> named = tables.set(n).named().build();
    BagTable<String, String> unnamed = Tables.bag(Fixtures.unique("unnamed")).build();
    assertSame(named, Tables.whereis(n).orElseThrow());
    assertEquals(Optional.empty(), Tables.whereis(unnamed.name()));
    assertEquals(Optional.empty(), Tables.whereis(Fixtures.unique("never")));
    List<Table<?, ?>> all = Tables.all();
    assertTrue(all.contains(named));
    assertTrue(all.contains(unnamed));
    unnamed.delete();
    assertFalse(Tables.all().contains(unnamed));
    assertTrue(Tables.all().contains(named));
  }

  /** A null name is bad input, as ETS's whereis of a non-atom is badarg, not a raw NPE. */
  @Test
  void whereisOfANullNameIsABadArgument() {
    BadArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadArgumentException.class, () -> Tables.whereis(null));
    assertTrue(e.getMessage().contains("whereis: the name is null"), e.getMessage());
  }

  @Test
  void duplicateNameRejectedNamingTheTable() {
    String n = Fixtures.unique("dup");
    SetTable<String, String> first = tables.set(n).named().build();
    BadArgumentException e =
        assertFailsNaming(BadArgumentException.class, n, () -> tables.set(n).named().build());
    assertTrue(e.getMessage().contains("in use"), e.getMessage());
    assertSame(first, Tables.whereis(n).orElseThrow());
  }

  @Test
  void renameNamedTableFreesTheOldName() {
    String oldName = Fixtures.unique("old");
    String newName = Fixtures.unique("new");
    SetTable<String, String> t = tables.set(oldName).named().build();
    t.insert("k", "v");
    t.rename(newName);
    assertEquals(newName, t.name());
    assertEquals(newName, t.info().name());
    assertEquals(Optional.empty(), Tables.whereis(oldName));
    assertSame(t, Tables.whereis(newName).orElseThrow());
    assertEquals("v", t.get("k"));
    SetTable<String, String> reuse = tables.set(oldName).named().build();
    assertSame(
        reuse, Tables.whereis(oldName).orElseThrow(), "the old name is free for another table");
    t.rename(newName); // to its own name: nothing changes
    assertSame(t, Tables.whereis(newName).orElseThrow());
  }

  @Test
  void renameToANameInUseIsRejectedLeavingTheTableUnchanged() {
    String a = Fixtures.unique("a");
    String b = Fixtures.unique("b");
    SetTable<String, String> ta = tables.set(a).named().build();
    SetTable<String, String> tb = tables.set(b).named().build();
    BadArgumentException e = assertFailsNaming(BadArgumentException.class, a, () -> ta.rename(b));
    assertTrue(e.getMessage().contains(b), e.getMessage());
    assertEquals(a, ta.name());
    assertSame(ta, Tables.whereis(a).orElseThrow());
    assertSame(tb, Tables.whereis(b).orElseThrow());
    assertFailsNaming(BadArgumentException.class, a, () -> ta.rename(null));
    assertFailsNaming(BadArgumentException.class, a, () -> ta.rename(""));
    assertEquals(a, ta.name());
  }

  @Test
  void renameUnnamedTableChangesItsNameOnly() {
    String taken = Fixtures.unique("taken");
    SetTable<String, String> named = tables.set(taken).named().build();
    SetTable<String, String> t = tables.set(Fixtures.unique("plain")).build();
    t.rename(taken); // not registered, so no conflict
    assertEquals(taken, t.name());
    assertFalse(t.info().named());
    assertSame(named, Tables.whereis(taken).orElseThrow());
    TableDeletedException e =
        assertFailsNaming(
            TableDeletedException.class,
            taken,
            () -> {
              t.delete();
              t.lookup("k");
            });
    assertTrue(e.getMessage().contains("lookup"));
  }

  @Test
  void nameIsFreeTheMomentTheTableIsDeleted() {
    String n = Fixtures.unique("reused");
    SetTable<String, String> old = tables.set(n).named().build();
    old.insert("k", "old");
    old.delete();
    assertEquals(Optional.empty(), Tables.whereis(n));
    SetTable<String, String> fresh = tables.set(n).named().build();
    fresh.insert("k", "fresh");
    assertNotSame(old, fresh);
    assertSame(fresh, Tables.whereis(n).orElseThrow());
    // the old handle never reaches the newer table of the same name
    assertFailsNaming(TableDeletedException.class, n, () -> old.lookup("k"));
    assertFailsNaming(TableDeletedException.class, n, () -> old.insert("k", "via old handle"));
    assertFailsNaming(TableDeletedException.class, n, old::delete);
    assertEquals("fresh", fresh.get("k"));
  }

  @Test
  void ownerExitFreesTheName() {
    String n = Fixtures.unique("scoped");
    OwnerScope scope = OwnerScope.open("s");
    SetTable<String, String> t;
    try (Owner.Binding b = scope.bind()) {
      t = tables.set(n).named().build();
    }
    assertSame(t, Tables.whereis(n).orElseThrow());
    scope.close();
    assertEquals(Optional.empty(), Tables.whereis(n));
    assertFalse(Tables.all().contains(t));
    assertNotSame(t, tables.set(n).named().build());
  }

  @Test
  void renamedTableFreesItsCurrentNameWhenDeleted() {
    String a = Fixtures.unique("a");
    String b = Fixtures.unique("b");
    SetTable<String, String> t = tables.set(a).named().build();
    t.rename(b);
    t.delete();
    assertEquals(Optional.empty(), Tables.whereis(a));
    assertEquals(Optional.empty(), Tables.whereis(b));
    assertFailsNaming(TableDeletedException.class, b, () -> t.rename(a));
  }
}
