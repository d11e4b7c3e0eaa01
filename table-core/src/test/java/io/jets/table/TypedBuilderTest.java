package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Listener, weigher, loader and comparator types are checked against the table's key and value
 * types by javac: each mismatch below fails to compile, and its well-typed twin compiles.
 */
class TypedBuilderTest {

  /** Compiles {@code body} inside a method; returns javac's diagnostics, empty if it compiled. */
  private static String compile(String body) throws Exception {
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    Path dir = Files.createTempDirectory("typed-builder");
    Path source = dir.resolve("Snippet.java");
    Files.writeString(
        source,
        "import io.jets.table.*;\n"
            + "import java.util.*;\n"
            + "class Snippet {\n"
            + "  void run() {\n"
            + body
            + "\n  }\n"
            + "}\n");
    String classPath =
        Stream.of(
                System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", ""))
            .filter(p -> !p.isEmpty())
            .collect(Collectors.joining(File.pathSeparator));
    StringWriter diagnostics = new StringWriter();
    PrintWriter printer = new PrintWriter(diagnostics);
    int status =
        javac.run(
            printer,
            printer,
            "-classpath",
            classPath,
            "-d",
            dir.resolve("classes").toString(),
            "-proc:none",
            source.toString());
    printer.flush();
    return status == 0 ? "" : "javac exited " + status + ": " + diagnostics;
  }

  @Test
  void aListenerOfOtherTypesDoesNotCompile() throws Exception {
    String listener = "CacheListener<String, Long> audit = e -> {};\n";
    assertEquals(
        "",
        compile(
            listener
                + "CacheTable<String, Long> ok = Tables.cache(\"c\").listener(audit).build();"));
    String wrong =
        compile(
            listener
                + "CacheTable<Integer, Integer> c = Tables.cache(\"c\").listener(audit).build();");
    assertFalse(wrong.isEmpty(), "a CacheListener<String, Long> on a CacheTable<Integer, Integer>");
    assertTrue(wrong.contains("Snippet.java"), wrong);
  }

  @Test
  void aWeigherOrLoaderOfOtherTypesDoesNotCompile() throws Exception {
    assertEquals(
        "",
        compile(
            "Weigher<String, String> w = (k, v) -> v.length();\n"
                + "CacheTable<String, String> ok = Tables.<String, String>cache(\"c\")"
                + ".maximumWeight(10).weigher(w).build();"));
    assertFalse(
        compile(
                "Weigher<String, String> w = (k, v) -> v.length();\n"
                    + "CacheTable<Integer, String> c = Tables.<Integer, String>cache(\"c\")"
                    + ".maximumWeight(10).weigher(w).build();")
            .isEmpty());
    assertFalse(
        compile(
                "java.util.function.Function<Integer, String> load = k -> \"v\" + k;\n"
                    + "CacheTable<String, String> c = Tables.<String, String>cache(\"c\")"
                    + ".loader(load).build();")
            .isEmpty());
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
