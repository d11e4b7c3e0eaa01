package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.SetTable;
import io.jets.table.tck.FailingOwner;
import io.jets.table.tck.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file-backed table whose open fails with an {@code Error} after its file lock was taken still
 * releases that lock (the JVM-wide registry entry and the OS lock on the sidecar file), so a later
 * open of the same file in the same JVM succeeds. The seam is the {@link Owner} SPI: the build
 * registers the table with its owner ({@link Owner#onExit}) after the lock is taken, and an owner
 * implementation may fail there with an {@code AssertionError}.
 */
class FailedOpenReleasesFileLockTest {

  @TempDir Path dir;

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static SetTable<String, Long> open(String name, Path file, Owner owner) {
    return OffHeapTables.set(name)
        .keyCodec(Codec.string())
        .valueCodec(Codec.longs())
        .entries(1_000)
        .owner(owner)
        .persistedTo(file)
        .build();
  }

  @Test
  void anErrorWhileOpeningReleasesTheFileLock() {
    Path file = dir.resolve("error.cmap");
    SetTable<String, Long> first = open("before-error", file, Owner.application());
    first.insert("a", 1L);
    first.delete();

    AssertionError broken = new AssertionError("an owner implementation's assertion");
    try (OwnerScope delegate = OwnerScope.open("broken-owner")) {
      Owner owner = new FailingOwner(delegate, broken);
      AssertionError thrown =
          assertThrows(AssertionError.class, () -> open("error-on-open", file, owner));
      assertSame(broken, thrown, "the Error escapes the build unchanged");
    }

    SetTable<String, Long> reopened = open("after-error", file, Owner.application());
    assertEquals(1L, reopened.get("a"), "the file is reopened, its objects intact");
  }

  /**
   * A build that creates its file and then fails to open leaves no data file behind (a failed build
   * changes nothing); one that reopens an existing file keeps it, as the test above shows. The
   * sidecar lock file stays, as {@link TableFileLock} explains.
   */
  @Test
  void aFailedBuildDeletesTheFileItCreated() {
    Path file = dir.resolve("fresh.cmap");
    try (OwnerScope delegate = OwnerScope.open("broken-owner")) {
      Owner owner = new FailingOwner(delegate, new AssertionError("broken"));
      assertThrows(AssertionError.class, () -> open("fresh-error", file, owner));
    }
    assertFalse(Files.exists(file), "the data file the failed build created is gone");

    SetTable<String, Long> built = open("fresh-after-error", file, Owner.application());
    built.insert("b", 2L);
    assertEquals(1, built.size(), "a later build creates the file afresh");
  }
}
