package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jets.table.tck.Javac;
import org.junit.jupiter.api.Test;

/**
 * Comparator types are checked against the ordered table's key type by javac: each mismatch below
 * fails to compile, and its well-typed twin compiles. (table-cache checks its builder likewise.)
 */
class TypedBuilderTest {

  private static String compile(String body) throws Exception {
    return Javac.compile(body, "io.jets.table");
  }

  @Test
  void aComparatorOfAnotherKeyTypeDoesNotCompile() throws Exception {
    assertEquals(
        "",
        compile(
            "OrderedTable<String, Long> ok = Tables.orderedSet(\"o\")"
                + ".comparator(Comparator.<String>reverseOrder()).build();"));
    assertFalse(
        compile(
                "OrderedTable<Integer, Long> o = Tables.orderedSet(\"o\")"
                    + ".comparator(Comparator.<String>reverseOrder()).build();")
            .isEmpty());
  }
}
