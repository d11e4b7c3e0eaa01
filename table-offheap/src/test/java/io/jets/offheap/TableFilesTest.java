package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.BagTable;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tab2file, file2tab and tabfileInfo on heap and off-heap tables; corrupt files rejected. */
class TableFilesTest {

  @TempDir Path dir;

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static Map<Object, Object> contents(Table<?, ?> t) {
    Map<Object, Object> m = new HashMap<>();
    for (Map.Entry<?, ?> e : t.toList()) {
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private Path dumpOfHeapSet(String name, int objects) {
    SetTable<String, Long> t =
        Tables.set(name)
            .access(Access.PUBLIC)
            .named()
            .writeConcurrency(WriteConcurrency.ON)
            .build();
    for (long i = 0; i < objects; i++) {
      t.insert("k" + i, i);
    }
    Path file = dir.resolve(name + ".tab");
    TableFiles.tab2file(t, file, TabFileOptions.defaults().sync(true));
    t.delete();
    return file;
  }

  @Test
  void heapSetRoundTripKeepsOptionsAndObjects() {
    Path file = dumpOfHeapSet("users", 1000);
    TabFileInfo info = TableFiles.tabfileInfo(file);
    assertEquals("users", info.name());
    assertEquals(TableType.SET, info.type());
    assertEquals(Access.PUBLIC, info.access());
    assertTrue(info.named());
    assertEquals(WriteConcurrency.ON, info.writeConcurrency());
    assertEquals(1000, info.size());
    assertEquals(1, info.version());
    assertFalse(info.offHeap());
    assertEquals("jets.serializable", info.keyCodec());

    for (boolean verify : new boolean[] {false, true}) {
      Table<?, ?> loaded = TableFiles.file2tab(file, TabFileOptions.defaults().verify(verify));
      assertInstanceOf(SetTable.class, loaded);
      assertFalse(OffHeapTables.isOffHeap(loaded));
      assertEquals("users", loaded.name());
      assertEquals(Access.PUBLIC, loaded.info().access());
      assertEquals(WriteConcurrency.ON, loaded.info().writeConcurrency());
      assertEquals(loaded, Tables.whereis("users").orElseThrow());
      assertEquals(1000, loaded.size());
      SetTable<String, Long> set = cast2(loaded);
      assertEquals(7L, set.get("k7"));
      loaded.delete();
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> SetTable<K, V> cast2(Table<?, ?> t) {
    return (SetTable<K, V>) t;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Table<K, V> cast(Table<?, ?> t) {
    return (Table<K, V>) t;
  }

  @Test
  void bagRoundTripKeepsInsertionOrderPerKey() {
    BagTable<String, String> t = Tables.duplicateBag("tags").build();
    t.insert("p", "java");
    t.insert("p", "ets");
    t.insert("p", "java");
    t.insert("q", "x");
    Path file = dir.resolve("tags.tab");
    TableFiles.tab2file(
        t, file, TabFileOptions.defaults().keyCodec(Codec.string()).valueCodec(Codec.string()));
    t.delete();
    Table<String, String> loaded = cast(TableFiles.file2tab(file));
    assertEquals(TableType.DUPLICATE_BAG, loaded.type());
    assertEquals(List.of("java", "ets", "java"), loaded.lookup("p"));
    assertEquals(4, loaded.size());
  }

  @Test
  void orderedSetRoundTripKeepsKeyOrder() {
    io.jets.table.OrderedTable<Integer, String> t = Tables.orderedSet("events").build();
    for (int k = 100; k > 0; k--) {
      t.insert(k, "e" + k);
    }
    Path file = dir.resolve("events.tab");
    TableFiles.tab2file(t, file);
    List<Map.Entry<Integer, String>> before = t.toList();
    t.delete();
    Table<?, ?> loaded = TableFiles.file2tab(file, TabFileOptions.defaults().verify(true));
    assertEquals(TableType.ORDERED_SET, loaded.type());
    assertEquals(before, loaded.toList());
    assertEquals(1, loaded.first());
  }

  @Test
  void offHeapRoundTripUsesTheTablesCodecsAndComesBackOffHeap() {
    SetTable<String, Long> t =
        OffHeapTables.set("offheap-dump")
            .keyCodec(Codec.string())
            .valueCodec(Codec.longs())
            .entries(5_000)
            .build();
    for (long i = 0; i < 3000; i++) {
      t.insert("k" + i, i);
    }
    Path file = dir.resolve("off.tab");
    TableFiles.tab2file(t, file);
    Map<Object, Object> before = contents(t);
    t.delete();
    TabFileInfo info = TableFiles.tabfileInfo(file);
    assertTrue(info.offHeap());
    assertEquals(5_000, info.offHeapEntries());
    assertEquals("jets.string", info.keyCodec());
    assertEquals("jets.long", info.valueCodec());
    Table<?, ?> loaded = TableFiles.file2tab(file, TabFileOptions.defaults().verify(true));
    assertTrue(OffHeapTables.isOffHeap(loaded));
    assertEquals(before, contents(loaded));
  }

  /**
   * file2tab recreates an off-heap table holding the file's objects: values far larger than the
   * default average size, which the table held because it was built for them, load back too.
   */
  @Test
  void offHeapRoundTripOfLargeValues() {
    SetTable<String, byte[]> t =
        OffHeapTables.set("large-values")
            .keyCodec(Codec.string())
            .valueCodec(Codec.bytes())
            .entries(100)
            .averageValueSize(20_000)
            .build();
    for (int i = 0; i < 20; i++) {
      byte[] value = new byte[20_000];
      value[0] = (byte) i;
      t.insert("k" + i, value);
    }
    Path file = dir.resolve("large.tab");
    TableFiles.tab2file(t, file);
    t.delete();
    for (boolean verify : new boolean[] {false, true}) {
      SetTable<String, byte[]> loaded =
          cast2(TableFiles.file2tab(file, TabFileOptions.defaults().verify(verify)));
      assertEquals(20, loaded.size());
      assertEquals(20_000, loaded.get("k7").length);
      assertEquals(7, loaded.get("k7")[0]);
      loaded.delete();
    }
  }

  @Test
  void file2tabOwnerOptionAndPrivateTables() {
    try (OwnerScope owner = OwnerScope.open("loader")) {
      SetTable<String, Long> t;
      try (Owner.Binding b = owner.bind()) {
        t = Tables.set("private").access(Access.PRIVATE).build();
        t.insert("a", 1L);
        TableFiles.tab2file(t, dir.resolve("p.tab"));
      }
      assertThrows(
          io.jets.table.AccessDeniedException.class,
          () -> TableFiles.tab2file(t, dir.resolve("denied.tab")));
      assertFalse(Files.exists(dir.resolve("denied.tab")));
      Table<?, ?> loaded =
          TableFiles.file2tab(dir.resolve("p.tab"), TabFileOptions.defaults().owner(owner));
      assertEquals(owner, loaded.owner());
      try (Owner.Binding b = owner.bind()) {
        assertEquals(List.of(1L), cast(loaded).lookup("a"));
      }
    }
  }

  @Test
  void deletedTableAndUnencodableObjectsAreRejected() {
    SetTable<String, Object> t = Tables.set("odd").build();
    t.insert("a", new Object());
    TabFileException e =
        assertThrows(TabFileException.class, () -> TableFiles.tab2file(t, dir.resolve("odd.tab")));
    assertEquals(TabFileException.Reason.CODEC, e.reason());
    assertEquals("odd", e.tableName());
    assertFalse(Files.exists(dir.resolve("odd.tab")), "no file is left behind");
    t.delete();
    assertThrows(TableDeletedException.class, () -> TableFiles.tab2file(t, dir.resolve("odd.tab")));
  }

  /** TabFileException's message names the table and the file, a tab2file codec error too. */
  @Test
  void anUnencodableObjectsErrorNamesTheFile() {
    SetTable<String, Object> t = Tables.set("odd-file").build();
    t.insert("a", new Object());
    Path file = dir.resolve("odd-file.tab");
    TabFileException e = assertThrows(TabFileException.class, () -> TableFiles.tab2file(t, file));
    assertEquals(TabFileException.Reason.CODEC, e.reason());
    assertEquals("odd-file", e.tableName());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
  }

  @Test
  void nameInUseIsRejectedAndTheExistingTableKept() {
    Path file = dumpOfHeapSet("taken", 10);
    SetTable<String, Long> squatter = Tables.set("taken").named().build();
    for (boolean verify : new boolean[] {false, true}) {
      TabFileException e =
          assertThrows(
              TabFileException.class,
              () -> TableFiles.file2tab(file, TabFileOptions.defaults().verify(verify)));
      assertEquals(TabFileException.Reason.NAME_IN_USE, e.reason());
      assertEquals("taken", e.tableName());
    }
    assertEquals(squatter, Tables.whereis("taken").orElseThrow());
    assertEquals(0, squatter.size());
  }

  private static int tableCount() {
    return Tables.all().size();
  }

  private static void assertRejected(Path file, TabFileException.Reason reason) {
    for (boolean verify : new boolean[] {false, true}) {
      int before = tableCount();
      TabFileException e =
          assertThrows(
              TabFileException.class,
              () -> TableFiles.file2tab(file, TabFileOptions.defaults().verify(verify)));
      assertEquals(reason, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
      assertEquals(before, tableCount(), "a rejected file leaves no table behind");
    }
  }

  @Test
  void missingAndForeignFilesAreUnreadable() throws IOException {
    assertRejected(dir.resolve("absent.tab"), TabFileException.Reason.UNREADABLE);
    Path foreign = Files.writeString(dir.resolve("foreign.tab"), "this is not a table file at all");
    assertRejected(foreign, TabFileException.Reason.UNREADABLE);
    assertThrows(TabFileException.class, () -> TableFiles.tabfileInfo(foreign));
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 12, 40, 200, 9000})
  void truncatedFilesAreUnreadable(int keep) throws IOException {
    Path file = dumpOfHeapSet("cut", 300);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, Math.min(keep, bytes.length - 1)));
    assertRejected(file, TabFileException.Reason.UNREADABLE);
    assertFalse(Tables.whereis("cut").isPresent());
  }

  @Test
  void fileCutJustBeforeItsChecksumIsUnreadable() throws IOException {
    Path file = dumpOfHeapSet("cut-end", 300);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    assertRejected(file, TabFileException.Reason.UNREADABLE);
  }

  @Test
  void flippedByteInTheObjectsIsAChecksumMismatch() throws IOException {
    Path file = dumpOfHeapSet("flip", 300);
    byte[] bytes = Files.readAllBytes(file);
    // Inside the last value: serialized Long bytes end in the long itself, so the file still
    // parses.
    int at = bytes.length - 8 - 8 - 1 - 2;
    bytes[at] ^= 0x01;
    Files.write(file, bytes);
    assertRejected(file, TabFileException.Reason.CHECKSUM_MISMATCH);
  }

  /**
   * file2tab checks every file in full and reports a bad one as such, with or without verify: a
   * flipped byte in the header that still parses (here an off-heap layout far too large to build)
   * is a checksum mismatch, not the failure of the table the corrupt header describes, and leaves
   * no table behind.
   */
  @Test
  void corruptHeaderThatStillParsesIsAChecksumMismatch() throws IOException {
    SetTable<String, Long> t =
        OffHeapTables.set("flip-header")
            .keyCodec(Codec.string())
            .valueCodec(Codec.longs())
            .entries(5_000)
            .build();
    t.insert("k", 1L);
    Path file = dir.resolve("flip-header.tab");
    TableFiles.tab2file(t, file);
    t.delete();
    TabFileInfo info = TableFiles.tabfileInfo(file);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(header)) {
      TabFileFormat.writeHeader(
          out,
          new TabFileInfo(
              info.version(),
              info.name(),
              info.type(),
              info.access(),
              info.named(),
              info.readConcurrency(),
              info.writeConcurrency(),
              info.decentralizedCounters(),
              info.offHeap(),
              1L << 40, // a flipped bit in offHeapEntries
              info.size(),
              info.keyCodec(),
              info.valueCodec()));
    }
    byte[] bytes = Files.readAllBytes(file);
    System.arraycopy(header.toByteArray(), 0, bytes, 0, header.size());
    Files.write(file, bytes);
    assertRejected(file, TabFileException.Reason.CHECKSUM_MISMATCH);
  }

  /**
   * A codec that fails while file2tab loads (without verify) leaves no table behind, whatever it
   * throws: the half-loaded table is deleted before the failure reaches the caller, an Error
   * included, so a named table's name stays free.
   */
  @Test
  void aCodecThatThrowsAnErrorWhileLoadingLeavesNoTable() {
    Path file = dumpOfHeapSet("half-loaded", 300);
    AssertionError broken = new AssertionError("a codec's assertion");
    Codec<Object> any = Codec.serializable();
    Codec<Object> failing =
        new Codec<>() {
          @Override
          public String name() {
            return any.name();
          }

          @Override
          public byte[] encode(Object value) {
            return any.encode(value);
          }

          @Override
          public Object decode(byte[] bytes) {
            Object value = any.decode(bytes);
            if (Long.valueOf(150).equals(value)) {
              throw broken;
            }
            return value;
          }
        };
    int before = tableCount();
    AssertionError thrown =
        assertThrows(
            AssertionError.class,
            () -> TableFiles.file2tab(file, TabFileOptions.defaults().valueCodec(failing)));
    assertEquals(broken, thrown, "the Error reaches the caller unchanged");
    assertEquals(before, tableCount(), "the half-loaded table is deleted");
    assertFalse(Tables.whereis("half-loaded").isPresent());
  }

  /** A well-formed file with a valid checksum whose recorded count is wrong. */
  @Test
  void wrongObjectCountIsACountMismatch() throws IOException {
    Path file = dumpOfHeapSet("count", 50);
    byte[] bytes = Files.readAllBytes(file);
    int countAt = bytes.length - 8 - 8;
    ByteBuffer.wrap(bytes).putLong(countAt, 49);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 8);
    ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
    Files.write(file, bytes);
    assertRejected(file, TabFileException.Reason.COUNT_MISMATCH);
  }

  @Test
  void unsupportedVersionIsReported() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(raw)) {
      out.write(TabFileFormat.MAGIC);
      out.writeInt(99);
    }
    Path file = Files.write(dir.resolve("future.tab"), raw.toByteArray());
    assertRejected(file, TabFileException.Reason.UNSUPPORTED_VERSION);
    TabFileException e = assertThrows(TabFileException.class, () -> TableFiles.tabfileInfo(file));
    assertEquals(TabFileException.Reason.UNSUPPORTED_VERSION, e.reason());
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void mismatchedCodecIsRejected() {
    Path file = dumpOfHeapSet("codec", 5);
    TabFileException e =
        assertThrows(
            TabFileException.class,
            () -> TableFiles.file2tab(file, TabFileOptions.defaults().keyCodec(Codec.string())));
    assertEquals(TabFileException.Reason.CODEC, e.reason());
    assertTrue(e.getMessage().contains("jets.serializable"), e.getMessage());
    assertFalse(Tables.whereis("codec").isPresent());
  }

  @Test
  void rewritingReplacesTheFileWhole() {
    SetTable<String, Long> t = Tables.set("rewrite").build();
    t.insert("a", 1L);
    Path file = dir.resolve("r.tab");
    TableFiles.tab2file(t, file);
    t.insert("b", 2L);
    TableFiles.tab2file(t, file);
    assertEquals(2, TableFiles.tabfileInfo(file).size());
    t.delete();
    Table<?, ?> loaded = TableFiles.file2tab(file);
    assertEquals(Map.of("a", 1L, "b", 2L), contents(loaded));
    assertNotSame(t, loaded);
  }

  /**
   * Two dumps to one path, one paused in its codec while the other completes: each writes a file of
   * its own beside the path, so the one that finishes leaves a whole file, whatever the other.
   */
  @Test
  void concurrentDumpsToOnePathLeaveAWholeFile() throws Exception {
    SetTable<String, Long> t = Tables.set("two-dumps").access(Access.PUBLIC).build();
    for (long i = 0; i < 100; i++) {
      t.insert("k" + i, i);
    }
    Path file = dir.resolve("two.tab");
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    Codec<Object> pausing =
        new Codec<>() {
          @Override
          public String name() {
            return "test.pausing";
          }

          @Override
          public byte[] encode(Object value) {
            if (paused.getCount() > 0) {
              paused.countDown();
              try {
                resume.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
            return Codec.serializable().encode(value);
          }

          @Override
          public Object decode(byte[] bytes) {
            return Codec.serializable().decode(bytes);
          }
        };
    Thread first =
        new Thread(
            () -> {
              try {
                TableFiles.tab2file(t, file, TabFileOptions.defaults().keyCodec(pausing));
              } catch (TabFileException ignored) {
                // either outcome is fine for the paused dump; the file is what is checked
              }
            });
    first.start();
    paused.await();
    TableFiles.tab2file(t, file);
    resume.countDown();
    first.join();
    t.delete();
    boolean pausedDumpWon = TableFiles.tabfileInfo(file).keyCodec().equals(pausing.name());
    Table<?, ?> loaded =
        TableFiles.file2tab(
            file, TabFileOptions.defaults().keyCodec(pausedDumpWon ? pausing : null));
    assertEquals(100, loaded.size());
  }
}
