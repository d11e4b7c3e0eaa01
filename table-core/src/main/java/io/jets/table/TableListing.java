package io.jets.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Formats the {@code ets:i()}-style listing of {@link Tables#i()}: one row per live table, sorted
 * by name, PRIVATE tables of other owners included (their figures come from {@link Table#info},
 * which needs no read access, as {@code ets:i()} lists every table). A table deleted while the
 * listing is built is shown without figures rather than failing the listing.
 */
final class TableListing {

  private static final String FORMAT = "%-20s %-13s %10s %10s %-16s %-9s %s%n";

  private TableListing() {}

  static String of(List<Table<?, ?>> tables) {
    List<Table<?, ?>> sorted = new ArrayList<>(tables);
    sorted.sort(Comparator.comparing(Table::name));
    StringBuilder listing = new StringBuilder();
    listing.append(
        String.format(
            Locale.ROOT, FORMAT, "name", "type", "size", "memory", "owner", "access", "modes"));
    for (Table<?, ?> table : sorted) {
      listing.append(row(table));
    }
    return listing.toString();
  }

  private static String row(Table<?, ?> table) {
    TableInfo info;
    try {
      info = table.info();
    } catch (TableDeletedException deleted) {
      return String.format(
          Locale.ROOT,
          FORMAT,
          table.name(),
          table.type(),
          "-",
          "-",
          table.owner().name(),
          "deleted",
          "");
    }
    return String.format(
        Locale.ROOT,
        FORMAT,
        info.name(),
        info.type(),
        info.size(),
        humanBytes(info.memoryBytes()),
        info.owner().name(),
        info.access(),
        modes(info));
  }

  private static String modes(TableInfo info) {
    StringBuilder modes = new StringBuilder("write=").append(info.writeConcurrency());
    modes.append('(').append(info.lockStripes()).append(')');
    if (info.readConcurrency()) {
      modes.append(" read");
    }
    if (info.decentralizedCounters()) {
      modes.append(" decentralized");
    }
    if (info.named()) {
      modes.append(" named");
    }
    info.heir().ifPresent(heir -> modes.append(" heir=").append(heir.name()));
    return modes.toString();
  }

  /** Bytes in B, KiB or MiB, one decimal above bytes. */
  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
