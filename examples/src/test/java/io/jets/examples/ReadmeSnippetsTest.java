package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code honest: every code block preceded by {@code <!-- snippet: Class#tag -->}
 * must equal, line for line, the region between {@code // tag::tag[]} and {@code // end::tag[]} in
 * {@code examples/src/main/java/io/jets/examples/Class.java} (which the build compiles and {@link
 * TourTest} runs), with the region's common indentation removed.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "jets", "examples");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->");

  /** A README code block and the source region it claims to copy. */
  record Snippet(String source, String tag, List<String> readmeLines) {}

  static List<Snippet> snippets(List<String> readme) {
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      Matcher marker = MARKER.matcher(readme.get(i).trim());
      if (!marker.matches()) {
        continue;
      }
      assertEquals(
          "```java",
          readme.get(i + 1).trim(),
          "README line " + (i + 2) + ": a snippet marker must be followed by a ```java block");
      List<String> block = new ArrayList<>();
      int line = i + 2;
      while (!readme.get(line).trim().equals("```")) {
        block.add(readme.get(line++));
      }
      snippets.add(new Snippet(marker.group(1), marker.group(2), block));
      i = line;
    }
    return snippets;
  }

  static List<String> region(String source, String tag) throws IOException {
    List<String> lines = Files.readAllLines(SOURCES.resolve(source + ".java"));
    int start =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.trim().equals("// tag::" + tag + "[]"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + ".java has no tag::" + tag + "[]")));
    List<String> region = new ArrayList<>();
    for (int i = start + 1; !lines.get(i).trim().equals("// end::" + tag + "[]"); i++) {
      region.add(lines.get(i));
    }
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  @Test
  void everyReadmeSnippetIsCopiedVerbatimFromCompiledTourCode() throws IOException {
    List<Snippet> snippets = snippets(Files.readAllLines(README));
    assertFalse(snippets.isEmpty(), "README.md has no snippet markers");
    for (Snippet snippet : snippets) {
      List<String> expected = region(snippet.source(), snippet.tag());
      List<String> actual =
          snippet.readmeLines().stream().map(l -> l.isBlank() ? "" : l.stripTrailing()).toList();
      assertEquals(
          String.join("\n", expected),
          String.join("\n", actual),
          "README snippet "
              + snippet.source()
              + "#"
              + snippet.tag()
              + " differs from its source; copy the region again");
    }
  }

  @Test
  void everyTourTableTypeHasASnippetInTheReadme() throws IOException {
    List<String> shown =
        snippets(Files.readAllLines(README)).stream().map(s -> s.source() + "#" + s.tag()).toList();
    for (String expected :
        List.of(
            "TourSetTable#set",
            "TourOrderedTable#ordered",
            "TourBagTable#bag",
            "TourPersistentTerm#term",
            "TourProcesses#processes",
            "TourObservability#observability")) {
      assertTrue(
          shown.contains(expected), "README.md does not show " + expected + "; it shows " + shown);
    }
  }
}
