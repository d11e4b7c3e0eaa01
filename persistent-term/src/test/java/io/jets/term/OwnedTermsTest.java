package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnedTermsTest {

  @Test
  void ownedTermsAreErasedWhenTheOwnerExits() {
    TermStore store = new TermStore();
    Term<String> handle = store.handle("a");
    try (OwnerScope scope = OwnerScope.open("owner")) {
      store.put(scope, "a", "1");
      store.put(scope, "b", "2");
      store.put("global", "g");
      assertEquals("1", handle.get());
    }
    assertEquals(Map.of("global", "g"), store.all());
    assertThrows(MissingTermException.class, handle::get);
  }

  @Test
  void exitWithAnyReasonErases() {
    TermStore store = new TermStore();
    OwnerScope scope = OwnerScope.open("crashing");
    store.put(scope, "a", 1);
    scope.exit(ExitReason.crash(new IllegalStateException("boom")));
    assertEquals(0, store.info().count());
  }

  @Test
  void aLaterGlobalPutKeepsTheTermAfterTheOwnerExits() {
    TermStore store = new TermStore();
    try (OwnerScope scope = OwnerScope.open("owner")) {
      store.put(scope, "replaced", "owned");
      store.put(scope, "equal", "same");
      store.put(scope, "kept-owned", "owned");
      store.put("replaced", "global");
      store.put("equal", "same"); // equal value: still takes the key from the owner
    }
    assertEquals(Map.of("replaced", "global", "equal", "same"), store.all());
  }

  @Test
  void aLaterOwnedPutMovesTheTermToTheNewOwner() {
    TermStore store = new TermStore();
    OwnerScope first = OwnerScope.open("first");
    OwnerScope second = OwnerScope.open("second");
    store.put(first, "k", 1);
    store.put(second, "k", 2);
    first.close();
    assertEquals(2, store.find("k"));
    second.close();
    assertEquals(null, store.find("k"));
  }

  @Test
  void eraseEndsOwnershipAndAGlobalRePutSurvives() {
    TermStore store = new TermStore();
    try (OwnerScope scope = OwnerScope.open("owner")) {
      store.put(scope, "k", 1);
      assertTrue(store.erase("k"));
      store.put("k", 2);
    }
    assertEquals(2, store.find("k"));
  }

  @Test
  void putNewDoesNotChangeOwnership() {
    TermStore store = new TermStore();
    try (OwnerScope scope = OwnerScope.open("owner")) {
      store.put(scope, "k", 1);
      store.putNew("k", 1);
    }
    assertEquals(null, store.find("k"));
  }

  @Test
  void anExitedOwnerIsRejectedAndNothingIsStored() {
    TermStore store = new TermStore();
    OwnerScope scope = OwnerScope.open("gone");
    scope.close();
    BadTermArgumentException e =
        assertThrows(BadTermArgumentException.class, () -> store.put(scope, "k", 1));
    assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("gone"), e.getMessage());
    assertEquals(0, store.info().count());
  }

  @Test
  void everyOwnedTermIsErasedOnExitEvenAViewWhoseBackingChanged() {
    // Regression: the exit listener re-checked each stored value, so one view that had been given
    // a mutable element made it throw and every term of the owner outlived it.
    TermStore store = new TermStore();
    long empty = store.info().memoryBytes();
    List<Object> backing = new ArrayList<>();
    OwnerScope scope = OwnerScope.open("owner");
    store.put(scope, "plain", "x");
    store.put(scope, "view", Collections.unmodifiableList(backing));
    store.put(scope, "other", 2);
    backing.add(new StringBuilder());

    scope.close();

    assertEquals(Map.of(), store.all());
    assertEquals(empty, store.info().memoryBytes(), "estimates do not return to empty");
  }

  @Test
  void anOwnerWhoseExitListenersAreStillRunningIsRejected() throws Exception {
    // Regression: the store asked the owner to listen only for its first key, so a put between the
    // exit and the store's own listener was accepted for an owner that had exited.
    TermStore store = new TermStore();
    OwnerScope scope = OwnerScope.open("exiting");
    CountDownLatch exiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scope.onExit(
        (owner, reason) -> {
          exiting.countDown();
          awaitUninterruptibly(release); // runs before the store's listener, registered later
        });
    store.put(scope, "before", 1);
    Thread exiter = Thread.ofPlatform().start(scope::close);
    try {
      assertTrue(exiting.await(10, TimeUnit.SECONDS));
      BadTermArgumentException e =
          assertThrows(BadTermArgumentException.class, () -> store.put(scope, "after", 2));
      assertTrue(
          e.getMessage().contains("'after'") && e.getMessage().contains("exiting"), e.getMessage());
      assertEquals(null, store.find("after"), "nothing is stored");
    } finally {
      release.countDown();
      exiter.join(10_000);
    }
    assertFalse(exiter.isAlive());
    assertEquals(Map.of(), store.all());
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void theApplicationOwnerPutsGlobalTerms() {
    TermStore store = new TermStore();
    store.put(Owner.application(), "k", 1);
    assertEquals(1, store.find("k"));
  }

  @Test
  void anOwnerThatLosesAllItsKeysIsNoLongerListenedTo() {
    TermStore store = new TermStore();
    OwnerScope scope = OwnerScope.open("owner");
    store.put(scope, "k", 1);
    store.put("k", 2);
    // The owner has no keys left, so its exit must not touch the store, even a re-put key.
    store.put(scope, "k2", 3);
    store.erase("k2");
    store.put("k2", 4);
    scope.close();
    assertEquals(Map.of("k", 2, "k2", 4), store.all());
  }

  @Test
  void ownersExitingConcurrentlyEraseOnlyTheirOwnTerms() throws Exception {
    TermStore store = new TermStore();
    int owners = 8;
    OwnerScope[] scopes = new OwnerScope[owners];
    for (int i = 0; i < owners; i++) {
      scopes[i] = OwnerScope.open("o" + i);
      for (int k = 0; k < 50; k++) {
        store.put(scopes[i], i + ":" + k, k);
      }
    }
    store.put("survivor", true);
    Thread[] threads = new Thread[owners];
    for (int i = 0; i < owners; i++) {
      threads[i] = Thread.ofPlatform().start(scopes[i]::close);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(Map.of("survivor", true), store.all());
    assertFalse(scopes[0].isAlive());
  }
}
