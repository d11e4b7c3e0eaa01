package io.jets.table;

import io.jets.owner.Owner;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of what ETS's {@code info/1} reports. {@code size} and {@code memoryBytes} are exact
 * only while no write runs; under concurrent writes they are estimates.
 *
 * @param name the table's name
 * @param named whether the name is registered ({@link Tables#whereis})
 * @param type the table type
 * @param access the protection
 * @param owner the current owner
 * @param heir the heir, if one is set
 * @param readConcurrency the readConcurrency option
 * @param writeConcurrency the effective write-concurrency mode
 * @param decentralizedCounters whether size is kept in striped cells
 * @param lockStripes the number of writer-lock stripes in use now (for ordered tables, base nodes)
 * @param size the number of objects
 * @param memoryBytes an estimate of the heap the table's structure uses, objects' own state
 *     excluded
 * @param fixed whether any owner has the table fixed with {@code safeFixtable}
 * @param safeFixation while the table is fixed: since when and by whom (ETS's {@code
 *     safe_fixed_monotonic_time}); empty otherwise
 * @param standalone whether the table belongs to no owner's lifecycle: a cache built with no owner
 *     (see {@code io.jets.cache.CacheTableBuilder#build()}), collected once unreferenced
 */
public record TableInfo(
    String name,
    boolean named,
    TableType type,
    Access access,
    Owner owner,
    Optional<Owner> heir,
    boolean readConcurrency,
    WriteConcurrency writeConcurrency,
    boolean decentralizedCounters,
    int lockStripes,
    long size,
    long memoryBytes,
    boolean fixed,
    Optional<SafeFixation> safeFixation,
    boolean standalone) {

  /**
   * A fixed table's fixation, as ETS's {@code safe_fixed_monotonic_time} reports it.
   *
   * @param sinceNanos the {@link System#nanoTime()} at which the table was first fixed, of the
   *     fixation still in force (it is kept while any owner holds a fix)
   * @param fixes how many fixes each owner holds
   */
  public record SafeFixation(long sinceNanos, Map<Owner, Integer> fixes) {
    /**
     * Copies {@code fixes}, which must not be null nor hold null keys or values.
     *
     * @param sinceNanos the {@link System#nanoTime()} at which the table was first fixed
     * @param fixes how many fixes each owner holds
     */
    public SafeFixation {
      fixes = Map.copyOf(fixes);
    }
  }
}
