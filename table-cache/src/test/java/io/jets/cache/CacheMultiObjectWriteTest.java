package io.jets.cache;

import io.jets.table.Access;
import io.jets.table.Table;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.AbstractMultiObjectWriteTest;
import io.jets.table.tck.Fixtures;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** {@link AbstractMultiObjectWriteTest} on bounded cache tables in every write mode. */
class CacheMultiObjectWriteTest extends AbstractMultiObjectWriteTest {

  @Override
  protected Stream<Arguments> configurations() {
    return Arrays.stream(WriteConcurrency.values())
        .map(
            mode -> {
              Supplier<Table<TrapKey, String>> build =
                  () ->
                      Caches.<TrapKey, String>cache(Fixtures.unique("batch-user-code-cache"))
                          .access(Access.PUBLIC)
                          .writeConcurrency(mode)
                          .maximumSize(100)
                          .build();
              return Arguments.of("cache/" + mode, build);
            });
  }
}
