package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Builder defaults and validation: a rejected build creates and registers nothing. */
class BuilderTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  @Test
  void defaultsAreThoseOfEts() {
    SetTable<String, String> t = Tables.set(Fixtures.unique("defaults")).build();
    TableInfo info = t.info();
    assertEquals(TableType.SET, info.type());
    assertEquals(Access.PROTECTED, info.access());
    assertFalse(info.named());
    assertEquals(Optional.empty(), info.heir());
    assertFalse(info.readConcurrency());
    assertEquals(WriteConcurrency.OFF, info.writeConcurrency());
    assertFalse(info.decentralizedCounters());
    assertEquals(1, info.lockStripes());
    assertSame(Owner.current(), info.owner());
    assertEquals(0, info.size());
  }

  @Test
  void eachBuilderMakesItsType() {
    assertEquals(TableType.SET, Tables.set("s").build().type());
    assertEquals(TableType.BAG, Tables.bag("b").build().type());
    assertEquals(TableType.DUPLICATE_BAG, Tables.duplicateBag("d").build().type());
    assertInstanceOf(BagTable.class, Tables.bag("b").build());
  }

  @ParameterizedTest
  @MethodSource("io.jets.table.tck.Fixtures#typesAndModes")
  void optionsAreReportedByInfo(TableType type, WriteConcurrency mode) {
    try (OwnerScope heir = OwnerScope.open("heir")) {
      String name = Fixtures.unique("opts");
      Table<String, String> t =
          HeapTableFactory.buildFrom(
              HeapTableFactory.tablesBuilder(type, name)
                  .access(Access.PUBLIC)
                  .named()
                  .readConcurrency(true)
                  .writeConcurrency(mode)
                  .heir(heir, "data"));
      TableInfo info = t.info();
      assertEquals(name, info.name());
      assertTrue(info.named());
      assertEquals(type, info.type());
      assertEquals(Access.PUBLIC, info.access());
      assertTrue(info.readConcurrency());
      assertEquals(mode, info.writeConcurrency());
      assertEquals(Optional.of(heir), info.heir());
      assertEquals(mode == WriteConcurrency.AUTO, info.decentralizedCounters(), "ETS default");
      assertEquals(
          mode == WriteConcurrency.ON ? 64 : 1,
          info.lockStripes(),
          "OFF has one lock; AUTO starts with one");
      t.insert("k", "v");
      assertEquals(1, t.info().size());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = WriteConcurrency.class,
      names = {"ON", "AUTO"})
  void decentralizedCountersCanBeChosen(WriteConcurrency mode) {
    for (boolean on : new boolean[] {true, false}) {
      SetTable<Integer, Integer> t =
          Tables.set(Fixtures.unique("dc"))
              .writeConcurrency(mode)
              .decentralizedCounters(on)
              .build();
      assertEquals(on, t.info().decentralizedCounters());
      for (int i = 0; i < 1000; i++) {
        t.insert(i, i);
      }
      t.delete(0);
      assertEquals(999, t.size(), "size is exact either way once writes stop");
    }
  }

  @Test
  void ownerOptionSetsTheOwner() {
    try (OwnerScope scope = OwnerScope.open("o")) {
      SetTable<String, String> t = Tables.set("owned").owner(scope).build();
      assertSame(scope, t.owner());
      try (Owner.Binding b = scope.bind()) {
        SetTable<String, String> u = Tables.set("bound").build();
        assertSame(scope, u.owner(), "by default the current owner");
      }
    }
  }

  /**
   * Asserts that building fails with BadArgumentException naming {@code name}, registering nothing.
   */
  private static void assertRejected(String name, TableBuilder<?> builder, String messagePart) {
    Set<Table<?, ?>> before = new HashSet<>(Tables.all());
    BadArgumentException e =
        assertFailsNaming(
            BadArgumentException.class, name, () -> HeapTableFactory.buildFrom(builder));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertEquals(before, new HashSet<>(Tables.all()), "a rejected build registers nothing");
    if (name != null && !name.isEmpty() && !name.equals("<null>")) {
      assertEquals(Optional.empty(), Tables.whereis(name).filter(t -> !before.contains(t)));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TableType.class,
      names = {"SET", "BAG", "DUPLICATE_BAG"})
  void conflictingOptionsAreRejected(TableType type) {
    Function<String, TableBuilder<?>> b = n -> HeapTableFactory.tablesBuilder(type, n).named();
    String n = Fixtures.unique("bad");
    assertRejected(n, b.apply(n).access(Access.PRIVATE).readConcurrency(true), "readConcurrency");
    assertRejected(
        n,
        b.apply(n).access(Access.PRIVATE).writeConcurrency(WriteConcurrency.ON),
        "writeConcurrency");
    assertRejected(
        n,
        b.apply(n).access(Access.PRIVATE).writeConcurrency(WriteConcurrency.AUTO),
        "writeConcurrency");
    assertRejected(n, b.apply(n).decentralizedCounters(true), "decentralizedCounters");
    assertRejected(
        n,
        b.apply(n).writeConcurrency(WriteConcurrency.OFF).decentralizedCounters(true),
        "decentralizedCounters");
    assertRejected(n, b.apply(n).access(null), "access");
    assertRejected(n, b.apply(n).writeConcurrency(null), "writeConcurrency");
    assertRejected("", b.apply(""), "name");
    assertRejected("<null>", b.apply(null), "name");
    // PRIVATE with the defaults, and the other modes on shared tables, are fine
    TableBuilder<?> privateTable =
        HeapTableFactory.tablesBuilder(type, Fixtures.unique("p")).access(Access.PRIVATE);
    assertEquals(Access.PRIVATE, HeapTableFactory.buildFrom(privateTable).info().access());
  }

  @Test
  void deadOwnerIsRejected() {
    OwnerScope dead = OwnerScope.open("dead");
    dead.close();
    String n = Fixtures.unique("orphan");
    assertRejected(n, Tables.set(n).named().owner(dead), "exited");
    assertRejected(n, Tables.bag(n).named().owner(dead), "exited");
    try (Owner.Binding b = dead.bind()) {
      assertRejected(n, Tables.duplicateBag(n).named(), "exited");
    }
  }

  @Test
  void deadHeirMeansNoHeir() {
    OwnerScope dead = OwnerScope.open("dead");
    dead.close();
    SetTable<String, String> t = Tables.set("t").heir(dead, "data").build();
    assertEquals(Optional.empty(), t.info().heir());
  }

  @Test
  void duplicateNameIsRejectedAndTheFirstTableKept() {
    String n = Fixtures.unique("dup");
    SetTable<String, String> first = Tables.set(n).named().build();
    assertRejected(n, Tables.bag(n).named(), "in use");
    assertSame(first, Tables.whereis(n).orElseThrow());
    SetTable<String, String> unnamed = Tables.set(n).build();
    assertEquals(n, unnamed.name(), "an unnamed table may share the name");
    assertSame(first, Tables.whereis(n).orElseThrow());
  }

  @Test
  void builderWithoutNameFailsOnlyAtBuild() {
    TableBuilder<?> b = Tables.set(null);
    assertThrows(BadArgumentException.class, () -> HeapTableFactory.buildFrom(b));
  }

  @Test
  void aNullHeirIsRefusedByTheBuilderAsBySetHeir() {
    assertFailsNaming(
        BadArgumentException.class,
        "null-heir",
        () -> Tables.set("null-heir").heir(null, "data").build());
    assertFailsNaming(
        BadArgumentException.class, "null-heir", () -> Tables.set("null-heir").heir(null).build());
    assertTrue(
        Tables.all().stream().noneMatch(t -> t.name().equals("null-heir")), "no table was made");
  }

  @Test
  void aBuilderHeirWithoutDataInheritsInSilence() {
    OwnerScope owner = OwnerScope.open("owner");
    try (OwnerScope heir = OwnerScope.open("heir")) {
      SetTable<String, Integer> t;
      try (Owner.Binding b = owner.bind()) {
        t = Tables.<String, Integer>set("silent-heir").heir(heir).build();
        t.insert("k", 1);
      }
      owner.close();
      assertFalse(t.isDeleted());
      assertSame(heir, t.owner());
      assertTrue(heir.poll().isEmpty(), "no TableTransfer was delivered");
      assertEquals(Optional.of(heir), t.info().heir());
    }
  }
}
