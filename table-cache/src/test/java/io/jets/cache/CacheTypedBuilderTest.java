package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.tck.Javac;
import org.junit.jupiter.api.Test;

/**
 * Listener, weigher and loader types are checked against the cache's key and value types by javac:
 * each mismatch below fails to compile, and its well-typed twin compiles.
 */
class CacheTypedBuilderTest {

  private static String compile(String body) throws Exception {
    return Javac.compile(body, "io.jets.table", "io.jets.cache");
  }

  @Test
  void aListenerOfOtherTypesDoesNotCompile() throws Exception {
    String listener = "CacheListener<String, Long> audit = e -> {};\n";
    assertEquals(
        "",
        compile(
            listener
                + "CacheTable<String, Long> ok = Caches.cache(\"c\").listener(audit).build();"));
    String wrong =
        compile(
            listener
                + "CacheTable<Integer, Integer> c = Caches.cache(\"c\").listener(audit).build();");
    assertFalse(wrong.isEmpty(), "a CacheListener<String, Long> on a CacheTable<Integer, Integer>");
    assertFalse(
        compile(
                listener
                    + "CacheTable<Integer, Integer> c = Caches.cache(\"c\")"
                    + ".removalListener(audit).build();")
            .isEmpty(),
        "a removal listener of other types");
    assertTrue(wrong.contains("Snippet.java"), wrong);
  }

  @Test
  void aWeigherOrLoaderOfOtherTypesDoesNotCompile() throws Exception {
    assertEquals(
        "",
        compile(
            "Weigher<String, String> w = (k, v) -> v.length();\n"
                + "CacheTable<String, String> ok = Caches.<String, String>cache(\"c\")"
                + ".maximumWeight(10).weigher(w).build();"));
    assertFalse(
        compile(
                "Weigher<String, String> w = (k, v) -> v.length();\n"
                    + "CacheTable<Integer, String> c = Caches.<Integer, String>cache(\"c\")"
                    + ".maximumWeight(10).weigher(w).build();")
            .isEmpty());
    assertFalse(
        compile(
                "java.util.function.Function<Integer, String> load = k -> \"v\" + k;\n"
                    + "CacheTable<String, String> c = Caches.<String, String>cache(\"c\")"
                    + ".loader(load).build();")
            .isEmpty());
  }
}
