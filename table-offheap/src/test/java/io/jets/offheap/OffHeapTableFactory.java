package io.jets.offheap;

import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.tck.TableFactory;
import io.jets.table.tck.TestTableBuilder;
import java.util.Set;

/**
 * The off-heap SET table, for table-core's shared behaviour tests. Test tables use the default
 * layout; the growth tests take them past it.
 */
final class OffHeapTableFactory implements TableFactory {

  @Override
  public Set<TableType> types() {
    return Set.of(TableType.SET);
  }

  @Override
  public Table<?, ?> build(TestTableBuilder spec) {
    if (spec.type() != TableType.SET) {
      throw new IllegalArgumentException("an off-heap table is a SET, not a " + spec.type());
    }
    OffHeapSetTableBuilder<Object, Object> b =
        OffHeapTables.set(spec.name()).entries(OffHeapSetTableBuilder.DEFAULT_ENTRIES);
    if (spec.access() != null) {
      b.access(spec.access());
    }
    if (spec.isNamed()) {
      b.named();
    }
    if (spec.owner() != null) {
      b.owner(spec.owner());
    }
    if (spec.hasHeir()) {
      b.heir(spec.heir(), spec.heirData());
    }
    if (spec.readConcurrency() != null) {
      b.readConcurrency(spec.readConcurrency());
    }
    if (spec.writeConcurrency() != null) {
      b.writeConcurrency(spec.writeConcurrency());
    }
    if (spec.decentralizedCounters() != null) {
      b.decentralizedCounters(spec.decentralizedCounters());
    }
    return b.build();
  }
}
