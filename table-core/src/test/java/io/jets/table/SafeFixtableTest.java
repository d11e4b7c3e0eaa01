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

  @org.junit.jupiter.api.Test
  void infoReportsSinceWhenAndByWhomTheTableIsFixed() {
    SetTable<String, Integer> t =
        Tables.<String, Integer>set("fix-info").access(Access.PUBLIC).build();
    try {
      assertTrue(t.info().safeFixation().isEmpty());
      long before = System.nanoTime();
      OwnerScope b = OwnerScope.open("fixer-b");
      try (OwnerScope a = OwnerScope.open("fixer-a")) {
        try (Owner.Binding x = a.bind()) {
          t.safeFixtable(true);
          t.safeFixtable(true);
        }
        long between = System.nanoTime();
        try (Owner.Binding x = b.bind()) {
          t.safeFixtable(true);
        }
        TableInfo.SafeFixation fixation = t.info().safeFixation().orElseThrow();
        assertTrue(fixation.sinceNanos() - before >= 0, "not before the first fix");
        assertTrue(between - fixation.sinceNanos() >= 0, "the first fix's time, not the last");
        org.junit.jupiter.api.Assertions.assertEquals(
            java.util.Map.of(a, 2, b, 1), fixation.fixes());
        try (Owner.Binding x = a.bind()) {
          t.safeFixtable(false);
          t.safeFixtable(false);
        }
        TableInfo.SafeFixation left = t.info().safeFixation().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(b, 1), left.fixes());
        org.junit.jupiter.api.Assertions.assertEquals(
            fixation.sinceNanos(), left.sinceNanos(), "kept while any owner holds a fix");
      }
      b.close(); // an exiting owner's fixes go with it
      assertTrue(t.info().safeFixation().isEmpty());
      assertFalse(t.info().fixed());
    } finally {
      t.delete();
    }
  }
}
