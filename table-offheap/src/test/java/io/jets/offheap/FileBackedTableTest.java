package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-backed off-heap tables: persistence across close and reopen, and the file lock. */
class FileBackedTableTest {

  @TempDir Path dir;

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static SetTable<String, Long> open(String name, Path file) {
    return OffHeapTables.set(name)
        .keyCodec(Codec.string())
        .valueCodec(Codec.longs())
        .entries(10_000)
        .persistedTo(file)
        .build();
  }

  @Test
  void objectsSurviveCloseAndReopen() throws IOException {
    Path file = dir.resolve("counters.cmap");
    SetTable<String, Long> t = open("counters", file);
    for (long i = 0; i < 5_000; i++) {
      t.insert("k" + i, i);
    }
    t.updateCounter("k7", 100);
    assertEquals(file.toRealPath(), OffHeapTables.file(t).orElseThrow());
    t.delete("k8");
    t.delete(); // closes the file and releases the lock; the objects stay in the file
    assertTrue(t.isDeleted());
    assertThrows(TableDeletedException.class, () -> t.get("k1"));
    assertTrue(Files.exists(file));

    SetTable<String, Long> reopened = open("counters-again", file);
    assertEquals(4_999, reopened.size());
    assertEquals(107L, reopened.get("k7"));
    assertNull(reopened.get("k8"));
    assertEquals(4_999L, reopened.get("k4999"));
    assertEquals(4_999, reopened.toList().size());
  }

  @Test
  void ownerExitClosesTheFileAndKeepsTheObjects() {
    Path file = dir.resolve("owned.cmap");
    OwnerScope owner = OwnerScope.open("owner");
    SetTable<String, Long> t;
    try (Owner.Binding b = owner.bind()) {
      t = open("owned", file);
      t.insertAll(List.of(Map.entry("a", 1L), Map.entry("b", 2L)));
    }
    owner.close();
    assertTrue(t.isDeleted());
    SetTable<String, Long> reopened = open("owned", file);
    assertEquals(
        Map.of("a", 1L, "b", 2L), Map.ofEntries(reopened.toList().toArray(Map.Entry[]::new)));
  }

  @Test
  void secondOpenOfAnOpenFileFailsClearlyInThisJvm() {
    Path file = dir.resolve("locked.cmap");
    SetTable<String, Long> first = open("first", file);
    first.insert("a", 1L);
    TableFileLockedException e =
        assertThrows(TableFileLockedException.class, () -> open("second", file));
    assertTrue(e.getMessage().contains("'second'"), e.getMessage());
    assertTrue(e.getMessage().contains("already open for writing"), e.getMessage());
    assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    assertEquals(1L, first.get("a"), "the first table is untouched");
    first.delete();
    SetTable<String, Long> third = open("third", file);
    assertEquals(1L, third.get("a"), "the lock is released when the table is deleted");
  }

  @Test
  void aSecondOpenThroughASymbolicLinkFailsAsASecondOpenDoes() throws IOException {
    Path file = dir.resolve("real.cmap");
    SetTable<String, Long> first = open("first-real", file);
    first.insert("a", 1L);
    Path link = dir.resolve("link.cmap");
    try {
      Files.createSymbolicLink(link, file);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
    }
    assertThrows(TableFileLockedException.class, () -> open("through-link", link));
    Path linkedDir = dir.resolve("linked-dir");
    Files.createSymbolicLink(linkedDir, dir);
    assertThrows(
        TableFileLockedException.class, () -> open("through-dir", linkedDir.resolve("real.cmap")));
    assertEquals(1L, first.get("a"), "the first table is untouched");
  }

  @Test
  void secondOpenFromAnotherProcessFails() throws Exception {
    Path file = dir.resolve("shared.cmap");
    SetTable<String, Long> t = open("shared", file);
    t.insert("a", 1L);
    Path lockFile = TableFileLock.lockFileOf(file.toAbsolutePath());
    assertEquals("refused", tryLockFromAnotherProcess(lockFile));
    t.delete();
    assertEquals("acquired", tryLockFromAnotherProcess(lockFile));
  }

  /**
   * On Linux, closing any descriptor of a file drops every fcntl lock the process holds on it: a
   * failed second open in this JVM that opened and closed its own channel on the lock file released
   * the first table's lock, and another process could then open the live file.
   */
  @Test
  void aFailedSecondOpenInThisJvmKeepsTheFirstTablesLock() throws Exception {
    Path file = dir.resolve("kept.cmap");
    SetTable<String, Long> first = open("first-kept", file);
    first.insert("a", 1L);
    Path lockFile = TableFileLock.lockFileOf(file.toAbsolutePath());
    assertThrows(TableFileLockedException.class, () -> open("second-kept", file));
    assertThrows(TableFileLockedException.class, () -> open("third-kept", file));
    assertEquals("refused", tryLockFromAnotherProcess(lockFile), "the first table is still open");
    assertEquals(1L, first.get("a"));
    first.delete();
    assertEquals("acquired", tryLockFromAnotherProcess(lockFile));
  }

  /** Another JVM tries to lock {@code lockFile}, as a second process opening the table would. */
  private String tryLockFromAnotherProcess(Path lockFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path source = dir.resolve("TryLock.java");
    Files.writeString(
        source,
        """
        import java.nio.channels.FileChannel;
        import java.nio.file.*;
        public class TryLock {
          public static void main(String[] args) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
              System.out.print(c.tryLock() == null ? "refused" : "acquired");
            }
          }
        }
        """);
    Process p =
        new ProcessBuilder(java, source.toString(), lockFile.toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new String(p.getInputStream().readAllBytes()).trim();
  }

  @Test
  void unwritableLocationFailsNamingTheTable() throws IOException {
    Path blocker = Files.writeString(dir.resolve("a-file"), "x");
    Path file = blocker.resolve("sub").resolve("t.cmap");
    io.jets.table.TableException e =
        assertThrows(io.jets.table.TableException.class, () -> open("nowhere", file));
    assertEquals("nowhere", e.tableName());
    assertFalse(io.jets.table.Tables.all().stream().anyMatch(t -> t.name().equals("nowhere")));
  }
}
