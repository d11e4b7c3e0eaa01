package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TermHandleTest {

  private static final String HOT_KEY = TermHandleTest.class.getName() + ".hot";
  private static final Term<Integer> HOT = PersistentTerm.handle(HOT_KEY);

  private static String key(String name) {
    return TermHandleTest.class.getName() + "." + name + "." + UUID.randomUUID();
  }

  @Test
  void handleSeesEveryPutAndErase() {
    String key = key("follow");
    Term<String> term = PersistentTerm.handle(key);
    assertEquals(key, term.key());
    MissingTermException missing = assertThrows(MissingTermException.class, term::get);
    assertTrue(missing.getMessage().contains(key), missing.getMessage());
    assertEquals("dflt", term.getOrDefault("dflt"));

    PersistentTerm.put(key, "one");
    assertEquals("one", term.get());
    PersistentTerm.put(key, "two");
    assertEquals("two", term.get());
    assertEquals("two", term.getOrDefault("dflt"));

    PersistentTerm.erase(key);
    assertThrows(MissingTermException.class, term::get);
    assertEquals("dflt", term.getOrDefault("dflt"));

    PersistentTerm.putNew(key, "three");
    assertEquals("three", term.get());
  }

  @Test
  void handleMadeAfterThePutSeesTheStoredValue() {
    String key = key("late");
    PersistentTerm.put(key, 7);
    Term<Integer> term = PersistentTerm.handle(key);
    assertEquals(7, term.get());
  }

  @Test
  void oneHandlePerKeyWhileReferenced() {
    String key = key("same");
    Term<Object> first = PersistentTerm.handle(key);
    assertSame(first, PersistentTerm.handle(key));
    assertTrue(first.toString().contains(key));
  }

  @Test
  void equalPutKeepsTheHandleOnTheStoredReference() {
    String key = key("equal");
    String stored = new String("v");
    PersistentTerm.put(key, stored);
    Term<String> term = PersistentTerm.handle(key);
    PersistentTerm.put(key, new String("v"));
    assertSame(stored, term.get());
  }

  /**
   * A static final handle read in a loop long enough for the JIT to compile and fold it; after each
   * put the loop must see the new value, never the folded old one.
   */
  @Test
  void foldedHandleFollowsPutsAfterCompilation() {
    for (int round = 1; round <= 5; round++) {
      PersistentTerm.put(HOT_KEY, round);
      long sum = sumHot(200_000);
      assertEquals(200_000L * round, sum, "round " + round + " read a stale value");
    }
    PersistentTerm.erase(HOT_KEY);
    assertThrows(MissingTermException.class, () -> sumHot(10));
    assertEquals(-1, HOT.getOrDefault(-1));
  }

  private static long sumHot(int iterations) {
    long sum = 0;
    for (int i = 0; i < iterations; i++) {
      sum += HOT.get();
    }
    return sum;
  }

  @Test
  void separateStoresHaveSeparateHandles() {
    TermStore a = new TermStore();
    TermStore b = new TermStore();
    a.put("k", 1);
    b.put("k", 2);
    assertEquals(1, a.<Integer>handle("k").get());
    assertEquals(2, b.<Integer>handle("k").get());
  }
}
