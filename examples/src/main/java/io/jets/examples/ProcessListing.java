package io.jets.examples;

import io.jets.process.ProcInfo;
import java.util.List;
import java.util.Locale;

/**
 * Formats {@code Procs.top} results as recon's {@code proc_count} prints them: one row per process.
 */
final class ProcessListing {

  private static final String FORMAT = "%-22s %-8s %8s %10s %8s %6s%n";

  private ProcessListing() {}

  static String of(List<ProcInfo> processes) {
    StringBuilder listing =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                FORMAT,
                "process",
                "status",
                "mailbox",
                "processed",
                "dropped",
                "links"));
    for (ProcInfo info : processes) {
      listing.append(
          String.format(
              Locale.ROOT,
              FORMAT,
              info.proc().name() + "#" + info.proc().id(),
              info.status(),
              info.mailboxLength(),
              info.processedCount(),
              info.droppedCount(),
              info.links()));
    }
    return listing.toString();
  }
}
