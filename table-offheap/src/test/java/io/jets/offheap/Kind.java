package io.jets.offheap;

import io.jets.process.Owner;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.SetTableBuilder;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;

/**
 * The SET implementations the ported behaviour tests run against: every ported test class is a
 * {@code @ParameterizedClass} over this enum, so the same assertions hold for the heap table of
 * table-core and for the off-heap table.
 */
enum Kind {
  HEAP,
  OFF_HEAP;

  /** Test tables use the default layout; the growth tests take them past it. */
  static final long TEST_ENTRIES = OffHeapSetTableBuilder.DEFAULT_ENTRIES;

  /** A builder for a SET table of this kind called {@code name}. */
  Builder set(String name) {
    return new Builder(this, name);
  }

  /** The options of {@link io.jets.table.TableBuilder}, building either kind. */
  static final class Builder {
    private final Kind kind;
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

    Builder(Kind kind, String name) {
      this.kind = kind;
      this.name = name;
    }

    Builder access(Access access) {
      this.access = access;
      return this;
    }

    Builder named() {
      this.named = true;
      return this;
    }

    Builder owner(Owner owner) {
      this.owner = owner;
      return this;
    }

    Builder heir(Owner heir, Object heirData) {
      this.heirSet = true;
      this.heir = heir;
      this.heirData = heirData;
      return this;
    }

    Builder readConcurrency(boolean readConcurrency) {
      this.readConcurrency = readConcurrency;
      return this;
    }

    Builder writeConcurrency(WriteConcurrency writeConcurrency) {
      this.writeConcurrency = writeConcurrency;
      return this;
    }

    Builder decentralizedCounters(boolean decentralizedCounters) {
      this.decentralizedCounters = decentralizedCounters;
      return this;
    }

    <K, V> SetTable<K, V> build() {
      if (kind == HEAP) {
        SetTableBuilder b = Tables.set(name);
        if (access != null) {
          b.access(access);
        }
        if (named) {
          b.named();
        }
        if (owner != null) {
          b.owner(owner);
        }
        if (heirSet) {
          b.heir(heir, heirData);
        }
        if (readConcurrency != null) {
          b.readConcurrency(readConcurrency);
        }
        if (writeConcurrency != null) {
          b.writeConcurrency(writeConcurrency);
        }
        if (decentralizedCounters != null) {
          b.decentralizedCounters(decentralizedCounters);
        }
        return b.build();
      }
      OffHeapSetTableBuilder<Object, Object> b = OffHeapTables.set(name).entries(TEST_ENTRIES);
      if (access != null) {
        b.access(access);
      }
      if (named) {
        b.named();
      }
      if (owner != null) {
        b.owner(owner);
      }
      if (heirSet) {
        b.heir(heir, heirData);
      }
      if (readConcurrency != null) {
        b.readConcurrency(readConcurrency);
      }
      if (writeConcurrency != null) {
        b.writeConcurrency(writeConcurrency);
      }
      if (decentralizedCounters != null) {
        b.decentralizedCounters(decentralizedCounters);
      }
      return b.build();
    }
  }
}
