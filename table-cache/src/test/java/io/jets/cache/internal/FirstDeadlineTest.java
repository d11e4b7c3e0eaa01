package io.jets.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.cache.Expiry;
import io.jets.cache.FakeTicker;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An entry whose first deadline a read set (an Expiry that said never on create) reaches the timer
 * wheel exactly once, through a queue that the reader fills without waiting for the policy lock.
 */
class FirstDeadlineTest {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  /** An entry as a read leaves it: created to live forever, now due in a minute. */
  private static CacheEntry readEntry() {
    CacheEntry entry =
        new CacheEntry("k", 1, "v", 0, CacheEntry.NEVER, CacheEntry.NEVER, CacheEntry.NEVER, 1);
    entry.soAccessDeadline(MINUTE);
    return entry;
  }

  /** Expires what is due two minutes in; returns the keys retired. */
  private static List<Object> expireAll(CachePolicy policy) {
    List<CachePolicy.Removal> removals = policy.maintain(2 * MINUTE, true);
    return removals == null ? List.of() : removals.stream().map(r -> r.entry().key).toList();
  }

  @ParameterizedTest(name = "maximum: {0}")
  @ValueSource(longs = {-1, 100})
  void aHandOffBeforeItsWritersLinkSchedulesTheEntryOnce(long maximum) {
    CachePolicy policy = new CachePolicy(maximum, 0);
    CacheEntry entry = readEntry();
    policy.firstDeadline(entry); // the reader's hand-off, drained before the write that stored it
    policy.added(entry);
    assertEquals(List.of("k"), expireAll(policy));
    assertEquals(
        Long.MAX_VALUE, policy.delayToNextCheck(), "the wheel is empty: it was once on it");
  }

  @ParameterizedTest(name = "maximum: {0}")
  @ValueSource(longs = {-1, 100})
  void aHandOffAfterItsWritersLinkSchedulesTheEntryOnce(long maximum) {
    CachePolicy policy = new CachePolicy(maximum, 0);
    CacheEntry entry = readEntry();
    policy.added(entry); // the link saw the read's deadline and scheduled it
    policy.firstDeadline(entry);
    assertEquals(List.of("k"), expireAll(policy));
    assertEquals(Long.MAX_VALUE, policy.delayToNextCheck());
  }

  @ParameterizedTest(name = "maximum: {0}")
  @ValueSource(longs = {-1, 100})
  void aHandOffOfARetiredEntrySchedulesNothing(long maximum) {
    CachePolicy policy = new CachePolicy(maximum, 0);
    CacheEntry entry = readEntry();
    policy.added(entry);
    policy.removed(entry); // a later write replaced it
    policy.firstDeadline(entry);
    assertEquals(List.of(), expireAll(policy));
    assertEquals(Long.MAX_VALUE, policy.delayToNextCheck());
  }

  @ParameterizedTest(name = "bounded: {0}")
  @ValueSource(booleans = {false, true})
  void aReadThatSetsAFirstDeadlineQueuesItOnceWithoutWaitingForThePolicyLock(boolean bounded)
      throws Exception {
    FakeTicker ticker = new FakeTicker();
    var builder =
        Caches.<String, String>cache(Fixtures.unique("first-deadline"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .executor(Runnable::run)
            .expireAfter(
                new Expiry<String, String>() {
                  @Override
                  public long expireAfterCreate(String key, String value, long now) {
                    return Long.MAX_VALUE;
                  }

                  @Override
                  public long expireAfterRead(String key, String value, long now, long remaining) {
                    // never, then a minute, then never again: each first minute is a hand-off
                    return remaining == Long.MAX_VALUE ? MINUTE : Long.MAX_VALUE;
                  }
                });
    CacheTable<String, String> cache = bounded ? builder.maximumSize(100).build() : builder.build();
    cache.insert("k", "v");
    CacheMaintenance maintenance = ((CacheStoreTable<?, ?>) cache).store().maintenance();
    ReentrantLock lock = maintenance.policyLock();
    lock.lock(); // held by this thread: a read that needed it would wait for it
    try {
      CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 3; i++) {
                  cache.get("k"); // a minute, never, a minute
                }
              })
          .get(30, TimeUnit.SECONDS); // bounded: fails rather than hangs if a read waits
      assertEquals(1, maintenance.queuedFirstDeadlines(), "one hand-off per entry");
    } finally {
      lock.unlock();
    }
    ticker.advance(Duration.ofMinutes(2));
    cache.cleanUp();
    assertEquals(0, maintenance.queuedFirstDeadlines());
    assertEquals(0, cache.size(), "removed: it reached the wheel");
    assertNull(cache.get("k"));
    cache.delete();
  }
}
