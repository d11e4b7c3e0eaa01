package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;

/**
 * The validated options of a new table: what the builders hand to the implementations. Every
 * builder, {@link io.jets.table.TableBuilder} and the off-heap one, validates through {@link
 * #checked}, so a setting is accepted or rejected, with the same message, by every table kind.
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
    Heir heir,
    boolean readConcurrency,
    WriteConcurrency writeConcurrency,
    boolean decentralizedCounters,
    boolean recordStats,
    boolean standalone) {

  /**
   * A builder's heir setting: the owner that inherits the table and, with {@code transferMessage},
   * the data of the {@link io.jets.table.TableTransfer} it then receives; without, it inherits in
   * silence (OTP 27's {@code {heir, Pid}}).
   */
  public record Heir(Owner owner, Object data, boolean transferMessage) {}

  /**
   * Validates a builder's settings and returns them as options.
   *
   * @param owner null for {@link Owner#current()}
   * @param heir null for none; an heir setting with a null owner is refused, as {@code
   *     setHeir(null, ...)} is
   * @param decentralizedCounters null for ETS's default for the type and mode
   * @param standalone a table that belongs to no owner's lifecycle (a cache built with no owner):
   *     the registry holds it weakly, so it is collected once unreferenced
   * @throws BadArgumentException naming the table if a setting is invalid or settings conflict
   */
  public static TableOptions checked(
      String name,
      TableType type,
      Access access,
      boolean named,
      Owner owner,
      Heir heir,
      boolean readConcurrency,
      WriteConcurrency writeConcurrency,
      Boolean decentralizedCounters,
      boolean recordStats,
      boolean standalone) {
    String tableName = name == null ? "<null>" : name;
    if (name == null || name.isEmpty()) {
      throw new BadArgumentException(tableName, "build: the table name is null or empty");
    }
    if (access == null) {
      throw new BadArgumentException(name, "build: access is null");
    }
    if (writeConcurrency == null) {
      throw new BadArgumentException(name, "build: writeConcurrency is null");
    }
    if (access == Access.PRIVATE && readConcurrency) {
      throw new BadArgumentException(
          name,
          "build: readConcurrency is meaningless on a PRIVATE table (only its owner reads it)");
    }
    if (access == Access.PRIVATE && writeConcurrency != WriteConcurrency.OFF) {
      throw new BadArgumentException(
          name,
          "build: writeConcurrency "
              + writeConcurrency
              + " is meaningless on a PRIVATE table (only its owner writes it)");
    }
    boolean decentralized =
        decentralizedCounters != null
            ? decentralizedCounters
            : defaultDecentralized(type, writeConcurrency);
    if (decentralized && writeConcurrency == WriteConcurrency.OFF) {
      throw new BadArgumentException(
          name,
          "build: decentralizedCounters needs writeConcurrency ON or AUTO (with OFF there is one writer at a time)");
    }
    if (heir != null && heir.owner() == null) {
      throw new BadArgumentException(name, "build: heir is null (leave the heir unset for none)");
    }
    if (owner == null && !Owner.isBound() && Owner.bindingRequired()) {
      throw new IllegalStateException(
          "table '"
              + name
              + "': build: no owner is bound to this thread and strict binding is on ("
              + Owner.REQUIRE_BINDING_PROPERTY
              + "): bind the owner (Owner.bind(), a jets process, jets-pekko's"
              + " JetsBehaviors.owning) or name it with owner(...)");
    }
    Owner tableOwner = owner != null ? owner : Owner.current();
    if (!tableOwner.isAlive()) {
      throw new BadArgumentException(name, "build: owner " + tableOwner.name() + " has exited");
    }
    return new TableOptions(
        name,
        type,
        access,
        named,
        tableOwner,
        heir,
        readConcurrency,
        writeConcurrency,
        decentralized,
        recordStats,
        standalone);
  }

  /** ETS: on with {@code auto}, and for ordered sets with {@code true}; off otherwise. */
  private static boolean defaultDecentralized(TableType type, WriteConcurrency writeConcurrency) {
    return writeConcurrency == WriteConcurrency.AUTO
        || (type == TableType.ORDERED_SET && writeConcurrency == WriteConcurrency.ON);
  }
}
