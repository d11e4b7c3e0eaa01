package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;

/**
 * The validated options of a new table: what the public builders hand to the implementations.
 *
 * @param heir null for none
 * @param recordStats whether the table keeps {@link io.jets.table.TableStats} counters
 */
public record TableOptions(
    String name,
    TableType type,
    Access access,
    boolean named,
    Owner owner,
    Owner heir,
    Object heirData,
    boolean readConcurrency,
    WriteConcurrency writeConcurrency,
    boolean decentralizedCounters,
    boolean recordStats) {

  /** Options without stats recording (the default). */
  public TableOptions(
      String name,
      TableType type,
      Access access,
      boolean named,
      Owner owner,
      Owner heir,
      Object heirData,
      boolean readConcurrency,
      WriteConcurrency writeConcurrency,
      boolean decentralizedCounters) {
    this(
        name,
        type,
        access,
        named,
        owner,
        heir,
        heirData,
        readConcurrency,
        writeConcurrency,
        decentralizedCounters,
        false);
  }
}
