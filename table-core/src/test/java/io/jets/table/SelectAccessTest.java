package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The select family checks access like every other read and write. */
class SelectAccessTest {

  private static final MatchSpec<Integer, String, Integer> KEYS =
      MatchSpec.<Integer, String>anyKey().returnKey();
  private static final MatchSpec<Integer, String, Boolean> ALL =
      MatchSpec.<Integer, String>anyKey().returnTrue();

  @Test
  void protectedTablesSelectForEveryoneButOnlyTheOwnerDeletesOrReplaces() {
    try (OwnerScope owner = OwnerScope.open("select-owner")) {
      OrderedTable<Integer, String> table;
      try (Owner.Binding bound = owner.bind()) {
        table = Tables.orderedSet("select-protected").build();
        table.insert(1, "a");
        table.insert(2, "b");
      }
      assertEquals(List.of(1, 2), table.select(KEYS));
      assertEquals(2, table.selectCount(ALL));
      assertThrows(AccessDeniedException.class, () -> table.selectDelete(ALL));
      assertThrows(
          AccessDeniedException.class,
          () -> table.selectReplace(MatchSpec.<Integer, String>anyKey().returnObject()));
      assertThrows(
          AccessDeniedException.class, () -> table.matchDelete(KeyPattern.any(), v -> true));
      assertEquals(2, table.size());
      try (Owner.Binding bound = owner.bind()) {
        assertEquals(2, table.selectDelete(ALL));
      }
    }
  }

  @Test
  void aPrivateTablesContinuationRefusesOtherOwners() {
    try (OwnerScope owner = OwnerScope.open("private-owner")) {
      Page<Integer> page;
      SetTable<Integer, String> table;
      try (Owner.Binding bound = owner.bind()) {
        table = Tables.set("select-private").access(Access.PRIVATE).build();
        for (int k = 0; k < 5; k++) {
          table.insert(k, "v");
        }
        page = table.select(KEYS, 2);
      }
      assertThrows(AccessDeniedException.class, () -> table.select(KEYS));
      Page<Integer> handedOver = page;
      assertThrows(AccessDeniedException.class, handedOver::next);
    }
  }
}
