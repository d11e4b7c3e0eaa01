package io.jets.process;

import java.util.Comparator;

/** What {@link Procs#top(int, TopBy)} ranks processes by, as recon's {@code proc_count} does. */
public enum TopBy {
  /** Messages waiting in the mailbox now: finds the process that cannot keep up. */
  MAILBOX_LENGTH(Comparator.comparingInt(ProcInfo::mailboxLength)),
  /** Messages taken from the mailbox since the process started: finds the busiest process. */
  PROCESSED(Comparator.comparingLong(ProcInfo::processedCount));

  private final Comparator<ProcInfo> ascending;

  TopBy(Comparator<ProcInfo> ascending) {
    this.ascending = ascending;
  }

  /** Largest first. */
  Comparator<ProcInfo> descending() {
    return ascending.reversed();
  }
}
