package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** expireAfter(Expiry): a time to live per object, computed on create, update and read. */
class CacheVariableExpiryTest {

  private final FakeTicker ticker = new FakeTicker();
  private final List<CacheEvent<String, String>> events = new CopyOnWriteArrayList<>();

  /** Lives one second per character of its value; reads as the given rule says. */
  private CacheTable<String, String> cache(Expiry<String, String> expiry) {
    return Caches.<String, String>cache(Fixtures.unique("variable"))
        .ticker(ticker)
        .backgroundExpiry(false)
        .expireAfter(expiry)
        .listener((CacheEvent<String, String> e) -> events.add(e))
        .build();
  }

  private static long seconds(String value) {
    return TimeUnit.SECONDS.toNanos(value.length());
  }

  @Test
  void eachObjectLivesAsLongAsItsExpirySaysOnCreate() {
    CacheTable<String, String> cache = cache((key, value, now) -> seconds(value));
    cache.insert("short", "x");
    cache.insert("long", "xxx");
    ticker.advance(Duration.ofSeconds(1));
    assertNull(cache.get("short"), "one second for one character");
    assertEquals("xxx", cache.get("long"));
    ticker.advance(Duration.ofSeconds(2));
    assertNull(cache.get("long"));
    cache.cleanUp();
    ticker.advance(Duration.ofSeconds(2)); // past the wheel's resolution
    cache.cleanUp();
    assertEquals(0, cache.size());
    assertEquals(2, events.stream().filter(e -> e.kind() == CacheEvent.Kind.EXPIRED).count());
  }

  @Test
  void anUpdateComputesANewTimeToLive() {
    CacheTable<String, String> cache = cache((key, value, now) -> seconds(value));
    cache.insert("k", "x");
    ticker.advance(Duration.ofMillis(900));
    cache.insert("k", "xxxxx"); // five seconds from now
    ticker.advance(Duration.ofSeconds(4));
    assertEquals("xxxxx", cache.get("k"));
    ticker.advance(Duration.ofSeconds(1));
    assertNull(cache.get("k"));
  }

  @Test
  void aReadMayExtendTheTimeToLive() {
    CacheTable<String, String> cache =
        cache(
            new Expiry<>() {
              @Override
              public long expireAfterCreate(String key, String value, long now) {
                return seconds(value);
              }

              @Override
              public long expireAfterRead(String key, String value, long now, long remaining) {
                return TimeUnit.SECONDS.toNanos(10);
              }
            });
    cache.insert("k", "x");
    ticker.advance(Duration.ofMillis(500));
    assertEquals("x", cache.get("k")); // now ten seconds from here
    ticker.advance(Duration.ofSeconds(9));
    cache.cleanUp();
    assertEquals(1, cache.size(), "the wheel moved it, not removed it");
    assertEquals("x", cache.get("k"));
  }

  /** Never expires when created or updated; a read gives it a minute from the read. */
  private static final Expiry<String, String> NEVER_UNTIL_READ =
      new Expiry<>() {
        @Override
        public long expireAfterCreate(String key, String value, long now) {
          return Long.MAX_VALUE;
        }

        @Override
        public long expireAfterRead(String key, String value, long now, long remaining) {
          return TimeUnit.MINUTES.toNanos(1);
        }
      };

  private CacheTable<String, String> neverUntilRead(boolean bounded, boolean background) {
    CacheTableBuilder<String, String> builder =
        Caches.<String, String>cache(Fixtures.unique("never-until-read"))
            .ticker(ticker)
            .backgroundExpiry(background)
            .executor(Runnable::run) // a bounded cache's reads reach the policy on this thread
            .expireAfter(NEVER_UNTIL_READ)
            .listener((CacheEvent<String, String> e) -> events.add(e));
    return bounded ? builder.maximumSize(100).build() : builder.build();
  }

  private List<String> expiredKeys() {
    return events.stream()
        .filter(e -> e.kind() == CacheEvent.Kind.EXPIRED)
        .map(CacheEvent::key)
        .toList();
  }

  /**
   * Regression: an object created to live forever whose first deadline a read set was hidden once
   * due but never removed (it was not on the timer wheel), so it kept its memory and its size.
   */
  @ParameterizedTest(name = "bounded: {0}")
  @ValueSource(booleans = {false, true})
  void anObjectWhoseFirstDeadlineAReadSetIsRemovedOnceDue(boolean bounded) {
    CacheTable<String, String> cache = neverUntilRead(bounded, false);
    cache.insert("k", "v");
    ticker.advance(Duration.ofDays(1));
    assertEquals("v", cache.get("k")); // from now on, a minute to live
    ticker.advance(Duration.ofMinutes(2));
    cache.cleanUp();
    assertEquals(0, cache.size(), "removed, not only hidden: it reached the timer wheel");
    assertEquals(List.of("k"), expiredKeys());
    assertNull(cache.get("k"));
    cache.delete();
  }

  @ParameterizedTest(name = "bounded: {0}")
  @ValueSource(booleans = {false, true})
  void aWriteRemovesAnObjectWhoseFirstDeadlineAReadSet(boolean bounded) {
    CacheTable<String, String> cache = neverUntilRead(bounded, false);
    cache.insert("k", "v");
    assertEquals("v", cache.get("k"));
    assertEquals("v", cache.get("k"), "read again: handed to the wheel once");
    ticker.advance(Duration.ofMinutes(2));
    cache.insert("unrelated", "v"); // the write's maintenance expires what the wheel finds due
    ticker.advance(Duration.ofSeconds(2)); // past the wheel's resolution
    cache.insert("another", "v");
    assertEquals(List.of("k"), expiredKeys());
    assertEquals(2, cache.size());
    cache.delete();
  }

  @Test
  void theBackgroundRemovesAnObjectWhoseFirstDeadlineAReadSet() throws InterruptedException {
    CountDownLatch expired = new CountDownLatch(1);
    CacheTable<String, String> cache =
        Caches.<String, String>cache(Fixtures.unique("never-until-read"))
            .ticker(ticker)
            .expireAfter(NEVER_UNTIL_READ)
            .listener(
                (CacheEvent<String, String> e) -> {
                  if (e.kind() == CacheEvent.Kind.EXPIRED) {
                    expired.countDown();
                  }
                })
            .build();
    cache.insert("k", "v"); // the wheel is empty: no visit is due
    assertEquals("v", cache.get("k")); // the read asks for one
    ticker.advance(Duration.ofMinutes(2));
    // Visits follow the wheel's ticks (about a second) in real time: no write or cleanUp here.
    assertTrue(expired.await(30, TimeUnit.SECONDS), "the expiry thread removed it");
    assertEquals(0, cache.size());
    cache.delete();
  }

  @Test
  void anObjectInsertedWithItsOwnTimeToLiveKeepsIt() {
    CacheTable<String, String> cache = cache((key, value, now) -> Long.MAX_VALUE);
    cache.insert("forever", "v");
    cache.insert("brief", "v", Duration.ofSeconds(1));
    ticker.advance(Duration.ofDays(365));
    assertEquals("v", cache.get("forever"), "Long.MAX_VALUE never expires");
    assertNull(cache.get("brief"));
  }

  @Test
  void aZeroOrNegativeTimeToLiveExpiresAtOnce() {
    CacheTable<String, String> cache = cache((key, value, now) -> -1);
    cache.insert("k", "v");
    assertNull(cache.get("k"));
  }

  @Test
  void aReadTimeToLiveOfZeroOrLessExpiresAtOnce() {
    for (long readTimeToLive : new long[] {0, -5}) {
      CacheTable<String, String> cache =
          cache(
              new Expiry<>() {
                @Override
                public long expireAfterCreate(String key, String value, long now) {
                  return TimeUnit.MINUTES.toNanos(1);
                }

                @Override
                public long expireAfterRead(String key, String value, long now, long remaining) {
                  return readTimeToLive;
                }
              });
      cache.insert("k", "v");
      assertEquals("v", cache.get("k"));
      assertNull(cache.get("k"), "a read time to live of " + readTimeToLive + " expires at once");
      ticker.advance(Duration.ofMinutes(2)); // past the create time to live too
      assertNull(cache.get("k"), "expired, not immortal: " + readTimeToLive);
      cache.cleanUp();
      assertEquals(0, cache.size(), "the wheel removes it at the deadline it had");
    }
  }

  @Test
  void theExpiryIsGivenTheTickersTime() {
    List<String> seen = new CopyOnWriteArrayList<>();
    CacheTable<String, String> cache =
        cache(
            new Expiry<>() {
              @Override
              public long expireAfterCreate(String key, String value, long now) {
                seen.add("create " + now);
                return Long.MAX_VALUE;
              }

              @Override
              public long expireAfterUpdate(String key, String value, long now, long remaining) {
                seen.add("update " + now);
                return remaining;
              }

              @Override
              public long expireAfterRead(String key, String value, long now, long remaining) {
                seen.add("read " + now);
                return remaining;
              }
            });
    long created = ticker.read(); // the fake ticker's origin is far from zero, and negative
    cache.insert("k", "v");
    ticker.advance(Duration.ofSeconds(1));
    long updated = ticker.read();
    cache.insert("k", "w");
    ticker.advance(Duration.ofSeconds(1));
    long read = ticker.read();
    cache.get("k");
    assertEquals(List.of("create " + created, "update " + updated, "read " + read), seen);
  }

  /**
   * An Expiry that throws a checked exception (past the compiler) for one object of an insertAll
   * fails the batch as thrown and changes nothing, as an unchecked one does; before, the batch's
   * stripe locks stayed held, and every later writer of those keys waited for good.
   */
  @Test
  void anExpirysCheckedExceptionInABatchChangesNothingAndReleasesItsLocks() throws Exception {
    IOException failure = new IOException("no time to live");
    CacheTable<String, String> cache =
        cache(
            (key, value, now) -> {
              if (value.equals("bad")) {
                throw CacheReadThroughTest.<RuntimeException>sneaky(failure);
              }
              return TimeUnit.MINUTES.toNanos(1);
            });
    Exception thrown =
        assertThrows(
            Exception.class,
            () -> cache.insertAll(List.of(Map.entry("a", "ok"), Map.entry("b", "bad"))));
    assertSame(failure, thrown);
    assertEquals(0, cache.size(), "table unchanged");
    CompletableFuture<Void> otherWriter =
        CompletableFuture.runAsync(
            () -> {
              cache.insert("a", "1");
              cache.insert("b", "2");
            });
    otherWriter.get(30, TimeUnit.SECONDS); // times out if the batch kept its locks
    assertEquals("1", cache.get("a"));
    assertEquals("2", cache.get("b"));
  }

  @Test
  void expireAfterCannotBeCombinedWithFixedDurations() {
    String name = Fixtures.unique("combined");
    BadArgumentException e =
        assertThrows(
            BadArgumentException.class,
            () ->
                Caches.<String, String>cache(name)
                    .expireAfterWrite(Duration.ofMinutes(1))
                    .expireAfter((String key, String value, long now) -> 1L)
                    .build());
    assertTrue(e.getMessage().contains("expireAfter"), e.getMessage());
    assertTrue(Tables.whereis(name).isEmpty());
  }
}
