package io.jets.table;

import io.jets.table.tck.AbstractMultiObjectWriteTest;
import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@link AbstractMultiObjectWriteTest} on every heap table type, write mode and readConcurrency.
 */
class MultiObjectWriteTest extends AbstractMultiObjectWriteTest {

  @Override
  protected Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (TableType type : TableType.values()) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        for (boolean readConcurrency : new boolean[] {false, true}) {
          String label = type + "/" + mode + "/readConcurrency=" + readConcurrency;
          Supplier<Table<TrapKey, String>> build =
              () ->
                  HeapTableFactory.buildFrom(
                      HeapTableFactory.tablesBuilder(type, Fixtures.unique("batch-user-code"))
                          .access(Access.PUBLIC)
                          .writeConcurrency(mode)
                          .readConcurrency(readConcurrency));
          all.add(Arguments.of(label, build));
        }
      }
    }
    return all.stream();
  }
}
