package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.table.tck.FailingOwner;
import io.jets.table.tck.Fixtures;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * User code that throws changes nothing: a table whose owner fails to take its exit listener
 * ({@link Owner#onExit} throws, an exception or an {@code Error}) is not built, the failure reaches
 * the caller unchanged, and the table is not left registered: its name stays free for the next
 * build, and {@link Tables#all} does not list it.
 */
class FailedOwnerRegistrationTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  enum Kind {
    SET(owner -> Tables.set("refused").named().owner(owner).build()),
    ORDERED_SET(owner -> Tables.orderedSet("refused").named().owner(owner).build()),
    BAG(owner -> Tables.bag("refused").named().owner(owner).build());

    final Function<Owner, Table<?, ?>> build;

    Kind(Function<Owner, Table<?, ?>> build) {
      this.build = build;
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anOwnerThatThrowsLeavesNoTableAndTheNameFree(Kind kind) {
    for (Throwable failure :
        new Throwable[] {
          new IllegalStateException("an owner's bug"), new AssertionError("an owner's assertion")
        }) {
      Owner owner = new FailingOwner(Owner.application(), failure);
      Throwable thrown = assertThrows(Throwable.class, () -> kind.build.apply(owner));
      assertSame(failure, thrown, "the owner's failure reaches the caller unchanged");
      assertEquals(Optional.empty(), Tables.whereis("refused"), "no table under the name");
      assertFalse(
          Tables.all().stream().anyMatch(t -> t.name().equals("refused")),
          "the failed table is not listed");
    }
    Table<?, ?> built = kind.build.apply(Owner.application());
    assertSame(built, Tables.whereis("refused").orElseThrow(), "the name was free");
    assertTrue(Tables.all().contains(built));
  }
}
