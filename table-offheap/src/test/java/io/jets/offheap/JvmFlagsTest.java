package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jets.offheap.launch.BuildOffHeapTable;
import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An off-heap table built on a JVM without Chronicle's flags: a jets exception naming every flag
 * the JVM lacks, and nothing created. This JVM has every flag (surefire's argLine), so each case
 * runs {@link BuildOffHeapTable} in a JVM of its own, with the same java and class path and only
 * the flags the case gives it.
 */
class JvmFlagsTest {

  private static final String PROPERTY = "-Dchronicle.analytics.disable=true";

  @TempDir Path dir;

  /** The flags of table-offheap/pom.xml, which the README lists; surefire passes them here. */
  private static List<String> documentedFlags() {
    String flags = System.getProperty("jets.chronicle.flags");
    assertNotNull(flags, "surefire passes the pom's chronicle.jvm.flags as jets.chronicle.flags");
    return List.of(flags.strip().split("\\s+"));
  }

  /** Whether the JDK grants what {@code flag} asks for to every module (sun.misc, say). */
  private static boolean grantedWithoutFlag(String flag) {
    if (!flag.startsWith("--add-")) {
      return false;
    }
    String[] modulePackage = flag.substring(flag.indexOf('=') + 1).split("[/=]");
    Module source = ModuleLayer.boot().findModule(modulePackage[0]).orElseThrow();
    return flag.startsWith("--add-opens")
        ? source.isOpen(modulePackage[1])
        : source.isExported(modulePackage[1]);
  }

  /** The documented flags a JVM started with none of them lacks. */
  private static List<String> neededFlags() {
    return documentedFlags().stream().filter(flag -> !grantedWithoutFlag(flag)).toList();
  }

  @Test
  void withoutFlagsTheBuildNamesEveryFlagAndCreatesNothingAndTheNamedFlagsAreEnough()
      throws Exception {
    Path file = dir.resolve("data").resolve("flagless.cmap");

    Run bare = run(List.of(), Layout.CLASS_PATH, file.toString());

    assertEquals(OffHeapUnavailableException.class.getName(), bare.thrown(), bare.toString());
    assertTrue(bare.message().contains("'flagless'"), bare.toString());
    for (String flag : neededFlags()) {
      assertTrue(bare.message().contains(flag), "names " + flag + ": " + bare);
    }
    assertTrue(bare.message().contains(PROPERTY), bare.toString());
    assertEquals(neededFlags(), bare.missing(), bare.toString());
    assertFalse(Files.exists(file.getParent()), "nothing created: " + file.getParent());

    Run flagged = run(bare.missing(), Layout.CLASS_PATH, file.toString());
    assertEquals(List.of("built"), flagged.lines(), flagged.toString());
    assertTrue(Files.exists(file));
  }

  /**
   * One flag missing: the java.lang.reflect opens used to escape as Chronicle's raw {@code
   * AssertionError}, the sun.nio.ch export as a {@code BadArgumentException} about the file.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        PROPERTY
      })
  void withOneFlagMissingTheBuildNamesOnlyThatOne(String left) throws Exception {
    List<String> flags = new ArrayList<>(documentedFlags());
    assertTrue(flags.remove(left), "the pom lists " + left);

    Run run = run(flags, Layout.CLASS_PATH, dir.resolve("one-missing.cmap").toString());

    assertEquals(OffHeapUnavailableException.class.getName(), run.thrown(), run.toString());
    assertEquals(List.of(left), run.missing(), run.toString());
    assertTrue(run.message().contains(left), run.toString());
    for (String given : flags) {
      assertFalse(run.message().contains(given), "does not name " + given + ": " + run);
    }
  }

  /**
   * On the module path Chronicle's jars are automatic modules: the flags must name them, not
   * ALL-UNNAMED. (Chronicle's jars stay on the class path too: its runtime compiler reads the class
   * path to compile the classes it generates.)
   */
  @Test
  void onTheModulePathTheFlagsNameChroniclesModulesAndAreEnough() throws Exception {
    Path file = dir.resolve("module-path.cmap");

    Run bare = run(List.of(), Layout.MODULE_PATH, file.toString());

    assertEquals(OffHeapUnavailableException.class.getName(), bare.thrown(), bare.toString());
    for (String flag : neededFlags()) {
      if (flag.startsWith("--add-")) {
        String grant = flag.substring(0, flag.lastIndexOf('=') + 1); // --add-opens=java.base/pkg=
        assertTrue(
            bare.missing().stream().anyMatch(named -> named.startsWith(grant)),
            "names " + grant + ": " + bare);
      }
    }
    assertTrue(bare.missing().contains(PROPERTY), bare.toString());
    assertTrue(
        bare.missing().contains("--add-opens=java.base/java.lang.reflect=chronicle.core"),
        bare.toString());
    assertTrue(bare.missing().stream().noneMatch(f -> f.contains("ALL-UNNAMED")), bare.toString());

    Run flagged = run(bare.missing(), Layout.MODULE_PATH, file.toString());
    assertEquals(List.of("built"), flagged.lines(), flagged.toString());
  }

  /**
   * With every flag but Chronicle's jars only on the module path, Chronicle's runtime compiler
   * finds none of its classes (it compiles against java.class.path): a jets exception that says so,
   * not a capacity error.
   */
  @Test
  void onTheModulePathAloneChroniclesCompilerFailureIsNamed() throws Exception {
    List<String> flags = run(List.of(), Layout.MODULE_PATH).missing();
    assertFalse(flags.isEmpty());

    Run run = run(flags, Layout.MODULE_PATH_ONLY);

    assertEquals(OffHeapUnavailableException.class.getName(), run.thrown(), run.toString());
    assertTrue(run.message().contains("put them on the class path too"), run.toString());
    assertEquals(List.of(), run.missing(), run.toString());
  }

  // ---- a JVM of its own ----

  /** Where the child JVM finds jets' modules and Chronicle's jars. */
  private enum Layout {
    /** Everything on the class path, as in this JVM. */
    CLASS_PATH,
    /** jets' modules and Chronicle's jars on the module path, and everything on the class path. */
    MODULE_PATH,
    /** jets' modules and Chronicle's jars only on the module path. */
    MODULE_PATH_ONLY
  }

  /** What {@link BuildOffHeapTable} printed, and the JVM's error output for failure messages. */
  private record Run(List<String> lines, String errors) {

    String thrown() {
      return value("thrown ");
    }

    String message() {
      return value("message ");
    }

    List<String> missing() {
      return lines.stream()
          .filter(line -> line.startsWith("missing "))
          .map(line -> line.substring("missing ".length()))
          .toList();
    }

    private String value(String prefix) {
      return lines.stream()
          .filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()))
          .findFirst()
          .orElse("");
    }

    @Override
    public String toString() {
      return "output " + lines + "; error output: " + errors;
    }
  }

  private Run run(List<String> jvmOptions, Layout layout, String... args)
      throws IOException, InterruptedException {
    List<String> classPath = new ArrayList<>(classPath());
    List<String> modules = modules(classPath);
    if (layout == Layout.MODULE_PATH_ONLY) {
      classPath.removeAll(modules);
    }
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    if (layout != Layout.CLASS_PATH) {
      command.add("--module-path");
      command.add(String.join(File.pathSeparator, modules));
      command.add("--add-modules");
      command.add("io.jets.offheap");
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(BuildOffHeapTable.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // only the flags given here: none from the environment
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("no answer within 2 minutes from " + command + ": " + Files.readString(out));
    }
    return new Run(Files.readAllLines(out), Files.readString(err));
  }

  /** This JVM's class path, and its module path if it has one: every jar the tests see. */
  private static List<String> classPath() {
    List<String> entries = new ArrayList<>();
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String path = System.getProperty(property, "");
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  /** The entries that hold jets' modules and Chronicle's jars (automatic modules). */
  private static List<String> modules(List<String> classPath) {
    List<String> modules = new ArrayList<>();
    for (String entry : classPath) {
      try {
        for (ModuleReference module : ModuleFinder.of(Path.of(entry)).findAll()) {
          ModuleDescriptor descriptor = module.descriptor();
          boolean jets = !descriptor.isAutomatic() && descriptor.name().startsWith("io.jets.");
          boolean chronicle =
              descriptor.isAutomatic()
                  && descriptor.packages().stream().anyMatch(p -> p.startsWith("net.openhft."));
          if (jets || chronicle) {
            modules.add(entry);
          }
        }
      } catch (FindException notAModule) {
        // class path only
      }
    }
    return modules;
  }
}
