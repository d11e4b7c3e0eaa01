package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jets.table.Access;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The map view's writes are the cache's writes: each one restarts the time to live and weighs. */
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
}
