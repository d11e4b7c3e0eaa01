package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API through the global {@link PersistentTerm}; every test uses keys of its own. */
class PersistentTermTest {

  private static String key(String name) {
    return PersistentTermTest.class.getName() + "." + name + "." + UUID.randomUUID();
  }

  record Config(String host, int port) {}

  @Test
  void putThenGetReturnsTheSameReference() {
    String key = key("put");
    Config config = new Config("h", 1);
    PersistentTerm.put(key, config);
    assertSame(config, PersistentTerm.get(key));
    Config other = new Config("h", 2);
    PersistentTerm.put(key, other);
    assertSame(other, PersistentTerm.get(key));
  }

  @Test
  void getOfAMissingKeyNamesTheKey() {
    String key = key("missing");
    MissingTermException e =
        assertThrows(MissingTermException.class, () -> PersistentTerm.get(key));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertEquals(key, e.key());
  }

  @Test
  void getWithDefault() {
    String key = key("default");
    assertEquals("d", PersistentTerm.get(key, "d"));
    assertNull(PersistentTerm.get(key, null));
    PersistentTerm.put(key, "v");
    assertEquals("v", PersistentTerm.get(key, "d"));
  }

  @Test
  void eraseReportsWhetherTheKeyExisted() {
    String key = key("erase");
    assertFalse(PersistentTerm.erase(key));
    PersistentTerm.put(key, 1);
    assertTrue(PersistentTerm.erase(key));
    assertFalse(PersistentTerm.erase(key));
    assertThrows(MissingTermException.class, () -> PersistentTerm.get(key));
  }

  @Test
  void putOfAnEqualValueKeepsTheStoredReference() {
    String key = key("equal");
    Config first = new Config("h", 1);
    PersistentTerm.put(key, first);
    PersistentTerm.put(key, new Config("h", 1));
    assertSame(first, PersistentTerm.get(key), "an equal put replaced the stored value");
  }

  @Test
  void putNewStoresOnlyWhenAbsent() {
    String key = key("putNew");
    Config first = new Config("h", 1);
    PersistentTerm.putNew(key, first);
    assertSame(first, PersistentTerm.get(key));

    // An equal value: a quiet no-op that keeps the stored reference.
    assertDoesNotThrow(() -> PersistentTerm.putNew(key, new Config("h", 1)));
    assertSame(first, PersistentTerm.get(key));

    // A different value: an error naming the key, and the stored value stays.
    TermExistsException e =
        assertThrows(
            TermExistsException.class, () -> PersistentTerm.putNew(key, new Config("h", 2)));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertEquals(key, e.key());
    assertSame(first, PersistentTerm.get(key));

    PersistentTerm.erase(key);
    PersistentTerm.putNew(key, "again");
    assertEquals("again", PersistentTerm.get(key));
  }

  @Test
  void nullKeyOrValueIsRejectedWithoutChange() {
    String key = key("null");
    assertThrows(BadTermArgumentException.class, () -> PersistentTerm.put(null, 1));
    BadTermArgumentException e =
        assertThrows(BadTermArgumentException.class, () -> PersistentTerm.put(key, null));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertThrows(BadTermArgumentException.class, () -> PersistentTerm.get(null));
    assertThrows(BadTermArgumentException.class, () -> PersistentTerm.erase(null));
    assertThrows(BadTermArgumentException.class, () -> PersistentTerm.handle(null));
    assertEquals("none", PersistentTerm.get(key, "none"));
  }

  static Stream<Arguments> mutableValues() {
    return Stream.of(
        Arguments.of("ArrayList", (Supplier<Object>) ArrayList::new),
        Arguments.of("HashMap", (Supplier<Object>) HashMap::new),
        Arguments.of("HashSet", (Supplier<Object>) HashSet::new),
        Arguments.of("LinkedList", (Supplier<Object>) LinkedList::new),
        Arguments.of("TreeMap", (Supplier<Object>) TreeMap::new),
        Arguments.of("ArrayDeque", (Supplier<Object>) ArrayDeque::new),
        Arguments.of("ConcurrentHashMap", (Supplier<Object>) ConcurrentHashMap::new),
        Arguments.of("Arrays$ArrayList", (Supplier<Object>) () -> Arrays.asList(1, 2)),
        Arguments.of(
            "SynchronizedRandomAccessList",
            (Supplier<Object>) () -> Collections.synchronizedList(new ArrayList<>())),
        Arguments.of("int[]", (Supplier<Object>) () -> new int[] {1}),
        Arguments.of("String[]", (Supplier<Object>) () -> new String[] {"a"}),
        Arguments.of("Date", (Supplier<Object>) Date::new),
        Arguments.of("BitSet", (Supplier<Object>) BitSet::new),
        Arguments.of("StringBuilder", (Supplier<Object>) StringBuilder::new),
        Arguments.of("ArrayList", (Supplier<Object>) () -> List.of(1, List.of(new ArrayList<>()))),
        Arguments.of("HashMap", (Supplier<Object>) () -> Map.of("k", Optional.of(new HashMap<>()))),
        Arguments.of("HashSet", (Supplier<Object>) () -> Map.entry(1, new HashSet<>())),
        Arguments.of(
            "int[]", (Supplier<Object>) () -> Collections.unmodifiableList(List.of(new int[0]))),
        // A subclass of a mutable JDK container is one: a map made by double-brace initialization.
        Arguments.of("HashMap", (Supplier<Object>) PersistentTermTest::doubleBraceMap),
        Arguments.of("ArrayList", (Supplier<Object>) () -> List.of(new ArrayList<>() {})));
  }

  @SuppressWarnings("serial")
  private static Map<String, Integer> doubleBraceMap() {
    return new HashMap<>() {
      {
        put("a", 1);
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutableValues")
  void mutableValuesAreRejectedNamingTheKeyAndTheClass(String className, Supplier<Object> value) {
    String key = key("mutable");
    PersistentTerm.put(key, "before");
    BadTermArgumentException e =
        assertThrows(BadTermArgumentException.class, () -> PersistentTerm.put(key, value.get()));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertTrue(e.getMessage().contains(className), e.getMessage());
    assertThrows(
        BadTermArgumentException.class,
        () -> PersistentTerm.putNew(key("mutableNew"), value.get()));
    assertEquals("before", PersistentTerm.get(key), "a rejected put changed the store");
  }

  @Test
  void mutableKeysAreRejected() {
    BadTermArgumentException e =
        assertThrows(
            BadTermArgumentException.class,
            () -> PersistentTerm.put(new ArrayList<>(List.of(1)), 1));
    assertTrue(e.getMessage().contains("[1]"), e.getMessage());
    assertThrows(BadTermArgumentException.class, () -> PersistentTerm.handle(new byte[0]));
  }

  @Test
  void immutableValuesAreAccepted() {
    String key = key("immutable");
    List<Object> accepted =
        List.of(
            "s",
            1,
            2L,
            1.5,
            true,
            'c',
            new Config("h", 1),
            Optional.empty(),
            Optional.of(List.of(1)),
            List.of(),
            List.of(1, 2, 3),
            Set.of("a"),
            Map.of("a", List.of(1)),
            Map.entry("k", "v"),
            List.copyOf(new ArrayList<>(List.of(1))),
            Collections.unmodifiableList(new ArrayList<>()),
            Collections.emptyMap(),
            Collections.singletonList(1),
            Collections.nCopies(3, "x"),
            new AtomicLong(),
            UUID.randomUUID(),
            // a user's own collection on an abstract JDK base (as Guava's immutable ones are)
            new java.util.AbstractList<Integer>() {
              @Override
              public Integer get(int index) {
                return index;
              }

              @Override
              public int size() {
                return 2;
              }
            });
    for (Object value : accepted) {
      PersistentTerm.put(key, value);
      assertSame(value, PersistentTerm.get(key));
    }
  }

  @Test
  void infoCountsTermsAndEstimatesMemory() {
    TermStore store = new TermStore();
    assertEquals(0, store.info().count());
    long empty = store.info().memoryBytes();
    store.put("a", "x".repeat(1_000));
    store.put("b", List.of(1, 2, 3));
    TermInfo info = store.info();
    assertEquals(2, info.count());
    assertTrue(info.memoryBytes() > empty + 1_000, "memory " + info.memoryBytes());
    store.erase("a");
    assertEquals(1, store.info().count());
    assertTrue(store.info().memoryBytes() < info.memoryBytes() - 1_000);
    store.erase("b");
    assertEquals(empty, store.info().memoryBytes(), "estimates do not return to empty");
  }

  @Test
  void aStoredViewWhoseBackingChangedCanStillBeErasedAndReplaced() {
    // Regression: erase and a replacing put re-checked the stored value to learn its estimate, so
    // an unmodifiable view that had since been given a mutable element could not be removed.
    TermStore store = new TermStore();
    long empty = store.info().memoryBytes();
    List<Object> erasedBacking = new ArrayList<>();
    List<Object> replacedBacking = new ArrayList<>();
    store.put("erased", Collections.unmodifiableList(erasedBacking));
    store.put("replaced", Collections.unmodifiableList(replacedBacking));
    erasedBacking.add(new StringBuilder());
    replacedBacking.add(new int[1]);
    for (int i = 0; i < 100; i++) {
      erasedBacking.add("grown " + i); // the estimate must not follow the view's later content
    }

    assertTrue(store.erase("erased"));
    store.put("replaced", "replacement");

    assertEquals(Map.of("replaced", "replacement"), store.all());
    store.erase("replaced");
    assertEquals(empty, store.info().memoryBytes(), "estimates do not return to empty");
  }

  @Test
  void allIsAnUnmodifiableSnapshotThatLaterWritesDoNotChange() {
    TermStore store = new TermStore();
    store.put("a", 1);
    store.put("b", 2);
    Map<Object, Object> before = store.all();
    store.put("a", 10);
    store.erase("b");
    store.put("c", 3);
    assertEquals(Map.of("a", 1, "b", 2), before);
    assertEquals(Map.of("a", 10, "c", 3), store.all());
    assertThrows(UnsupportedOperationException.class, () -> before.put("d", 4));
  }

  @Test
  void globalAllContainsWhatWasPut() {
    String key = key("all");
    PersistentTerm.put(key, "v");
    assertEquals("v", PersistentTerm.all().get(key));
    assertTrue(PersistentTerm.info().count() >= 1);
  }
}
