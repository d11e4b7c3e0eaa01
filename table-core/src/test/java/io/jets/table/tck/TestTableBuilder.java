package io.jets.table.tck;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;

/**
 * The options of {@link io.jets.table.TableBuilder} that every implementation under test has, set
 * the same way and built by a {@link TableFactory} into its own kind of table. An option left unset
 * keeps that implementation's default; its getter then returns {@code null}.
 */
public final class TestTableBuilder {

  private final TableFactory factory;
  private final TableType type;
  private final String name;
  private Access access;
  private boolean named;
  private Owner owner;
  private boolean heirSet;
  private Owner heir;
  private Object heirData;
  private Boolean readConcurrency;
  private WriteConcurrency writeConcurrency;
  private Boolean decentralizedCounters;

  TestTableBuilder(TableFactory factory, TableType type, String name) {
    this.factory = factory;
    this.type = type;
    this.name = name;
  }

  /** Sets who may read and write. */
  public TestTableBuilder access(Access access) {
    this.access = access;
    return this;
  }

  /** Registers the name, for {@link io.jets.table.Tables#whereis}. */
  public TestTableBuilder named() {
    this.named = true;
    return this;
  }

  /** Sets the owner. */
  public TestTableBuilder owner(Owner owner) {
    this.owner = owner;
    return this;
  }

  /** Sets the heir and what it is told when it inherits. */
  public TestTableBuilder heir(Owner heir, Object heirData) {
    this.heirSet = true;
    this.heir = heir;
    this.heirData = heirData;
    return this;
  }

  /** Sets readConcurrency. */
  public TestTableBuilder readConcurrency(boolean readConcurrency) {
    this.readConcurrency = readConcurrency;
    return this;
  }

  /** Sets the write-concurrency mode. */
  public TestTableBuilder writeConcurrency(WriteConcurrency writeConcurrency) {
    this.writeConcurrency = writeConcurrency;
    return this;
  }

  /** Sets decentralizedCounters. */
  public TestTableBuilder decentralizedCounters(boolean decentralizedCounters) {
    this.decentralizedCounters = decentralizedCounters;
    return this;
  }

  /**
   * Builds the table, typed as the caller's variable: a {@link io.jets.table.SetTable} from {@link
   * TableFactory#set}, a {@link Table} otherwise.
   */
  @SuppressWarnings("unchecked")
  public <T extends Table<?, ?>> T build() {
    return (T) factory.build(this);
  }

  /** The table type. */
  public TableType type() {
    return type;
  }

  /** The table name. */
  public String name() {
    return name;
  }

  /** The access, or {@code null} when unset. */
  public Access access() {
    return access;
  }

  /** Whether the name is registered. */
  public boolean isNamed() {
    return named;
  }

  /** The owner, or {@code null} when unset. */
  public Owner owner() {
    return owner;
  }

  /** Whether {@link #heir(Owner, Object)} was called. */
  public boolean hasHeir() {
    return heirSet;
  }

  /** The heir given to {@link #heir(Owner, Object)}. */
  public Owner heir() {
    return heir;
  }

  /** The heir data given to {@link #heir(Owner, Object)}. */
  public Object heirData() {
    return heirData;
  }

  /** readConcurrency, or {@code null} when unset. */
  public Boolean readConcurrency() {
    return readConcurrency;
  }

  /** The write-concurrency mode, or {@code null} when unset. */
  public WriteConcurrency writeConcurrency() {
    return writeConcurrency;
  }

  /** decentralizedCounters, or {@code null} when unset. */
  public Boolean decentralizedCounters() {
    return decentralizedCounters;
  }
}
