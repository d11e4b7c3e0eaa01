package io.jets.table;

import io.jets.owner.Owner;
import io.jets.table.internal.BuilderSettings;
import io.jets.table.internal.TableOptions;

/**
 * The options every table type shares, with ETS's defaults: {@code PROTECTED}, unnamed, no heir,
 * readConcurrency off, writeConcurrency {@code OFF}, owned by {@link Owner#current()}. Settings are
 * checked when {@code build()} is called: an invalid or conflicting combination throws {@link
 * BadArgumentException} and creates nothing.
 *
 * <p>Extended by the builders of this module and of jets' engine modules (the cache builder of
 * {@code io.jets.cache}); the settings a subclass collects reach its engine only through jets'
 * internal packages, so a builder written elsewhere can set options but build nothing.
 *
 * @param <B> the concrete builder type
 */
public abstract class TableBuilder<B extends TableBuilder<B>> {

  static {
    BuilderSettings.install(TableBuilder::options);
  }

  private final String name;
  private final TableType type;
  private Access access = Access.PROTECTED;
  private boolean accessSet;
  private boolean named;
  private Owner owner;
  private TableOptions.Heir heir;
  private boolean readConcurrency;
  private WriteConcurrency writeConcurrency = WriteConcurrency.OFF;
  private Boolean decentralizedCounters; // null: ETS's default for the mode
  private boolean recordStats;

  /**
   * A builder for a table called {@code name} of {@code type}, with the defaults above.
   *
   * @param name the table's name; a null or empty name is refused when the table is built
   * @param type the table's type
   */
  protected TableBuilder(String name, TableType type) {
    this.name = name;
    this.type = type;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Who may read and write ({@link Access#PROTECTED} by default).
   *
   * @param access the table's protection; null is refused when the table is built
   * @return this builder
   */
  public B access(Access access) {
    this.access = access;
    this.accessSet = true;
    return self();
  }

  /**
   * Registers the table under its name, for {@link Tables#whereis}; the name must be free.
   *
   * @return this builder
   */
  public B named() {
    this.named = true;
    return self();
  }

  /**
   * The owner of the new table; by default {@link Owner#current()} of the thread calling build.
   *
   * @param owner the new table's owner, or null for the default
   * @return this builder
   */
  public B owner(Owner owner) {
    this.owner = owner;
    return self();
  }

  /**
   * The owner that inherits the table when its owner exits, and the data of the {@link
   * TableTransfer} it then receives. A null heir is refused when the table is built ({@code
   * build()}), as by {@link Table#setHeir(Owner, Object)}.
   *
   * @param heir the owner that inherits the table
   * @param heirData the {@link TableTransfer#data() data} of the heir's transfer message; may be
   *     null
   * @return this builder
   */
  public B heir(Owner heir, Object heirData) {
    this.heir = new TableOptions.Heir(heir, heirData, true);
    return self();
  }

  /**
   * The owner that inherits the table when its owner exits, with no {@link TableTransfer} message:
   * it becomes the owner in silence, as with OTP 27's {@code {heir, Pid}}.
   *
   * @param heir the owner that inherits the table; a null heir is refused when the table is built
   * @return this builder
   */
  public B heir(Owner heir) {
    this.heir = new TableOptions.Heir(heir, null, false);
    return self();
  }

  /**
   * Optimizes for reads that greatly outnumber writes, as ETS's {@code read_concurrency}.
   * Meaningless, and rejected, on PRIVATE tables. Readers of heap tables never wait for or retry
   * around a writer in any mode (multi-object writes publish through commit markers), so it changes
   * no layout; it is accepted and reported by {@link Table#info()}.
   *
   * @param readConcurrency whether to optimize for reads
   * @return this builder
   */
  public B readConcurrency(boolean readConcurrency) {
    this.readConcurrency = readConcurrency;
    return self();
  }

  /**
   * How writers share the table ({@link WriteConcurrency#OFF} by default).
   *
   * @param writeConcurrency the mode; null is refused when the table is built
   * @return this builder
   */
  public B writeConcurrency(WriteConcurrency writeConcurrency) {
    this.writeConcurrency = writeConcurrency;
    return self();
  }

  /**
   * Keeps the size in striped cells only, at the cost of a slower {@link Table#size()}, which sums
   * them. Without it a hash table also keeps one central count (a {@code LongAdder}, which splits
   * into cells only when writers contend, so inserts of different keys do not share its cache line
   * either) and {@code size()} reads it. Defaults as in ETS: on with {@code AUTO}, and for ordered
   * sets with {@code ON}; off otherwise. Needs writeConcurrency {@code ON} or {@code AUTO}.
   *
   * @param decentralizedCounters whether the size is kept in striped cells
   * @return this builder
   */
  public B decentralizedCounters(boolean decentralizedCounters) {
    this.decentralizedCounters = decentralizedCounters;
    return self();
  }

  /**
   * Keeps operation counters (lookup hits and misses, inserts, deletes) that {@link Table#stats()}
   * reports. Off by default: a table without it pays one predictable branch per operation; with it,
   * each counted operation also increments a striped {@link java.util.concurrent.atomic.LongAdder}.
   *
   * @return this builder
   */
  public B recordStats() {
    this.recordStats = true;
    return self();
  }

  /** Validates the settings and returns them; throws {@link BadArgumentException} on conflict. */
  final TableOptions options() {
    return options(false);
  }

  /**
   * As {@link #options()}. With {@code mayStandalone} (a cache), a table with no owner named, none
   * bound to the calling thread, no registered name and no heir is standalone: owned by {@link
   * Owner#application()}, for no lifecycle, and PUBLIC unless access was set.
   */
  final TableOptions options(boolean mayStandalone) {
    boolean standalone =
        mayStandalone && owner == null && !named && heir == null && !Owner.isBound();
    return TableOptions.checked(
        name,
        type,
        standalone && !accessSet ? Access.PUBLIC : access,
        named,
        standalone ? Owner.application() : owner,
        heir,
        readConcurrency,
        writeConcurrency,
        decentralizedCounters,
        recordStats,
        standalone);
  }
}
