package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.tree.TreeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A select whose clauses all name exact keys is one lookup per key; on an ordered table its results
 * still follow key order (first to last, or last to first for a reverse select), each object once
 * however many clauses name keys that compare equal to its key, and its pages resume after the last
 * key they returned by the table's order. Checked against a {@link TreeMap} model, with clauses
 * written in random order, across forced base splits and in every write mode, and under a
 * comparator that calls keys equal that {@code equals} does not.
 */
class OrderedExactKeySelectTest {

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void exactKeysAreSelectedInKeyOrderOnceEach(WriteConcurrency mode) {
    OrderedTable<Integer, Integer> table =
        Tables.<Integer, Integer>orderedSet("exact-" + mode).writeConcurrency(mode).build();
    TreeMap<Integer, Integer> model = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(31L + mode.ordinal());
    try {
      for (int i = 0; i < 3_000; i++) {
        int key = random.nextInt(5_000);
        table.insert(key, -key);
        model.put(key, -key);
      }
      TreeTables.forceSplit(table, 2_500);
      for (int round = 0; round < 200; round++) {
        int clauses = 1 + random.nextInt(6);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < clauses; i++) {
          // Repeats and absent keys included: a key named twice is still one object.
          keys.add(i > 0 && random.nextInt(4) == 0 ? keys.get(0) : random.nextInt(5_200));
        }
        MatchSpec<Integer, Integer, Integer> spec = null;
        MatchSpec<Integer, Integer, Boolean> count = null;
        for (Integer key : keys) {
          spec =
              spec == null
                  ? MatchSpec.<Integer, Integer>where(KeyPattern.exact(key)).returnKey()
                  : spec.orWhere(KeyPattern.exact(key)).returnResult((k, v) -> k);
          count =
              count == null
                  ? MatchSpec.<Integer, Integer>where(KeyPattern.exact(key)).returnTrue()
                  : count.orWhere(KeyPattern.exact(key)).returnConstant(true);
        }
        TreeMap<Integer, Integer> named = new TreeMap<>();
        for (Integer key : keys) {
          if (model.containsKey(key)) {
            named.put(key, model.get(key));
          }
        }
        List<Integer> ascending = new ArrayList<>(named.keySet());
        List<Integer> descending = new ArrayList<>(named.descendingKeySet());
        String what = mode + " keys " + keys;
        assertEquals(ascending, table.select(spec), what);
        assertEquals(descending, table.selectReverse(spec), what);
        assertEquals(named.size(), table.selectCount(count), what);
        int limit = 1 + random.nextInt(3);
        assertEquals(ascending, pages(table.select(spec, limit)), what + " limit " + limit);
        assertEquals(descending, pages(table.selectReverse(spec, limit)), what);
      }
    } finally {
      table.delete();
    }
  }

  @Test
  void keysThatCompareEqualAreOneKey() {
    OrderedTable<String, Integer> table =
        Tables.orderedSet("exact-case").<String>comparator(String.CASE_INSENSITIVE_ORDER).build();
    try {
      table.insert("Apple", 1);
      table.insert("Pear", 2);
      table.insert("Plum", 3);
      MatchSpec<String, Integer, String> spec =
          MatchSpec.<String, Integer>where(KeyPattern.exact("pear"))
              .returnKey()
              .orWhere(KeyPattern.exact("apple"))
              .returnResult((k, v) -> k)
              .orWhere(KeyPattern.exact("APPLE"))
              .returnResult((k, v) -> k);
      assertEquals(List.of("Apple", "Pear"), table.select(spec));
      assertEquals(List.of("Pear", "Apple"), table.selectReverse(spec));
      MatchSpec<String, Integer, Boolean> count =
          MatchSpec.<String, Integer>where(KeyPattern.exact("apple"))
              .returnTrue()
              .orWhere(KeyPattern.exact("APPLE"))
              .returnConstant(true);
      assertEquals(1, table.selectCount(count));
      // Each page resumes after the stored key it ended on ("Apple"), which no clause names by
      // equals: a page that looked it up by equals started over and never ended.
      assertEquals(List.of("Apple", "Pear"), pages(table.select(spec, 1)));
      assertEquals(List.of("Pear", "Apple"), pages(table.selectReverse(spec, 1)));
    } finally {
      table.delete();
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void anExactKeyTheOrderCannotCompareIsABadArgumentNamingTheTable() {
    OrderedTable<Integer, Integer> table = Tables.<Integer, Integer>orderedSet("exact-bad").build();
    try {
      table.insert(1, 1);
      MatchSpec spec =
          MatchSpec.where((KeyPattern) KeyPattern.exact(1))
              .returnKey()
              .orWhere((KeyPattern) KeyPattern.exact("one"))
              .returnResult((k, v) -> k);
      BadArgumentException e = assertThrows(BadArgumentException.class, () -> table.select(spec));
      assertTrue(e.getMessage().contains("exact-bad"), e.getMessage());
      assertThrows(BadArgumentException.class, () -> table.selectReverse(spec, 1));
      assertEquals(List.of(Map.entry(1, 1)), table.toList());
    } finally {
      table.delete();
    }
  }

  /** Every page's results, in order; fails rather than loop if the pages do not end. */
  private static <R> List<R> pages(Page<R> first) {
    List<R> all = new ArrayList<>(first.results());
    Page<R> page = first;
    for (int n = 0; page.hasNext(); n++) {
      if (n > 1_000) {
        throw new AssertionError("the pages do not end: " + all);
      }
      page = page.next();
      all.addAll(page.results());
    }
    return all;
  }
}
