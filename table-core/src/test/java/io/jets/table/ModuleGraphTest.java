package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module graph of table-core, read from its compiled descriptor: tables see owners only through
 * the owner SPI ({@code io.jets.owner}, re-exported to users), never through the process runtime or
 * JCTools. The enforcer's bannedDependencies rule in the pom checks the same for the Maven
 * dependencies.
 */
class ModuleGraphTest {

  /**
   * The descriptor the tests run with when they run on the module path (as here), else the one
   * compiled into target/classes.
   */
  static ModuleDescriptor descriptorOf(Class<?> type) throws IOException {
    Module module = type.getModule();
    if (module.isNamed()) {
      return module.getDescriptor();
    }
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void tableCoreRequiresTheOwnerSpiAndNeitherTheProcessRuntimeNorJcTools() throws IOException {
    ModuleDescriptor descriptor = descriptorOf(SetTable.class);
    assertEquals("io.jets.table", descriptor.name());
    Map<String, ModuleDescriptor.Requires> requires =
        descriptor.requires().stream()
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, Function.identity()));
    String all = " (it requires " + requires.keySet() + ")";

    assertTrue(
        requires.containsKey("io.jets.owner"), "io.jets.table must read the owner SPI" + all);
    assertTrue(
        requires
            .get("io.jets.owner")
            .modifiers()
            .contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
        "table users see Owner in the API, so io.jets.owner must be required transitively");
    assertFalse(
        requires.containsKey("io.jets.process"),
        "io.jets.table must not depend on the process runtime" + all);
    assertTrue(
        requires.keySet().stream().noneMatch(name -> name.startsWith("org.jctools")),
        "io.jets.table must not depend on JCTools" + all);
  }
}
