package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** safeFixtable: counted per owner, dropped on the owner's exit, reported by info. */
class SafeFixtableTest {

  @ParameterizedTest
  @EnumSource(TableKind.class)
  void fixesAreCountedPerOwnerAndEndWithTheOwner(TableKind kind) {
    Table<Integer, String> table = kind.build("fix", WriteConcurrency.OFF);
    assertFalse(table.info().fixed());
    table.safeFixtable(true);
    table.safeFixtable(true);
    table.safeFixtable(false);
    assertTrue(table.info().fixed(), "two fixes need two unfixes");
    try (OwnerScope other = OwnerScope.open("fixer")) {
      try (Owner.Binding bound = other.bind()) {
        table.safeFixtable(false); // never fixed: nothing happens
        table.safeFixtable(true);
      }
      table.safeFixtable(false);
      assertTrue(table.info().fixed(), "the other owner still holds its fix");
    }
    assertFalse(table.info().fixed(), "the other owner's fix ended with it");
    table.safeFixtable(true);
    table.delete();
    assertThrows(TableDeletedException.class, () -> table.safeFixtable(true));
  }
}
