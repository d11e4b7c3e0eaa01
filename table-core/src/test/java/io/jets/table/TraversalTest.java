package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.tck.AbstractTraversalTest;
import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;
import io.jets.table.tck.TypesAndModes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared traversal tests on the heap SET, BAG and DUPLICATE_BAG, with keys of any class; folds
 * over the objects of one DUPLICATE_BAG key; and walks over keys whose compareTo ties unequal keys.
 */
@TablesUnderTest(HeapTableFactory.class)
class TraversalTest extends AbstractTraversalTest {

  /**
   * An anonymous class: heap tables hold the key itself, so it needs no codec, and equality is
   * identity.
   */
  @Override
  protected Object collidingUnorderedKey(int id) {
    return new Object() {
      @Override
      public int hashCode() {
        return 2112;
      }

      @Override
      public String toString() {
        return "anon" + id;
      }
    };
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void bagFoldsVisitEveryObjectOfAKey(WriteConcurrency mode) {
    BagTable<String, Integer> t =
        Tables.duplicateBag(Fixtures.unique("dup")).writeConcurrency(mode).build();
    t.insert("k", 1);
    t.insert("k", 2);
    t.insert("k", 1);
    assertEquals(List.of(Map.entry("k", 1), Map.entry("k", 2), Map.entry("k", 1)), t.toList());
    assertEquals(
        List.of(1, 2, 1),
        t.foldl(
            new ArrayList<Integer>(),
            (k, v, acc) -> {
              acc.add(v);
              return acc;
            }));
    assertEquals(List.of(List.of(1, 2, 1)), List.of(t.firstLookup().getValue()));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.foldr(0, null));
  }

  /**
   * A key whose compareTo ignores case while equals does not, with the hash code the test gives it:
   * legal (a compareTo need not be consistent with equals). Hashed by its lower case ({@link #of}),
   * every case variant of a word collides with the others and ties with them.
   */
  record CaseBlindKey(String s, int hash) implements Comparable<CaseBlindKey> {
    static CaseBlindKey of(String s) {
      return new CaseBlindKey(s, s.toLowerCase(Locale.ROOT).hashCode());
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public int compareTo(CaseBlindKey o) {
      return s.compareToIgnoreCase(o.s);
    }
  }

  /** The 8 case variants of "foo", which tie with each other, and other keys around them. */
  private static Table<CaseBlindKey, Integer> caseVariants(Table<CaseBlindKey, Integer> t) {
    for (int bits = 0; bits < 8; bits++) {
      StringBuilder word = new StringBuilder("foo");
      for (int i = 0; i < 3; i++) {
        if ((bits >> i & 1) != 0) {
          word.setCharAt(i, Character.toUpperCase(word.charAt(i)));
        }
      }
      t.insert(CaseBlindKey.of(word.toString()), bits);
    }
    for (int i = 0; i < 100; i++) {
      t.insert(CaseBlindKey.of("other" + i), i);
    }
    assertEquals(108, t.size());
    return t;
  }

  /**
   * Regression: next() of a deleted key whose compareTo ties with other keys of its collision run
   * skipped every key it tied with, so a walk that deleted as it went missed keys present for the
   * whole walk.
   */
  @ParameterizedTest
  @TypesAndModes
  void nextOfADeletedKeyTiedByCompareToContinues(TableType type, WriteConcurrency mode) {
    Table<CaseBlindKey, Integer> t = caseVariants(tables.table(type, mode));
    Set<CaseBlindKey> all = new HashSet<>();
    for (CaseBlindKey k = t.first(); k != null; k = t.next(k)) {
      assertTrue(all.add(k), "a walk without deletes visits " + k + " twice");
    }
    assertEquals(108, all.size());
    List<CaseBlindKey> visited = new ArrayList<>();
    for (CaseBlindKey k = t.first(); k != null; ) {
      visited.add(k);
      t.delete(k); // delete the key the walk stands on, as a purge loop does
      k = t.next(k);
    }
    Set<CaseBlindKey> missed = new HashSet<>(all);
    visited.forEach(missed::remove);
    assertEquals(Set.of(), missed, "keys present for the whole walk that it missed");
    assertEquals(108, visited.size(), "no key twice");
    assertEquals(0, t.size());
  }

  /** The same for a chunked select that deletes the last key of each chunk before the next. */
  @ParameterizedTest
  @TypesAndModes
  void chunkedSelectResumesAfterADeletedKeyTiedByCompareTo(TableType type, WriteConcurrency mode) {
    Table<CaseBlindKey, Integer> t = caseVariants(tables.table(type, mode));
    List<CaseBlindKey> visited = new ArrayList<>();
    Page<CaseBlindKey> page = t.select(MatchSpec.<CaseBlindKey, Integer>anyKey().returnKey(), 1);
    while (true) {
      visited.addAll(page.results());
      page.results().forEach(t::delete);
      if (!page.hasNext()) {
        break;
      }
      page = page.next();
    }
    assertEquals(108, new HashSet<>(visited).size(), "every key");
    assertEquals(108, visited.size(), "no key twice");
    assertEquals(0, t.size());
  }

  /**
   * Regression: a walk stood on the first of two keys its compareTo ties, deleted it, and the
   * bucket, rid of its tie, became a tree bin; the tree placed the deleted key after every key it
   * ties with, as before the chain's identity order, and skipped the other one.
   */
  @ParameterizedTest
  @TypesAndModes
  void nextOfADeletedTiedKeyInABucketThatBecameATreeContinues(
      TableType type, WriteConcurrency mode) {
    Table<CaseBlindKey, Integer> t = tables.table(type, mode);
    Set<CaseBlindKey> all = new HashSet<>();
    for (String s : List.of("a", "b", "c", "d", "e", "f", "foo", "FOO")) {
      t.insert(new CaseBlindKey(s, 7), 0);
      all.add(new CaseBlindKey(s, 7));
    }
    List<CaseBlindKey> visited = new ArrayList<>();
    for (CaseBlindKey k = t.first(); k != null; ) {
      visited.add(k);
      if (k.s().equalsIgnoreCase("foo") && visited.size() == 7) {
        t.delete(k); // the first of the tied pair: the bucket keeps 7 keys, no tie
        t.insert(new CaseBlindKey("0", 7), 0); // 8 keys: a tree, walked from a deleted key
      }
      k = t.next(k);
    }
    assertEquals(all, new HashSet<>(visited), "every key present for the whole walk");
    assertEquals(8, visited.size(), "no key twice");
  }
}
