package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.tck.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller with no owner bound to its thread: access errors say so and how to bind one, and strict
 * binding makes building a table there an error instead of an application-owned table.
 */
class UnboundCallerTest {

  @AfterEach
  void strictBindingOff() {
    Owner.requireBinding(false);
    Fixtures.deleteAllTables();
  }

  @Test
  void anUnboundCallerDeniedAccessIsToldThatNoOwnerIsBoundAndHowToBindOne() {
    try (OwnerScope actor = OwnerScope.open("price-actor")) {
      SetTable<String, Integer> prices;
      try (Owner.Binding bound = actor.bind()) {
        prices = Tables.<String, Integer>set(Fixtures.unique("prices")).build();
      }
      assertFalse(Owner.isBound());
      AccessDeniedException denied =
          assertThrows(AccessDeniedException.class, () -> prices.insert("x", 1));
      assertTrue(denied.getMessage().contains("owned by price-actor"), denied.getMessage());
      assertTrue(
          denied.getMessage().contains("no owner is bound to this thread"), denied.getMessage());
      assertTrue(denied.getMessage().contains("Owner.bind()"), denied.getMessage());
      assertTrue(denied.getMessage().contains("JetsBehaviors.owning"), denied.getMessage());
      assertEquals(0, prices.size(), "unchanged");
    }
  }

  @Test
  void aBoundStrangerDeniedAccessIsNamedWithoutTheBindingHint() {
    try (OwnerScope owner = OwnerScope.open("owner");
        OwnerScope stranger = OwnerScope.open("stranger")) {
      SetTable<String, Integer> table =
          Tables.<String, Integer>set(Fixtures.unique("t")).owner(owner).build();
      try (Owner.Binding bound = stranger.bind()) {
        assertTrue(Owner.isBound());
        AccessDeniedException denied =
            assertThrows(AccessDeniedException.class, () -> table.insert("x", 1));
        assertTrue(denied.getMessage().endsWith("called by stranger"), denied.getMessage());
      }
    }
  }

  @Test
  void strictBindingRefusesATableBuiltOnAnUnboundThreadAndCreatesNothing() {
    Owner.requireBinding(true);
    assertTrue(Owner.bindingRequired());
    String name = Fixtures.unique("strict");
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> Tables.set(name).named().build());
    assertTrue(
        refused.getMessage().startsWith("table '" + name + "': build: "), refused.getMessage());
    assertTrue(refused.getMessage().contains(Owner.REQUIRE_BINDING_PROPERTY), refused.getMessage());
    assertTrue(Tables.whereis(name).isEmpty(), "nothing was created");
  }

  @Test
  void strictBindingAllowsABoundOwnerOrAnExplicitOne() {
    Owner.requireBinding(true);
    try (OwnerScope scope = OwnerScope.open("scope")) {
      try (Owner.Binding bound = scope.bind()) {
        assertSame(scope, Tables.set(Fixtures.unique("bound")).build().owner());
      }
      assertSame(scope, Tables.set(Fixtures.unique("explicit")).owner(scope).build().owner());
      assertSame(
          Owner.application(),
          Tables.set(Fixtures.unique("app")).owner(Owner.application()).build().owner());
    }
  }

  @Test
  void strictBindingIsOffByDefault() {
    assertFalse(Boolean.getBoolean(Owner.REQUIRE_BINDING_PROPERTY));
    assertFalse(Owner.bindingRequired());
    assertSame(Owner.application(), Tables.set(Fixtures.unique("default")).build().owner());
  }
}
