package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.JetsException;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exception family for every term error: each public entry point of {@code io.jets.term}, given
 * bad input, throws a {@link BadTermArgumentException} whose message names the key (or says it is
 * null) and the argument, and leaves the store as it was.
 */
class TermErrorsTest {

  private static final String STORED = TermErrorsTest.class.getName() + ".stored";
  private static final String STORED_VALUE = "stored value";

  private static String key(String name) {
    return TermErrorsTest.class.getName() + "." + name + "." + UUID.randomUUID();
  }

  private static OwnerScope exited() {
    OwnerScope scope = OwnerScope.open("exited-owner");
    scope.close();
    return scope;
  }

  /** A case: the call, the key the error must name (null: the key is null), the argument. */
  static Stream<Arguments> badCalls() {
    OwnerScope live = OwnerScope.open("live-owner");
    List<Integer> mutableKey = new ArrayList<>(List.of(7));
    return Stream.of(
        bad("put: null key", null, "key", () -> PersistentTerm.put(null, 1)),
        bad("put: null value", STORED, "value", () -> PersistentTerm.put(STORED, null)),
        bad("put: mutable key", mutableKey, "key", () -> PersistentTerm.put(mutableKey, 1)),
        bad(
            "put: mutable value",
            STORED,
            "value",
            () -> PersistentTerm.put(STORED, new ArrayList<>())),
        bad(
            "put: value holding a mutable value",
            STORED,
            "value",
            () -> PersistentTerm.put(STORED, List.of(new int[1]))),
        bad("owned put: null owner", STORED, "owner", () -> PersistentTerm.put(null, STORED, 1)),
        bad("owned put: null key", null, "key", () -> PersistentTerm.put(live, null, 1)),
        bad("owned put: null value", STORED, "value", () -> PersistentTerm.put(live, STORED, null)),
        bad(
            "owned put: mutable value",
            STORED,
            "value",
            () -> PersistentTerm.put(live, STORED, new StringBuilder())),
        bad(
            "owned put: exited owner",
            STORED,
            "owner",
            () -> PersistentTerm.put(exited(), STORED, "new value")),
        bad("putNew: null key", null, "key", () -> PersistentTerm.putNew(null, 1)),
        bad("putNew: null value", STORED, "value", () -> PersistentTerm.putNew(STORED, null)),
        bad(
            "putNew: mutable value",
            STORED,
            "value",
            () -> PersistentTerm.putNew(STORED, new ArrayList<>())),
        bad("get: null key", null, "key", () -> PersistentTerm.get(null)),
        bad("get with default: null key", null, "key", () -> PersistentTerm.get(null, "d")),
        bad("erase: null key", null, "key", () -> PersistentTerm.erase(null)),
        bad("handle: null key", null, "key", () -> PersistentTerm.handle(null)),
        bad("handle: mutable key", mutableKey, "key", () -> PersistentTerm.handle(mutableKey)));
  }

  private static Arguments bad(String name, Object key, String argument, Executable call) {
    return Arguments.of(name, key, argument, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInputIsABadTermArgumentNamingTheKeyAndTheArgumentAndChangesNothing(
      String name, Object key, String argument, Executable call) {
    PersistentTerm.put(STORED, STORED_VALUE);
    Map<Object, Object> before = PersistentTerm.all();
    TermInfo infoBefore = PersistentTerm.info();

    BadTermArgumentException e = assertThrows(BadTermArgumentException.class, call);

    assertEquals(argument, e.argument());
    assertTrue(e.getMessage().contains(argument), e.getMessage());
    if (key == null) {
      assertNull(e.key());
      assertTrue(e.getMessage().contains("null key"), e.getMessage());
    } else {
      assertSame(key, e.key());
      assertTrue(e.getMessage().contains(String.valueOf(key)), e.getMessage());
    }
    assertEquals(before, PersistentTerm.all(), "a failed call changed the store");
    assertEquals(infoBefore, PersistentTerm.info(), "a failed call changed the store's info");
    assertSame(STORED_VALUE, PersistentTerm.get(STORED));
  }

  @Test
  void everyTermErrorIsATermExceptionAndAJetsException() {
    String key = key("family");
    MissingTermException missing =
        assertThrows(MissingTermException.class, () -> PersistentTerm.get(key));
    assertInstanceOf(TermException.class, missing);
    assertInstanceOf(JetsException.class, missing);
    assertEquals(key, missing.key());

    PersistentTerm.put(key, "a");
    TermExistsException exists =
        assertThrows(TermExistsException.class, () -> PersistentTerm.putNew(key, "b"));
    assertInstanceOf(TermException.class, exists);
    assertEquals(key, exists.key());
    assertEquals("a", PersistentTerm.get(key));

    TermException bad = assertThrows(TermException.class, () -> PersistentTerm.put(key, null));
    assertInstanceOf(BadTermArgumentException.class, bad);
    assertInstanceOf(JetsException.class, bad);
    assertEquals("a", PersistentTerm.get(key));
  }

  @Test
  void aHandleOfAMissingKeyThrowsATermException() {
    String key = key("handle");
    Term<String> handle = PersistentTerm.handle(key);
    TermException e = assertThrows(TermException.class, handle::get);
    assertInstanceOf(MissingTermException.class, e);
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void aFailedOwnedPutLeavesTheOwnerWithoutTermsAndUnlistened() {
    TermStore store = new TermStore();
    try (OwnerScope scope = OwnerScope.open("owner")) {
      assertThrows(BadTermArgumentException.class, () -> store.put(scope, "k", null));
      assertThrows(BadTermArgumentException.class, () -> store.put(scope, "k", new ArrayList<>()));
      store.put("k", "global");
    }
    // Had a failed put made "k" the scope's, the scope's exit would have erased it.
    assertEquals(Map.of("k", "global"), store.all());
  }

  @Test
  void anExitedOwnerDoesNotTakeOrReplaceAStoredTerm() {
    TermStore store = new TermStore();
    store.put("k", 1);
    OwnerScope gone = exited();
    BadTermArgumentException e =
        assertThrows(BadTermArgumentException.class, () -> store.put(gone, "k", 2));
    assertEquals("owner", e.argument());
    assertTrue(e.getMessage().contains("exited-owner"), e.getMessage());
    assertEquals(Map.of("k", 1), store.all());
  }

  @Test
  void theApplicationOwnerIsNeverBadInput() {
    TermStore store = new TermStore();
    store.put(Owner.application(), "k", 1);
    assertEquals(1, store.find("k"));
  }

  @Test
  void exceptionsMadeByCallersNameTheirKey() {
    assertEquals("'k'", quoted(new MissingTermException("k").getMessage()));
    assertTrue(new TermExistsException(42).getMessage().contains("42"));
    TermException nullKey = new TermException(null, "something failed");
    assertTrue(nullKey.getMessage().contains("null key"), nullKey.getMessage());
    assertTrue(nullKey.getMessage().endsWith("something failed"), nullKey.getMessage());
    BadTermArgumentException bad = new BadTermArgumentException("k", "value", "value is bad");
    assertEquals("value", bad.argument());
    assertEquals("k", bad.key());
  }

  private static String quoted(String message) {
    int start = message.indexOf('\'');
    return message.substring(start, message.indexOf('\'', start + 1) + 1);
  }
}
