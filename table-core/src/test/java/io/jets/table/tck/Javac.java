package io.jets.table.tck;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Compiles snippets with the JDK's javac, for tests that check what must not compile. */
public final class Javac {

  private Javac() {}

  /**
   * Compiles {@code body} inside a method of a class that imports {@code packages} (each as {@code
   * p.*}) and {@code java.util.*}, against the test's class and module path; returns javac's
   * diagnostics, empty if it compiled.
   */
  public static String compile(String body, String... packages) throws Exception {
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    Path dir = Files.createTempDirectory("typed-builder");
    Path source = dir.resolve("Snippet.java");
    Files.writeString(
        source,
        Stream.of(packages).map(p -> "import " + p + ".*;\n").collect(Collectors.joining())
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
}
