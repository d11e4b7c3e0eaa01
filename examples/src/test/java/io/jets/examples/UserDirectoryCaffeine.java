package io.jets.examples;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The Caffeine original of {@link UserDirectory}: a {@code LoadingCache} with maximumSize,
 * expireAfterWrite, a loader, stats and a removal listener. Its listener runs on the caller ({@code
 * executor(Runnable::run)}) so that the test can compare the two at once.
 */
final class UserDirectoryCaffeine {
  private final List<String> removals = new CopyOnWriteArrayList<>();
  private final LoadingCache<String, String> users;

  UserDirectoryCaffeine(Function<String, String> database) {
    users =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .recordStats()
            .executor(Runnable::run)
            .removalListener(
                (String id, String name, RemovalCause cause) -> removals.add(cause + " " + id))
            .build(database::apply);
  }

  String user(String id) {
    return users.get(id);
  }

  Map<String, String> users(List<String> ids) {
    return users.getAll(ids);
  }

  void rename(String id, String name) {
    users.put(id, name);
  }

  void forget(String id) {
    users.invalidate(id);
  }

  long hits() {
    return users.stats().hitCount();
  }

  long misses() {
    return users.stats().missCount();
  }

  List<String> removals() {
    return removals;
  }
}
