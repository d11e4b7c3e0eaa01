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
 * TourTest} runs), with the region's common indentation removed. A block preceded by {@code <!--
 * file-snippet: path#tag -->} copies the region of any file of the repository (path from its root),
 * marked {@code // tag::tag[]} or {@code <!-- tag::tag[] -->}: the README's "Install" blocks come
 * from {@code examples/consumer}, a project the build compiles and runs.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "jets", "examples");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->");
  private static final Pattern FILE_MARKER =
      Pattern.compile("<!-- file-snippet: ([\\w./-]+)#([\\w-]+) -->");

  /** A README code block and the source region it claims to copy. */
  record Snippet(String source, String tag, List<String> readmeLines) {}

  /** A README code block and the region of a repository file it claims to copy. */
  record FileSnippet(Path file, String tag, List<String> readmeLines) {}

  static List<FileSnippet> fileSnippets(List<String> readme) {
    List<FileSnippet> snippets = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      Matcher marker = FILE_MARKER.matcher(readme.get(i).trim());
      if (!marker.matches()) {
        continue;
      }
      assertTrue(
          readme.get(i + 1).trim().startsWith("```"),
          "README line " + (i + 2) + ": a file-snippet marker must be followed by a code block");
      List<String> block = new ArrayList<>();
      int line = i + 2;
      while (!readme.get(line).trim().equals("```")) {
        block.add(readme.get(line).isBlank() ? "" : readme.get(line).stripTrailing());
        line++;
      }
      snippets.add(new FileSnippet(Path.of("..", marker.group(1)), marker.group(2), block));
      i = line;
    }
    return snippets;
  }

  static List<String> fileRegion(Path file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Pattern start = Pattern.compile("(//|<!--)\\s*tag::" + Pattern.quote(tag) + "\\[\\](\\s*-->)?");
    Pattern end = Pattern.compile("(//|<!--)\\s*end::" + Pattern.quote(tag) + "\\[\\](\\s*-->)?");
    int from = -1;
    for (int i = 0; i < lines.size() && from < 0; i++) {
      if (start.matcher(lines.get(i).trim()).matches()) {
        from = i + 1;
      }
    }
    assertTrue(from > 0, file + " has no tag::" + tag + "[]");
    List<String> region = new ArrayList<>();
    for (int i = from; !end.matcher(lines.get(i).trim()).matches(); i++) {
      region.add(lines.get(i));
    }
    return dedent(region);
  }

  static List<String> dedent(List<String> region) {
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return region.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
        .toList();
  }

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
    return dedent(region);
  }

  @Test
  void everyFileSnippetIsCopiedVerbatimFromItsFile() throws IOException {
    List<FileSnippet> snippets = fileSnippets(Files.readAllLines(README));
    List<String> shown = snippets.stream().map(s -> s.file() + "#" + s.tag()).toList();
    for (String expected :
        List.of(
            "../examples/consumer/pom.xml#bom",
            "../examples/consumer/pom.xml#dependencies",
            "../examples/consumer/src/main/java/module-info.java#requires")) {
      assertTrue(
          shown.contains(expected), "README.md does not show " + expected + "; it shows " + shown);
    }
    for (FileSnippet snippet : snippets) {
      assertEquals(
          String.join("\n", fileRegion(snippet.file(), snippet.tag())),
          String.join("\n", snippet.readmeLines()),
          "README block "
              + snippet.file()
              + "#"
              + snippet.tag()
              + " differs from the file; copy it again");
    }
  }

  /**
   * The BOM manages every library module of the build, and the consumer project, whose blocks the
   * README shows, depends on each of them: a new module cannot be left out of "Install".
   */
  @Test
  void theBomAndTheInstallBlocksListEveryLibraryModule() throws IOException {
    Pattern module = Pattern.compile("<module>([\\w/-]+)</module>");
    List<String> libraries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "pom.xml"))) {
      Matcher m = module.matcher(line.trim());
      if (m.matches()
          && !List.of("jets-bom", "tests-property", "examples", "benchmarks", "examples/consumer")
              .contains(m.group(1))) {
        libraries.add(m.group(1));
      }
    }
    assertTrue(libraries.size() >= 9, "library modules found: " + libraries);
    String bom = Files.readString(Path.of("..", "jets-bom", "pom.xml"));
    String install =
        String.join(
            "\n", fileRegion(Path.of("..", "examples", "consumer", "pom.xml"), "dependencies"));
    for (String library : libraries) {
      String artifact = "<artifactId>" + library + "</artifactId>";
      assertTrue(bom.contains(artifact), "jets-bom does not manage " + library);
      assertTrue(install.contains(artifact), "the README's Install block does not add " + library);
    }
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
