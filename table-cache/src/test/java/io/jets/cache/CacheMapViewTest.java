package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The map view's writes are the cache's writes: each one restarts the time to live and weighs, and
 * compute, computeIfAbsent, computeIfPresent and merge are atomic per key, as Caffeine's.
 */
class CacheMapViewTest {

  private final FakeTicker ticker = new FakeTicker();

  private CacheTableBuilder<Object, Object> builder(String name) {
    return Caches.cache(Fixtures.unique(name))
        .access(Access.PUBLIC)
        .ticker(ticker)
        .backgroundExpiry(false)
        .executor(Runnable::run);
  }

  @Test
  void aWriteOfTheInstanceAlreadyStoredRestartsItsTimeToLive() {
    Map<String, BiConsumer<ConcurrentMap<String, String>, String>> writes =
        Map.of(
            "put", (map, v) -> map.put("k", v),
            "replace", (map, v) -> map.replace("k", v),
            "replace if equal", (map, v) -> map.replace("k", v, v),
            "setValue", (map, v) -> map.entrySet().iterator().next().setValue(v));
    writes.forEach(
        (name, write) -> {
          CacheTable<String, String> cache =
              builder("same-" + name).expireAfterWrite(Duration.ofSeconds(10)).build();
          ConcurrentMap<String, String> map = cache.asMap();
          String value = "v";
          map.put("k", value);
          ticker.advance(Duration.ofSeconds(6));
          write.accept(map, value);
          ticker.advance(Duration.ofSeconds(6));
          assertSame(value, cache.get("k"), name + " restarts the time to live, as Caffeine's");
        });
  }

  @Test
  void putIfAbsentOfALiveKeyLeavesItsTimeToLive() {
    CacheTable<String, String> cache =
        builder("if-absent").expireAfterWrite(Duration.ofSeconds(10)).build();
    ConcurrentMap<String, String> map = cache.asMap();
    String value = "v";
    map.put("k", value);
    ticker.advance(Duration.ofSeconds(6));
    assertSame(value, map.putIfAbsent("k", value));
    assertFalse(map.replace("k", "other", value), "a replace that does not match writes nothing");
    ticker.advance(Duration.ofSeconds(6));
    assertNull(cache.get("k"), "neither write restarted the time to live");
  }

  @Test
  void aPutOfTheSameMutatedInstanceIsWeighedAgain() {
    CacheTable<String, List<Integer>> cache =
        builder("reweigh")
            .maximumWeight(10)
            .weigher((String k, List<Integer> v) -> v.size())
            .build();
    ConcurrentMap<String, List<Integer>> map = cache.asMap();
    List<Integer> grows = new ArrayList<>(List.of(0));
    map.put("a", grows);
    map.put("b", List.of(0));
    for (int i = 1; i < 10; i++) {
      grows.add(i);
    }
    map.put("a", grows); // 10 + 1 > 10
    assertEquals(1, cache.size(), "the bound counts the weight the instance has now");
  }

  @Test
  void computeRunsItsFunctionOnceWhileAnotherWriterOfTheKeyWaits() throws Exception {
    Map<String, BiFunction<ConcurrentMap<String, String>, Runnable, String>> computes =
        Map.of(
            "compute",
            (map, pause) ->
                map.compute(
                    "k",
                    (k, old) -> {
                      pause.run();
                      return old + "+computed";
                    }),
            "computeIfPresent",
            (map, pause) ->
                map.computeIfPresent(
                    "k",
                    (k, old) -> {
                      pause.run();
                      return old + "+computed";
                    }),
            "merge",
            (map, pause) ->
                map.merge(
                    "k",
                    "computed",
                    (old, given) -> {
                      pause.run();
                      return old + "+" + given;
                    }));
    for (var compute : computes.entrySet()) {
      CacheTable<String, String> cache = builder(compute.getKey()).build();
      ConcurrentMap<String, String> map = cache.asMap();
      map.put("k", "v");
      AtomicInteger calls = new AtomicInteger();
      CountDownLatch inFunction = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Runnable pause =
          () -> {
            calls.incrementAndGet();
            inFunction.countDown();
            awaitUninterruptibly(release);
          };
      String[] computed = new String[1];
      Thread computer =
          Thread.ofPlatform().start(() -> computed[0] = compute.getValue().apply(map, pause));
      inFunction.await();
      Thread writer = Thread.ofPlatform().start(() -> map.put("k", "put"));
      awaitParked(writer); // on the key's writer lock, which the running function holds
      release.countDown();
      computer.join();
      writer.join();
      assertEquals(1, calls.get(), compute.getKey() + " ran its function once");
      assertEquals("v+computed", computed[0], compute.getKey());
      assertEquals("put", map.get("k"), compute.getKey() + ": the put came after it");
    }
  }

  @Test
  void computeIfAbsentLoadsOnceWhileAnotherWriterOfTheKeyWaits() throws Exception {
    CacheTable<String, String> cache = builder("if-absent-once").build();
    ConcurrentMap<String, String> map = cache.asMap();
    CountDownLatch inFunction = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread computer =
        Thread.ofPlatform()
            .start(
                () ->
                    map.computeIfAbsent(
                        "k",
                        k -> {
                          inFunction.countDown();
                          awaitUninterruptibly(release);
                          return "computed";
                        }));
    inFunction.await();
    String[] found = new String[1];
    Thread second =
        Thread.ofPlatform()
            .start(() -> found[0] = map.computeIfAbsent("k", k -> "second function ran"));
    awaitParked(second);
    release.countDown();
    computer.join();
    second.join();
    assertEquals("computed", found[0], "the second call found the first one's value");
  }

  @Test
  void computeIfAbsentOfALiveKeyIsALockFreeRead() {
    try (OwnerScope owner = OwnerScope.open("view-owner")) {
      CacheTable<String, String> cache =
          Caches.<String, String>cache(Fixtures.unique("read-only")).owner(owner).build();
      try (Owner.Binding bound = owner.bind()) {
        cache.insert("k", "v");
      }
      ConcurrentMap<String, String> map = cache.asMap();
      assertEquals("v", map.computeIfAbsent("k", k -> "other"), "a reader gets the live value");
      assertThrows(AccessDeniedException.class, () -> map.computeIfAbsent("absent", k -> "x"));
    }
  }

  @Test
  void aComputeWhoseFunctionThrowsOrWritesTheTableChangesNothing() {
    String name = Fixtures.unique("compute-fails");
    CacheTable<String, String> cache =
        Caches.<String, String>cache(name).access(Access.PUBLIC).build();
    ConcurrentMap<String, String> map = cache.asMap();
    map.put("k", "v");
    assertThrows(
        ArithmeticException.class,
        () ->
            map.compute(
                "k",
                (k, old) -> {
                  throw new ArithmeticException("the user's bug");
                }));
    IllegalStateException nested =
        assertThrows(
            IllegalStateException.class,
            () ->
                map.merge(
                    "k",
                    "w",
                    (old, given) -> {
                      map.put("k", "from inside");
                      return given;
                    }));
    assertTrue(nested.getMessage().contains(name), nested.getMessage());
    assertEquals(Map.of("k", "v"), new HashMap<>(map));
  }

  /** Waits until {@code thread} is parked: in these tests, only a writer lock parks it. */
  private static void awaitParked(Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      if (!thread.isAlive()) {
        throw new AssertionError(thread + " ended before it blocked");
      }
      Thread.onSpinWait();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
