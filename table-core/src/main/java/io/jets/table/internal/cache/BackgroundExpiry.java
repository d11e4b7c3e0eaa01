package io.jets.table.internal.cache;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that removes expired objects from cache tables when no write or {@code
 * cleanUp} call does. A table asks for a visit after its wheel's next check time (about a second
 * while objects are due within a minute, longer otherwise); one visit is pending per table at a
 * time, and none while the wheel is empty. Expiry and eviction events of these removals run on this
 * thread.
 */
final class BackgroundExpiry {

  private static final class Holder {
    static final ScheduledExecutorService SCHEDULER =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("jets-cache-expiry").unstarted(task));
  }

  private BackgroundExpiry() {}

  /** Runs {@code visit} on the expiry thread after {@code delayNanos}. */
  static void schedule(Runnable visit, long delayNanos) {
    Holder.SCHEDULER.schedule(visit, delayNanos, TimeUnit.NANOSECONDS);
  }
}
