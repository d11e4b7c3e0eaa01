package io.jets.table.tck;

import io.jets.table.BagTableBuilder;
import io.jets.table.OrderedTableBuilder;
import io.jets.table.SetTableBuilder;
import io.jets.table.Table;
import io.jets.table.TableBuilder;
import io.jets.table.TableType;
import io.jets.table.Tables;
import java.util.EnumSet;
import java.util.Set;

/** table-core's heap tables, of every type, as {@link Tables} builds them. */
public final class HeapTableFactory implements TableFactory {

  @Override
  public Set<TableType> types() {
    return EnumSet.allOf(TableType.class);
  }

  @Override
  public Table<?, ?> build(TestTableBuilder spec) {
    TableBuilder<?> b = tablesBuilder(spec.type(), spec.name());
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
    return buildFrom(b);
  }

  /** The {@link Tables} builder for a table of {@code type} called {@code name}. */
  public static TableBuilder<?> tablesBuilder(TableType type, String name) {
    return switch (type) {
      case SET -> Tables.set(name);
      case ORDERED_SET -> Tables.orderedSet(name);
      case BAG -> Tables.bag(name);
      case DUPLICATE_BAG -> Tables.duplicateBag(name);
    };
  }

  /** Builds what {@code builder}, one of table-core's builders, describes. */
  public static <K, V> Table<K, V> buildFrom(TableBuilder<?> builder) {
    return switch (builder) {
      case SetTableBuilder set -> set.build();
      case OrderedTableBuilder ordered -> ordered.build();
      case BagTableBuilder bag -> bag.build();
      default -> throw new IllegalArgumentException("not a table-core builder: " + builder);
    };
  }
}
