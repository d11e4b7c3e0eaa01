package io.jets.examples;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A directory of user names in front of a slow database: the Caffeine {@code LoadingCache} program
 * of issue 18 (maximumSize, expireAfterWrite, a loader, stats, a removal listener) ported to a jets
 * cache. The original is {@code UserDirectoryCaffeine} in the tests, which check that both behave
 * alike and that this port is no longer.
 */
final class UserDirectory {
  private final List<String> removals = new CopyOnWriteArrayList<>();
  private final CacheTable<String, String> users;

  UserDirectory(Function<String, String> database) {
    users =
        Caches.<String, String>cache("users")
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .recordStats()
            .removalListener(e -> removals.add(e.kind() + " " + e.key()))
            .loader(database)
            .build();
  }

  String user(String id) {
    return users.get(id);
  }

  Map<String, String> users(List<String> ids) {
    return users.getAll(ids);
  }

  void rename(String id, String name) {
    users.insert(id, name);
  }

  void forget(String id) {
    users.delete(id);
  }

  long hits() {
    return users.cacheStats().hits();
  }

  long misses() {
    return users.cacheStats().misses();
  }

  List<String> removals() {
    return removals;
  }
}
