package io.jets.offheap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * What Chronicle Map needs from the JVM, checked before any Chronicle class is initialized: the
 * {@code --add-exports} and {@code --add-opens} of the README's list, and the system property that
 * switches its usage analytics off. Without them Chronicle fails with raw errors (an {@code
 * AssertionError}, an {@code ExceptionInInitializerError}, an {@code IllegalAccessError} inside an
 * {@code IOException}) that name neither the table nor the flag; {@link #missing()} names every
 * flag this JVM lacks, so that the builder can refuse with {@link OffHeapUnavailableException}
 * instead.
 *
 * <p>Each access is checked for the module of the Chronicle class that needs it: on the class path
 * that is the class loader's unnamed module, and the flag names {@code ALL-UNNAMED}, as the README
 * gives it; on the module path Chronicle's jars are automatic modules, and the flag names them
 * ({@code chronicle.core}, {@code net.openhft.compiler}, ...). A flag whose access the JDK grants
 * to every module anyway ({@code jdk.unsupported} exports {@code sun.misc}) is never missing.
 */
final class ChronicleFlags {

  /** The property that switches Chronicle's usage analytics off. */
  static final String ANALYTICS_PROPERTY = "chronicle.analytics.disable";

  /** The flag that sets it, as the README gives it. */
  static final String ANALYTICS_FLAG = "-D" + ANALYTICS_PROPERTY + "=true";

  private static final String CORE_JVM = "net.openhft.chronicle.core.Jvm";
  private static final String CORE_OS = "net.openhft.chronicle.core.OS";
  private static final String CORE_UNSAFE = "net.openhft.chronicle.core.UnsafeMemory";
  private static final String CORE_CLEANER =
      "net.openhft.chronicle.core.internal.cleaner.ReflectionBasedByteBufferCleanerService";
  private static final String BYTES_INTERNAL = "net.openhft.chronicle.bytes.internal.BytesInternal";
  private static final String MAP_CLEANER = "net.openhft.chronicle.hash.impl.util.CleanerUtils";
  private static final String COMPILER_UTILS = "net.openhft.compiler.CompilerUtils";
  private static final String COMPILER_FILES = "net.openhft.compiler.MyJavaFileManager";

  /**
   * One access Chronicle needs: {@code module} exports (or opens) {@code pkg} to the modules of the
   * Chronicle classes {@code users}.
   */
  private record Need(boolean open, String module, String pkg, List<String> users) {

    String flag(Set<String> targets) {
      return (open ? "--add-opens=" : "--add-exports=")
          + module
          + "/"
          + pkg
          + "="
          + String.join(",", targets);
    }
  }

  /**
   * The README's list, in its order. The users of an access are the Chronicle classes that
   * reference the package (jdk.internal.ref, sun.nio.ch, javac's) or that failed without it on JDK
   * 25 (java.lang: the runtime compiler's {@code defineClass}; java.lang.reflect: {@code
   * Jvm.getValue}). The java.io and java.util opens, which Chronicle's documentation lists for
   * paths this module has not hit, and the java.lang opens besides the compiler's, are checked for
   * chronicle-core, whose {@code Jvm} does Chronicle's reflection.
   */
  private static final List<Need> NEEDS =
      List.of(
          new Need(
              false,
              "java.base",
              "jdk.internal.ref",
              List.of(CORE_CLEANER, BYTES_INTERNAL, MAP_CLEANER)),
          new Need(false, "java.base", "sun.nio.ch", List.of(CORE_OS)),
          new Need(false, "jdk.unsupported", "sun.misc", List.of(CORE_UNSAFE)),
          new Need(false, "jdk.compiler", "com.sun.tools.javac.file", List.of(COMPILER_FILES)),
          new Need(true, "jdk.compiler", "com.sun.tools.javac", List.of(COMPILER_UTILS)),
          new Need(true, "java.base", "java.lang", List.of(CORE_JVM, COMPILER_UTILS)),
          new Need(true, "java.base", "java.lang.reflect", List.of(CORE_JVM)),
          new Need(true, "java.base", "java.io", List.of(CORE_JVM)),
          new Need(true, "java.base", "java.util", List.of(CORE_JVM)));

  /** Set once nothing was missing: a JVM never loses an export, an open or a module. */
  private static volatile boolean complete;

  private ChronicleFlags() {}

  /**
   * The flags this JVM lacks for Chronicle Map, in the README's order: the analytics property,
   * {@code --add-modules} for a JDK module Chronicle uses that is not in the module graph, then the
   * exports and opens; empty if it has them all.
   */
  static List<String> missing() {
    if (complete) {
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    if (System.getProperty(ANALYTICS_PROPERTY) == null) {
      missing.add(ANALYTICS_FLAG);
    }
    Set<String> absentModules = new LinkedHashSet<>();
    List<String> grants = new ArrayList<>();
    for (Need need : NEEDS) {
      Set<String> targets = new LinkedHashSet<>();
      for (String user : need.users()) {
        Module module = moduleOf(user);
        String target = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        Optional<Module> source = layerOf(module).findModule(need.module());
        if (source.isEmpty()) {
          // not in the module graph (a jlinked runtime, an application module that does not
          // require it): it must be added, and then grant the access too
          absentModules.add("--add-modules=" + need.module());
          targets.add(target);
        } else if (source.get().getPackages().contains(need.pkg())
            && !granted(need, source.get(), module)) {
          targets.add(target);
        }
      }
      if (!targets.isEmpty()) {
        grants.add(need.flag(targets));
      }
    }
    missing.addAll(absentModules);
    missing.addAll(grants);
    if (missing.isEmpty()) {
      complete = true;
    }
    return List.copyOf(missing);
  }

  /**
   * Whether {@code failure} says Chronicle cannot run here, whatever the map's size or file: the
   * JVM refused it access to its internals, or its runtime compiler did not find Chronicle's
   * classes.
   */
  static boolean cannotRun(Throwable failure) {
    return refusedAccess(failure) || compilerCannotSeeChronicle(failure);
  }

  private static boolean refusedAccess(Throwable failure) {
    return inChain(
        failure,
        t ->
            t instanceof java.lang.reflect.InaccessibleObjectException
                || t instanceof IllegalAccessException
                || t instanceof IllegalAccessError);
  }

  /**
   * javac's {@code CompletionFailure}: Chronicle compiles classes at run time against {@code
   * java.class.path}, so its jars must be on the class path, also when they are on the module path.
   */
  static boolean compilerCannotSeeChronicle(Throwable failure) {
    return inChain(
        failure,
        t -> t.getClass().getName().equals("com.sun.tools.javac.code.Symbol$CompletionFailure"));
  }

  private static boolean inChain(Throwable failure, Predicate<Throwable> test) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean granted(Need need, Module source, Module user) {
    return need.open() ? source.isOpen(need.pkg(), user) : source.isExported(need.pkg(), user);
  }

  /**
   * The module of Chronicle class {@code name}, loaded without being initialized (initializing is
   * what fails without the flags); chronicle-map's if another Chronicle version has no such class.
   */
  private static Module moduleOf(String name) {
    Class<?> anchor = ChronicleMapBuilder.class;
    try {
      return Class.forName(name, false, anchor.getClassLoader()).getModule();
    } catch (ClassNotFoundException | LinkageError e) {
      return anchor.getModule();
    }
  }

  private static ModuleLayer layerOf(Module module) {
    ModuleLayer layer = module.getLayer();
    return layer != null ? layer : ModuleLayer.boot();
  }
}
