package io.jets.offheap;

import io.jets.owner.Owner;
import io.jets.table.BagTable;
import io.jets.table.BagTableBuilder;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableException;
import io.jets.table.TableInfo;
import io.jets.table.TableType;
import io.jets.table.Tables;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * ETS's {@code tab2file}, {@code file2tab} and {@code tabfile_info} for every jets table, heap or
 * off-heap. The file holds a header (name, type, access, named, concurrency modes, size, codecs,
 * format version), the objects, their count and a CRC32C checksum; the format is described in
 * {@code TabFileFormat}.
 *
 * <p>Objects are written through codecs: an off-heap table's own codecs by default, {@link
 * Codec#serializable()} (by value for the kinds it names, Java serialization for other objects) for
 * a heap table unless {@link TabFileOptions} names others. A heap table whose keys or values are
 * not {@link java.io.Serializable} needs codecs, or {@code tab2file} fails naming the object.
 */
public final class TableFiles {

  /** Objects handed to insertAll per batch when loading: bounds the heap a load holds at once. */
  private static final int LOAD_BATCH = 4096;

  private TableFiles() {}

  /**
   * {@link #tab2file(Table, Path, TabFileOptions)} with the default options.
   *
   * @param table the table to write
   * @param path the file to write, replaced if it exists
   */
  public static void tab2file(Table<?, ?> table, Path path) {
    tab2file(table, path, TabFileOptions.defaults());
  }

  /**
   * Writes every object of {@code table} to {@code path}, replacing the file atomically: the file
   * is written beside {@code path} and moved over it once complete, so a failure never leaves a
   * half-written file at {@code path}.
   *
   * <p>Not isolated, as in ETS: the dump is a traversal (each object present throughout is written
   * exactly once); on a table written meanwhile, the header's size may differ from the objects
   * written, and the count written after them is exact. Blocks on file I/O, never on the table's
   * writers. Requires read access.
   *
   * @param table the table to write
   * @param path the file to write, replaced if it exists; its directory is created if missing
   * @param options the codecs and whether to sync
   * @throws io.jets.table.TableDeletedException if the table is deleted
   * @throws io.jets.table.AccessDeniedException if the caller may not read the table
   * @throws TabFileException ({@code CODEC}) if an object cannot be encoded, or ({@code
   *     WRITE_FAILED}) if the file cannot be written
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void tab2file(Table<?, ?> table, Path path, TabFileOptions options) {
    if (table == null || path == null || options == null) {
      throw new IllegalArgumentException(
          "tab2file: "
              + (table == null ? "table" : path == null ? "path" : "options")
              + " is null");
    }
    TableInfo info = table.info();
    OffHeapStore offHeap = table instanceof OffHeapSetTable<?, ?> o ? o.offHeap() : null;
    Codec keys =
        options.keyCodec() != null
            ? options.keyCodec()
            : offHeap != null ? offHeap.keyCodec() : Codec.serializable();
    Codec values =
        options.valueCodec() != null
            ? options.valueCodec()
            : offHeap != null ? offHeap.valueCodec() : Codec.serializable();
    TabFileInfo header =
        new TabFileInfo(
            TabFileFormat.VERSION,
            info.name(),
            info.type(),
            info.access(),
            info.named(),
            info.readConcurrency(),
            info.writeConcurrency(),
            info.decentralizedCounters(),
            offHeap != null,
            offHeap != null ? offHeap.configuredEntries() : 0,
            info.size(),
            keys.name(),
            values.name());
    Path target = path.toAbsolutePath();
    // A name of this dump's own: two dumps to one path must not write one temporary file.
    Path temporary =
        target.resolveSibling(
            target.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".writing");
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      try (OutputStream raw =
          Files.newOutputStream(
              temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        CheckedOutputStream checked =
            new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        TabFileFormat.writeHeader(out, header);
        long count =
            (Long)
                ((Table) table)
                    .foldl(
                        0L,
                        (key, value, written) -> {
                          byte[] k = encode(keys, key, info.name(), "key", target);
                          byte[] v = encode(values, value, info.name(), "value", target);
                          try {
                            out.writeByte(TabFileFormat.OBJECT);
                            out.writeInt(k.length);
                            out.write(k);
                            out.writeInt(v.length);
                            out.write(v);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                          return (Long) written + 1;
                        });
        out.writeByte(TabFileFormat.END);
        out.writeLong(count);
        out.flush();
        out.writeLong(checked.getChecksum().getValue());
        out.flush();
      }
      if (options.sync()) {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(temporary);
      throw new TabFileException(
          info.name(),
          TabFileException.Reason.WRITE_FAILED,
          "cannot write " + target + ": " + e,
          e);
    } catch (RuntimeException | Error e) { // a codec's Error too: each dump has its own temporary
      deleteQuietly(temporary);
      throw e;
    }
  }

  private static byte[] encode(
      Codec<Object> codec, Object object, String table, String what, Path file) {
    try {
      return codec.encode(object);
    } catch (RuntimeException e) {
      throw new TabFileException(
          table,
          TabFileException.Reason.CODEC,
          "cannot write "
              + file
              + ": "
              + what
              + " "
              + object
              + " cannot be encoded by "
              + codec.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Reads the header of the table file {@code path} without reading its objects.
   *
   * @param path a table file
   * @return its header
   * @throws TabFileException ({@code UNREADABLE} or {@code UNSUPPORTED_VERSION})
   */
  public static TabFileInfo tabfileInfo(Path path) {
    try (TabFileFormat.Reader reader = TabFileFormat.Reader.open(requirePath(path))) {
      return reader.info();
    }
  }

  /**
   * {@link #file2tab(Path, TabFileOptions)} with the default options.
   *
   * @param path a table file
   * @return the new table
   */
  public static Table<?, ?> file2tab(Path path) {
    return file2tab(path, TabFileOptions.defaults());
  }

  /**
   * Recreates the table written to {@code path}: same type, access, named, concurrency modes, on
   * the heap or off-heap as it was, owned by the options' owner (by default the caller's), holding
   * the file's objects. A file written from an off-heap table is loaded into a new in-memory
   * off-heap table; to keep a table in a file, use a file-backed table instead. An {@code
   * ordered_set} comes back in the natural order of its keys: a custom comparator is code, which
   * the file cannot carry.
   *
   * <p>Every file is checked in full (structure, object count, checksum, every object decodes).
   * With {@link TabFileOptions#verify(boolean) verify}, the check is a first pass before the table
   * is created, so a bad file never creates a table; without it, the check happens while loading
   * and a bad file (or a codec that throws, an {@code Error} included) deletes the half-loaded
   * table before the error is thrown. Either way, nothing of a bad file is ever returned. An
   * off-heap table is laid out for the file's average key and value sizes (at least the builder's
   * defaults), which a first pass over the file measures (so a file that is not sound is then
   * refused before the table is created).
   *
   * @param path a table file
   * @param options the codecs, whether to verify first, and the new table's owner
   * @return the new table, of the file's type
   * @throws TabFileException {@code UNREADABLE}, {@code UNSUPPORTED_VERSION}, {@code
   *     CHECKSUM_MISMATCH}, {@code COUNT_MISMATCH}, {@code NAME_IN_USE} (a named table of that name
   *     exists), or {@code CODEC} (the codecs given do not match the file's, or an object does not
   *     decode)
   * @throws OffHeapUnavailableException if the file holds an off-heap table and this JVM lacks the
   *     flags Chronicle Map needs (see {@link OffHeapSetTableBuilder#build()})
   */
  public static Table<?, ?> file2tab(Path path, TabFileOptions options) {
    requirePath(path);
    if (options == null) {
      throw new IllegalArgumentException("file2tab: options is null");
    }
    Codec<?> keys;
    Codec<?> values;
    TabFileInfo info;
    long[] bytes = new long[3]; // objects, key bytes, value bytes: an off-heap table's layout
    try (TabFileFormat.Reader reader = TabFileFormat.Reader.open(path)) {
      info = reader.info();
      keys = codecFor(info, options.keyCodec(), info.keyCodec(), "key", path);
      values = codecFor(info, options.valueCodec(), info.valueCodec(), "value", path);
      if (options.verify() || info.offHeap()) {
        for (byte[][] object = reader.next(); object != null; object = reader.next()) {
          if (options.verify()) {
            decode(keys, object[0], info, "key", path);
            decode(values, object[1], info, "value", path);
          }
          bytes[0]++;
          bytes[1] += object[0].length;
          bytes[2] += object[1].length;
        }
      }
    }
    if (info.named() && Tables.whereis(info.name()).isPresent()) {
      throw nameInUse(info, path, null);
    }
    Owner owner = options.owner() != null ? options.owner() : Owner.current();
    try (Owner.Binding bound = owner.bind();
        TabFileFormat.Reader reader = TabFileFormat.Reader.open(path)) {
      Table<Object, Object> table;
      try {
        table = create(info, keys, values, path, bytes);
      } catch (RuntimeException e) {
        throw badFileOr(reader, e);
      }
      try {
        List<Map.Entry<Object, Object>> batch = new ArrayList<>();
        for (byte[][] object = reader.next(); object != null; object = reader.next()) {
          batch.add(
              Map.entry(
                  decode(keys, object[0], info, "key", path),
                  decode(values, object[1], info, "value", path)));
          if (batch.size() == LOAD_BATCH) {
            table.insertAll(batch);
            batch.clear();
          }
        }
        table.insertAll(batch);
        return table;
      } catch (RuntimeException | Error e) { // a codec's Error too, or the table stays half-loaded
        table.delete();
        throw e;
      }
    }
  }

  /**
   * The error of a file whose table cannot be created: the file's own (a corrupt header still
   * parses, and only the checksum after the objects tells), else {@code e}.
   */
  private static RuntimeException badFileOr(TabFileFormat.Reader reader, RuntimeException e) {
    try {
      while (reader.next() != null) {
        // read to the checksum
      }
    } catch (TabFileException bad) {
      bad.addSuppressed(e);
      return bad;
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static Table<Object, Object> create(
      TabFileInfo info, Codec<?> keys, Codec<?> values, Path path, long[] bytes) {
    try {
      if (info.offHeap()) {
        if (info.type() != TableType.SET) {
          throw new TabFileException(
              info.name(),
              TabFileException.Reason.UNREADABLE,
              "file " + path + ": an off-heap table of type " + info.type() + " (only SET exists)",
              null);
        }
        OffHeapSetTableBuilder<Object, Object> builder =
            OffHeapTables.set(info.name())
                .keyCodec((Codec<Object>) keys)
                .valueCodec((Codec<Object>) values)
                .entries(Math.max(info.offHeapEntries(), Math.max(1, info.size())))
                .averageKeySize(averageSize(bytes[1], bytes[0]))
                .averageValueSize(averageSize(bytes[2], bytes[0]))
                .access(info.access())
                .readConcurrency(info.readConcurrency())
                .writeConcurrency(info.writeConcurrency())
                .decentralizedCounters(info.decentralizedCounters());
        if (info.named()) {
          builder.named();
        }
        SetTable<Object, Object> table = builder.build();
        return table;
      }
      return switch (info.type()) {
        case SET -> {
          var builder = Tables.set(info.name());
          configure(builder, info);
          SetTable<Object, Object> table = builder.build();
          yield table;
        }
        case ORDERED_SET -> {
          // A comparator is code, not data: the file cannot carry it, so keys come back in their
          // natural order (documented on file2tab).
          var builder = Tables.orderedSet(info.name());
          configure(builder, info);
          OrderedTable<Object, Object> table = builder.build();
          yield table;
        }
        case BAG, DUPLICATE_BAG -> {
          BagTableBuilder builder =
              info.type() == TableType.BAG
                  ? Tables.bag(info.name())
                  : Tables.duplicateBag(info.name());
          configure(builder, info);
          BagTable<Object, Object> table = builder.build();
          yield table;
        }
      };
    } catch (TabFileException e) {
      throw e;
    } catch (TableException e) {
      if (info.named() && Tables.whereis(info.name()).isPresent()) {
        throw nameInUse(info, path, e);
      }
      throw e;
    }
  }

  /**
   * The file's average object size, and never less than the default, which an off-heap table is
   * laid out for: Chronicle refuses an object far larger than the average it was built for, so the
   * default would refuse large ones (and a smaller average, objects the default takes).
   */
  private static double averageSize(long total, long objects) {
    double average = objects == 0 ? 0 : (double) total / objects;
    return Math.max(OffHeapSetTableBuilder.DEFAULT_AVERAGE_SIZE, average);
  }

  private static void configure(io.jets.table.TableBuilder<?> builder, TabFileInfo info) {
    builder
        .access(info.access())
        .readConcurrency(info.readConcurrency())
        .writeConcurrency(info.writeConcurrency())
        .decentralizedCounters(info.decentralizedCounters());
    if (info.named()) {
      builder.named();
    }
  }

  private static TabFileException nameInUse(TabFileInfo info, Path path, Throwable cause) {
    return new TabFileException(
        info.name(),
        TabFileException.Reason.NAME_IN_USE,
        "cannot create the table of "
            + path
            + ": a named table called '"
            + info.name()
            + "' exists; delete or rename it first",
        cause);
  }

  private static Codec<?> codecFor(
      TabFileInfo info, Codec<?> given, String recorded, String what, Path path) {
    if (given != null) {
      if (!given.name().equals(recorded)) {
        throw new TabFileException(
            info.name(),
            TabFileException.Reason.CODEC,
            "file "
                + path
                + " was written with "
                + what
                + " codec "
                + recorded
                + ", not "
                + given.name(),
            null);
      }
      return given;
    }
    Codec<?> ready = Codecs.byName(recorded);
    if (ready == null) {
      throw new TabFileException(
          info.name(),
          TabFileException.Reason.CODEC,
          "file "
              + path
              + " was written with the "
              + what
              + " codec "
              + recorded
              + ": pass it in TabFileOptions."
              + what
              + "Codec",
          null);
    }
    return ready;
  }

  private static Object decode(
      Codec<?> codec, byte[] bytes, TabFileInfo info, String what, Path path) {
    try {
      return codec.decode(bytes);
    } catch (RuntimeException e) {
      throw new TabFileException(
          info.name(),
          TabFileException.Reason.CODEC,
          "file "
              + path
              + ": a "
              + what
              + " does not decode with "
              + codec.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Path requirePath(Path path) {
    if (path == null) {
      throw new IllegalArgumentException("the table file path is null");
    }
    return path;
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a stray temporary file is harmless: nothing reads it
    }
  }
}
