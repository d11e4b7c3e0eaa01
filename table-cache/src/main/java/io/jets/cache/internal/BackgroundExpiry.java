package io.jets.cache.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that removes expired objects from cache tables when no write or {@code
 * cleanUp} call does. A table asks for a visit after its wheel's next check time (about a second
 * while objects are due within a minute, longer otherwise); one visit is pending per table at a
 * time, and none while the wheel is empty, unless a read gave an object its first deadline (its
 * reader asks for a visit at once, which puts the object on the wheel). Expiry and eviction events
 * of these removals run on this thread.
 */
final class BackgroundExpiry {

  private static final class Holder {
    static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private static ScheduledThreadPoolExecutor scheduler() {
      ScheduledThreadPoolExecutor scheduler =
          new ScheduledThreadPoolExecutor(
              1, task -> Thread.ofPlatform().daemon().name("jets-cache-expiry").unstarted(task));
      scheduler.setRemoveOnCancelPolicy(true); // a deleted cache's visit leaves the queue at once
      return scheduler;
    }
  }

  private BackgroundExpiry() {}

  /**
   * Runs {@code visit} on the expiry thread after {@code delayNanos}. The queue holds the returned
   * future, and the future the task: keep the task free of strong references to the cache (see
   * {@link CacheMaintenance}), so that a pending visit never keeps an unreferenced cache alive.
   */
  static ScheduledFuture<?> schedule(Runnable visit, long delayNanos) {
    return Holder.SCHEDULER.schedule(visit, delayNanos, TimeUnit.NANOSECONDS);
  }
}
