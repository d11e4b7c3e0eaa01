package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Match specifications without a table: patterns, guards, results, clause order. */
class MatchSpecTest {

  record User(String name, int age) {}

  @Test
  void theDesignSketchReadsAsWritten() {
    MatchSpec<String, User, User> spec =
        MatchSpec.<String, User>where(KeyPattern.range("a", "m"))
            .guard((k, v) -> v.age() > 30)
            .returnValue();
    User ann = new User("ann", 40);
    assertEquals(Optional.of(ann), spec.test("ann", ann));
    assertEquals(Optional.empty(), spec.test("ann", new User("ann", 20)));
    assertEquals(Optional.empty(), spec.test("zoe", new User("zoe", 40)));
    assertEquals(
        Optional.empty(), spec.test("m", new User("m", 40))); // range(from, to) excludes to
  }

  @Test
  void keyPatterns() {
    assertTrue(KeyPattern.<Integer>any().matches(5));
    assertTrue(KeyPattern.exact(5).matches(5));
    assertFalse(KeyPattern.exact(5).matches(6));
    assertTrue(KeyPattern.range(1, true, 3, true).matches(3));
    assertFalse(KeyPattern.range(1, false, 3, true).matches(1));
    assertTrue(KeyPattern.<Integer>range(null, 3).matches(-100));
    assertTrue(KeyPattern.<Integer>range(3, null).matches(100));
    assertTrue(KeyPattern.prefix("ab").matches("abc"));
    assertFalse(KeyPattern.prefix("ab").matches("a"));
    assertTrue(KeyPattern.prefix(List.of("eu", "fr")).matches(List.of("eu", "fr", "paris")));
    assertFalse(KeyPattern.prefix(List.of("eu", "fr")).matches(List.of("eu", "de", "berlin")));
    assertTrue(KeyPattern.exact("A").matches("a", String.CASE_INSENSITIVE_ORDER));
  }

  @Test
  void theFirstMatchingClauseDecidesAndAThrowingGuardOnlyFailsItsClause() {
    MatchSpec<Integer, String, String> spec =
        MatchSpec.<Integer, String>where(KeyPattern.exact(1))
            .guard(
                (k, v) -> {
                  throw new IllegalStateException("guard fails");
                })
            .returnResult((k, v) -> "first")
            .orWhere(KeyPattern.range(0, 10))
            .returnResult((k, v) -> "second:" + v)
            .orWhere(KeyPattern.any())
            .returnConstant("third");
    assertEquals(Optional.of("second:x"), spec.test(1, "x"));
    assertEquals(Optional.of("second:y"), spec.test(5, "y"));
    assertEquals(Optional.of("third"), spec.test(50, "z"));
    assertEquals(3, spec.clauses().size());

    MatchSpec<Integer, String, Boolean> countOnlyOdd =
        MatchSpec.<Integer, String>where(KeyPattern.any())
            .guard((k, v) -> k % 2 == 0)
            .returnFalse()
            .orWhere(KeyPattern.any())
            .returnConstant(true);
    assertEquals(Optional.of(false), countOnlyOdd.test(2, "even"));
    assertEquals(Optional.of(true), countOnlyOdd.test(3, "odd"));
  }

  @Test
  void aRangeBoundOfAnotherTypeDoesNotMatch() {
    MatchSpec<Object, String, Object> spec =
        MatchSpec.<Object, String>where(KeyPattern.range("a", "z")).returnKey();
    assertEquals(Optional.empty(), spec.test(5, "five"));
    assertEquals(Optional.of("b"), spec.test("b", "bee"));
  }

  @Test
  void runOverAPlainListKeepsOrderAndProjects() {
    MatchSpec<String, Integer, Map.Entry<String, Integer>> objects =
        MatchSpec.<String, Integer>where(KeyPattern.prefix("a")).returnObject();
    List<Map.Entry<String, Integer>> input =
        List.of(Map.entry("ab", 1), Map.entry("b", 2), Map.entry("ac", 3), Map.entry("ab", 4));
    assertEquals(
        List.of(Map.entry("ab", 1), Map.entry("ac", 3), Map.entry("ab", 4)), objects.run(input));
    assertEquals(
        List.of("ab", "b", "ac", "ab"), MatchSpec.<String, Integer>anyKey().returnKey().run(input));
    assertEquals(
        List.of(10, 30, 40),
        MatchSpec.<String, Integer>where(KeyPattern.prefix("a"))
            .returnResult((k, v) -> v * 10)
            .run(input));
    assertEquals(
        List.of(Map.entry("ab", 2)),
        MatchSpec.<String, Integer>where(KeyPattern.exact("ab"))
            .replaceValue((k, v) -> v + 1)
            .run(input.subList(0, 1)));
  }

  @Test
  void resultFunctionsThatFailOrReturnNullAreErrors() {
    MatchSpec<Integer, String, String> nulls =
        MatchSpec.<Integer, String>anyKey().returnResult((k, v) -> null);
    assertThrows(NullPointerException.class, () -> nulls.test(1, "x"));
    MatchSpec<Integer, String, String> failing =
        MatchSpec.<Integer, String>anyKey()
            .returnResult(
                (k, v) -> {
                  throw new ArithmeticException("boom");
                });
    assertThrows(ArithmeticException.class, () -> failing.test(1, "x"));
    assertThrows(IllegalArgumentException.class, MatchSpec::<Integer, String, String>of);
  }
}
