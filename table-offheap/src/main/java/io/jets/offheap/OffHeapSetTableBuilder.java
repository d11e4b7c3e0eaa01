package io.jets.offheap;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Builds an off-heap {@link TableType#SET} table. The table options are those of {@link
 * io.jets.table.TableBuilder}, with the same defaults and the same validation ({@code PROTECTED},
 * unnamed, writeConcurrency {@code OFF}, owned by {@link Owner#current()}); the off-heap options
 * size the Chronicle Map. Everything is checked when {@link #build()} is called: a bad setting
 * throws {@link BadArgumentException} naming the table and creates nothing.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class OffHeapSetTableBuilder<K, V> {

  /** The default capacity: small enough that a test table costs a few megabytes. */
  static final long DEFAULT_ENTRIES = 100_000;

  /** Growth allowed past {@code entries} by chaining segment tiers: to 6.4 million by default. */
  static final double DEFAULT_MAX_BLOAT_FACTOR = 64;

  /** Chronicle accepts at most this bloat factor. */
  static final double MAX_BLOAT_FACTOR = 1000;

  /** Average sizes used when none are given: short strings or boxed numbers through a codec. */
  static final double DEFAULT_AVERAGE_SIZE = 16;

  private final String name;
  private Access access = Access.PROTECTED;
  private boolean named;
  private Owner owner;
  private TableOptions.Heir heir;
  private boolean readConcurrency;
  private WriteConcurrency writeConcurrency = WriteConcurrency.OFF;
  private Boolean decentralizedCounters;
  private boolean recordStats;
  private Codec<?> keyCodec = Codec.serializable();
  private Codec<?> valueCodec = Codec.serializable();
  private long entries = DEFAULT_ENTRIES;
  private double averageKeySize = DEFAULT_AVERAGE_SIZE;
  private double averageValueSize = DEFAULT_AVERAGE_SIZE;
  private double maxBloatFactor = DEFAULT_MAX_BLOAT_FACTOR;
  private Path file;

  OffHeapSetTableBuilder(String name) {
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  private <K2, V2> OffHeapSetTableBuilder<K2, V2> retyped() {
    return (OffHeapSetTableBuilder<K2, V2>) this;
  }

  /**
   * Who may read and write ({@link Access#PROTECTED} by default).
   *
   * @param access the protection
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> access(Access access) {
    this.access = access;
    return this;
  }

  /**
   * Registers the table under its name, for {@link Tables#whereis}; the name must be free.
   *
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> named() {
    this.named = true;
    return this;
  }

  /**
   * The owner of the new table; by default {@link Owner#current()} of the thread calling build.
   *
   * @param owner the owner
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> owner(Owner owner) {
    this.owner = owner;
    return this;
  }

  /**
   * The owner that inherits the table when its owner exits, and the data it then receives.
   *
   * @param heir the heir
   * @param heirData the data handed to the heir with the table
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> heir(Owner heir, Object heirData) {
    this.heir = new TableOptions.Heir(heir, heirData, true);
    return this;
  }

  /**
   * The owner that inherits the table in silence (no transfer message), as OTP 27's.
   *
   * @param heir the heir
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> heir(Owner heir) {
    this.heir = new TableOptions.Heir(heir, null, false);
    return this;
  }

  /**
   * Reported by {@code info}; off-heap reads cost the same either way. Rejected on PRIVATE tables.
   *
   * @param readConcurrency the option as {@code info} reports it
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> readConcurrency(boolean readConcurrency) {
    this.readConcurrency = readConcurrency;
    return this;
  }

  /**
   * One writer lock ({@link WriteConcurrency#OFF}, the default) or 64 stripes ({@code ON}, and
   * {@code AUTO}, which works as {@code ON} off-heap). Rejected on PRIVATE tables unless {@code
   * OFF}.
   *
   * @param writeConcurrency the mode
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> writeConcurrency(WriteConcurrency writeConcurrency) {
    this.writeConcurrency = writeConcurrency;
    return this;
  }

  /**
   * Accepted and reported as on heap tables, and as there rejected with writeConcurrency {@code
   * OFF}; Chronicle keeps its counts per segment anyway.
   *
   * @param decentralizedCounters the option as {@code info} reports it
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> decentralizedCounters(boolean decentralizedCounters) {
    this.decentralizedCounters = decentralizedCounters;
    return this;
  }

  /**
   * Keeps operation counters that {@link io.jets.table.Table#stats()} reports, as {@link
   * io.jets.table.TableBuilder#recordStats()} does. Off by default.
   *
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> recordStats() {
    this.recordStats = true;
    return this;
  }

  /**
   * The key codec; it must be canonical (see {@link Codec}). Default: {@link Codec#serializable()}.
   *
   * @param <K2> the key type the codec encodes
   * @param keyCodec the codec
   * @return this builder, typed for the codec's keys
   */
  public <K2> OffHeapSetTableBuilder<K2, V> keyCodec(Codec<K2> keyCodec) {
    this.keyCodec = keyCodec;
    return retyped();
  }

  /**
   * The value codec. Default: {@link Codec#serializable()}.
   *
   * @param <V2> the value type the codec encodes
   * @param valueCodec the codec
   * @return this builder, typed for the codec's values
   */
  public <V2> OffHeapSetTableBuilder<K, V2> valueCodec(Codec<V2> valueCodec) {
    this.valueCodec = valueCodec;
    return retyped();
  }

  /**
   * The number of objects the map is laid out for (default 100,000); it can grow to at least {@code
   * entries * maxBloatFactor}.
   *
   * @param entries a positive number of objects
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> entries(long entries) {
    this.entries = entries;
    return this;
  }

  /**
   * The average encoded key size in bytes (default 16).
   *
   * @param bytes a positive, finite size
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> averageKeySize(double bytes) {
    this.averageKeySize = bytes;
    return this;
  }

  /**
   * The average encoded value size in bytes (default 16).
   *
   * @param bytes a positive, finite size
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> averageValueSize(double bytes) {
    this.averageValueSize = bytes;
    return this;
  }

  /**
   * How far past {@code entries} the table may grow, as a factor (default 64, at most 1000).
   * Chronicle grows by chaining extra tiers to full segments, so lookups slow down a little as a
   * table passes its {@code entries}. It has room for at least {@code entries * maxBloatFactor}
   * objects of the configured average sizes, and Chronicle's tiers may fit more; when they are full
   * an insert fails with {@link OffHeapCapacityException}.
   *
   * @param maxBloatFactor the factor, from 1 to 1000
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> maxBloatFactor(double maxBloatFactor) {
    this.maxBloatFactor = maxBloatFactor;
    return this;
  }

  /**
   * Backs the table with {@code file}: objects are written through to it (memory-mapped) and
   * survive the process. If the file exists the table is reopened from it, with the objects it
   * holds and the layout it was created with (the sizing options here then do not apply); the
   * codecs must be those that wrote it. While the table is open, a sidecar lock file {@code
   * <file>.lock} is locked, so a second open of the file, from any process, fails with {@link
   * TableFileLockedException}. A build that created the file and then fails deletes it again (the
   * lock file stays: deleting it could let two processes lock two different files).
   *
   * @param file the file; its directory is created if missing
   * @return this builder
   */
  public OffHeapSetTableBuilder<K, V> persistedTo(Path file) {
    this.file = file;
    return this;
  }

  /**
   * Creates the table, owned by the configured owner.
   *
   * @param <K2> the key type of the table
   * @param <V2> the value type of the table
   * @return the new table
   * @throws BadArgumentException if a setting is invalid or conflicts, the owner has exited, or the
   *     table is named and its name is in use
   * @throws TableFileLockedException if the file is open elsewhere
   * @throws OffHeapCapacityException if Chronicle cannot lay out a map of this size
   * @throws OffHeapUnavailableException if the JVM lacks flags Chronicle Map needs (the message
   *     names every one: the {@code --add-exports} and {@code --add-opens} of the README's "JVM
   *     flags for {@code table-offheap}" that are missing, and {@code
   *     -Dchronicle.analytics.disable=true} if that property is not set), checked before Chronicle
   *     is touched and before anything is created; or if Chronicle fails to start with them (its
   *     runtime compiler, for one, needs Chronicle's jars on the class path, also when they are on
   *     the module path). An {@code Error} of Chronicle's never escapes the build: it is the cause
   */
  @SuppressWarnings("unchecked")
  public <K2 extends K, V2 extends V> SetTable<K2, V2> build() {
    TableOptions options =
        TableOptions.checked(
            name,
            TableType.SET,
            access,
            named,
            owner,
            heir,
            readConcurrency,
            writeConcurrency,
            decentralizedCounters,
            recordStats,
            false);
    checkLayout();
    checkJvm();
    if (named && Tables.whereis(name).isPresent()) {
      // checked before the map and its file exist; the registry checks again when the table opens
      throw new BadArgumentException(name, "name already in use by a named table");
    }
    Path dataFile = file == null ? null : realFile(file);
    TableFileLock lock = dataFile == null ? null : TableFileLock.acquire(name, dataFile);
    // Looked at under the lock: no other table can create the file meanwhile.
    boolean createsFile = dataFile != null && Files.notExists(dataFile);
    ChronicleMap<byte[], byte[]> map = null;
    OffHeapStore store;
    try {
      map = createMap(dataFile);
      store =
          new OffHeapStore(
              name,
              map,
              keyCodec,
              valueCodec,
              entries,
              maxBloatFactor,
              lock,
              options.writeConcurrency());
    } catch (RuntimeException | Error e) { // an Error too, or the registry keeps the file
      try {
        if (map != null) {
          map.close();
        }
      } finally {
        if (lock != null) {
          lock.releaseDeletingFile(createsFile, e);
        }
      }
      throw e;
    }
    // On failure, closes the store and deletes the file if this build created it.
    return (SetTable<K2, V2>) OffHeapSetTable.create(options, store, createsFile);
  }

  /**
   * About 128 entries per segment at the configured size, as a power of two in [16, 2^20]: a
   * traversal step under churn scans one segment, so segments are kept far smaller than Chronicle's
   * default; their fixed cost is a few hundred bytes each.
   */
  static int segmentsFor(long entries) {
    long wanted = Math.max(16, Math.min(1 << 20, entries / ENTRIES_PER_SEGMENT));
    return (int) Long.highestOneBit(wanted - 1) << 1;
  }

  /** Entries per segment aimed at; see {@link #segmentsFor(long)}. */
  private static final long ENTRIES_PER_SEGMENT = 128;

  /**
   * The file as the file system knows it, symbolic links resolved (its directory created if
   * missing): the lock is taken on this path, so two tables that reach one file by different paths
   * (a link, a relative path) cannot both open it for writing.
   */
  private Path realFile(Path given) {
    Path absolute = given.toAbsolutePath();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      if (parent == null) {
        return absolute;
      }
      Files.createDirectories(parent);
      return parent.toRealPath().resolve(absolute.getFileName());
    } catch (IOException | RuntimeException e) {
      throw new BadArgumentException(
          name, "build: cannot resolve the table file " + absolute + ": " + e, e);
    }
  }

  /**
   * Refuses to build, naming every flag, if the JVM lacks flags Chronicle needs: without them
   * Chronicle fails with raw errors that name neither the table nor the flag.
   */
  private void checkJvm() {
    List<String> missing = ChronicleFlags.missing();
    if (!missing.isEmpty()) {
      throw new OffHeapUnavailableException(
          name,
          "build: off-heap tables run on Chronicle Map, which needs JVM flags this JVM lacks: "
              + String.join(" ", missing)
              + " (add them to the java command line; the README's \"JVM flags for"
              + " table-offheap\" lists them); nothing was created",
          missing,
          null);
    }
  }

  /**
   * Creates the Chronicle map. Every {@code Error} Chronicle throws becomes a jets exception: an
   * {@code OutOfMemoryError} is a capacity Chronicle cannot lay out, any other (an {@code
   * AssertionError} or {@code ExceptionInInitializerError} of its own) or a refused access to JDK
   * internals means Chronicle cannot run on this JVM.
   */
  private ChronicleMap<byte[], byte[]> createMap(Path dataFile) {
    try {
      ChronicleMapBuilder<byte[], byte[]> builder =
          ChronicleMapBuilder.of(byte[].class, byte[].class)
              .name(name)
              .entries(entries)
              .averageKeySize(averageKeySize)
              .averageValueSize(averageValueSize)
              .maxBloatFactor(maxBloatFactor)
              .actualSegments(segmentsFor(entries));
      if (dataFile == null) {
        try {
          return builder.create();
        } catch (RuntimeException e) {
          throw ChronicleFlags.cannotRun(e) ? unavailable(e) : tooLarge(e);
        }
      }
      try {
        return builder.createPersistedTo(dataFile.toFile());
      } catch (IOException | RuntimeException e) {
        if (ChronicleFlags.cannotRun(e)) {
          throw unavailable(e);
        }
        throw new BadArgumentException(
            name, "build: cannot open the table file " + dataFile + ": " + e, e);
      }
    } catch (OutOfMemoryError e) {
      throw tooLarge(e);
    } catch (Error e) {
      throw unavailable(e);
    }
  }

  /** Chronicle failed to start although the flags {@link ChronicleFlags} checks are present. */
  private OffHeapUnavailableException unavailable(Throwable cause) {
    String why =
        ChronicleFlags.compilerCannotSeeChronicle(cause)
            ? "build: Chronicle Map's runtime compiler cannot find Chronicle's classes on the class"
                + " path (java.class.path), against which it compiles the classes it generates:"
                + " with Chronicle's jars on the module path, put them on the class path too: "
            : "build: Chronicle Map cannot run on this JVM, although it has the flags"
                + " table-offheap checks (README, \"JVM flags for table-offheap\"): ";
    return new OffHeapUnavailableException(name, why + cause, List.of(), cause);
  }

  /**
   * A capacity Chronicle cannot lay out (an {@code entries} setting far past the memory or the
   * address space: Chronicle then fails with a raw {@code OutOfMemoryError}), naming the setting.
   */
  private OffHeapCapacityException tooLarge(Throwable cause) {
    return new OffHeapCapacityException(
        name,
        "build: Chronicle cannot create a map of entries("
            + entries
            + ") (averageKeySize "
            + averageKeySize
            + ", averageValueSize "
            + averageValueSize
            + "): "
            + cause,
        cause);
  }

  /** Validates the off-heap settings; the table options are validated by table-core. */
  private void checkLayout() {
    if (keyCodec == null || valueCodec == null) {
      throw new BadArgumentException(
          name, "build: " + (keyCodec == null ? "keyCodec" : "valueCodec") + " is null");
    }
    if (entries <= 0) {
      throw new BadArgumentException(name, "build: entries must be positive, got " + entries);
    }
    if (!(averageKeySize > 0 && Double.isFinite(averageKeySize))
        || !(averageValueSize > 0 && Double.isFinite(averageValueSize))) {
      throw new BadArgumentException(
          name,
          "build: averageKeySize and averageValueSize must be positive and finite, got "
              + averageKeySize
              + " and "
              + averageValueSize);
    }
    if (!(maxBloatFactor >= 1 && maxBloatFactor <= MAX_BLOAT_FACTOR)) {
      throw new BadArgumentException(
          name, "build: maxBloatFactor must be in [1, 1000], got " + maxBloatFactor);
    }
  }
}
