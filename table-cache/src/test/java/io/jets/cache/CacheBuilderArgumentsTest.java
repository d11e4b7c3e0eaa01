package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad builder arguments are a {@link BadArgumentException} from {@code build()}, naming the table
 * and the setting, and no table is created: never a {@code NullPointerException} later, never a bad
 * value silently taken for "unset".
 */
class CacheBuilderArgumentsTest {

  private static Arguments bad(String setting, UnaryOperator<CacheTableBuilder<Object, Object>> b) {
    return Arguments.of(setting, b);
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("expireAfterWrite", b -> b.expireAfterWrite(null)),
        bad("expireAfterAccess", b -> b.expireAfterAccess(null)),
        bad("refreshAfterWrite", b -> b.loader(k -> k).refreshAfterWrite(null)),
        bad("maximumSize", b -> b.maximumSize(-1)),
        bad("maximumSize", b -> b.maximumSize(Long.MIN_VALUE)),
        bad("maximumSize", b -> b.maximumSize(-1).maximumWeight(10).weigher((k, v) -> 1)),
        bad("maximumWeight", b -> b.maximumWeight(-1).weigher((k, v) -> 1)),
        bad("maximumWeight", b -> b.maximumSize(10).maximumWeight(-1).weigher((k, v) -> 1)),
        bad("weigher", b -> b.maximumWeight(10).weigher(null)),
        bad("ticker", b -> b.ticker(null)),
        bad("listener", b -> b.listener(null)),
        bad("removalListener", b -> b.removalListener(null)),
        bad("loader", b -> b.loader(null)),
        bad("expireAfter", b -> b.expireAfter(null)),
        bad("bulkLoader", b -> b.bulkLoader(null)),
        bad("executor", b -> b.executor(null)));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("badSettings")
  void aBadSettingIsABadArgumentNamingTheTableAndTheSettingAndCreatesNothing(
      String setting, UnaryOperator<CacheTableBuilder<Object, Object>> configure) {
    String name = Fixtures.unique("bad-" + setting);
    CacheTableBuilder<Object, Object> builder = configure.apply(Caches.cache(name)).named();
    int tables = Tables.all().size();

    BadArgumentException e = assertThrows(BadArgumentException.class, builder::build);

    assertEquals(name, e.tableName());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains(setting), e.getMessage());
    assertTrue(Tables.whereis(name).isEmpty(), "a failed build registered " + name);
    assertTrue(
        Tables.all().stream().map(Table::name).noneMatch(name::equals),
        "a failed build created " + name);
    assertEquals(tables, Tables.all().size());
  }

  @Test
  void theLastValueOfASettingCounts() {
    String name = Fixtures.unique("last-value");
    CacheListener<Object, Object> listener = event -> {};
    CacheTable<Object, Object> cache =
        Caches.cache(name)
            .listener(null)
            .listener(listener)
            .expireAfterWrite(null)
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(-1)
            .maximumSize(10)
            .build();
    try {
      cache.insert("k", "v");
      assertEquals("v", cache.get("k"));
    } finally {
      cache.delete();
    }
  }

  @Test
  void aZeroWeightBoundIsAcceptedAndKeepsNothing() {
    CacheTable<Object, Object> cache =
        Caches.cache(Fixtures.unique("zero-weight"))
            .maximumWeight(0)
            .weigher((Object k, Object v) -> 1)
            .build();
    try {
      cache.insert("a", "1");
      assertEquals(0, cache.size());
    } finally {
      cache.delete();
    }
  }
}
