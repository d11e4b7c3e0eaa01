package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.tck.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Tables#i()}: one row per live table with its figures and modes. */
class TableListingTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static String rowOf(String listing, String name) {
    return listing
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + listing));
  }

  @Test
  void listsEveryLiveTableWithSizeOwnerAccessAndModes() {
    String users = Fixtures.unique("listing-users");
    String events = Fixtures.unique("listing-events");
    SetTable<String, Long> set =
        Tables.set(users)
            .named()
            .readConcurrency(true)
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    set.insert("a", 1L);
    set.insert("b", 2L);
    Tables.orderedSet(events).access(Access.PUBLIC).build();

    String listing = Tables.i();

    assertTrue(listing.lines().findFirst().orElseThrow().startsWith("name"), listing);
    String userRow = rowOf(listing, users);
    List<String> cells = List.of(userRow.trim().split("\\s+"));
    assertEquals("SET", cells.get(1));
    assertEquals("2", cells.get(2));
    assertTrue(userRow.contains(Owner.current().name()), userRow);
    assertTrue(userRow.contains("PROTECTED"), userRow);
    assertTrue(userRow.contains("write=ON(64)"), userRow);
    assertTrue(userRow.contains(" read"), userRow);
    assertTrue(userRow.contains(" named"), userRow);
    assertTrue(rowOf(listing, events).contains("ORDERED_SET"));
  }

  @Test
  void aPrivateTableOfAnotherOwnerIsListedWithItsFiguresAsEtsIDoes() {
    String name = Fixtures.unique("listing-private");
    try (OwnerScope other = OwnerScope.open("listing-other")) {
      try (Owner.Binding bound = other.bind()) {
        Tables.<String, Integer>set(name).access(Access.PRIVATE).build().insert("k", 1);
      }
      String row = rowOf(Tables.i(), name);
      assertTrue(row.contains("PRIVATE"), row);
      assertTrue(row.contains("listing-other"), row);
      assertFalse(row.contains(" - "), row);
      assertTrue(row.matches(".*SET\\s+1\\s.*"), "its size: " + row);
    }
  }

  @Test
  void deletedTablesAreNotListed() {
    String name = Fixtures.unique("listing-deleted");
    Tables.set(name).build().delete();
    assertTrue(Tables.i().lines().noneMatch(line -> line.startsWith(name + " ")));
  }
}
