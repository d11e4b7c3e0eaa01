package io.jets.table.tck;

import io.jets.table.Table;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.util.Locale;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** Builds the tables the shared behaviour tests run against: one implementation of jets tables. */
public interface TableFactory {

  /**
   * The table types this implementation has; the shared tests run their typed cases on these only.
   */
  Set<TableType> types();

  /**
   * Builds the table {@code spec} describes, with the implementation's defaults for every option it
   * leaves unset. Its type is one of {@link #types()}.
   */
  Table<?, ?> build(TestTableBuilder spec);

  /** A builder for a SET table called {@code name}. */
  default TestTableBuilder set(String name) {
    return builder(TableType.SET, name);
  }

  /** A builder for a table of {@code type} called {@code name}. */
  default TestTableBuilder builder(TableType type, String name) {
    return new TestTableBuilder(this, type, name);
  }

  /** A new table of {@code type} in {@code mode} with a unique name, owned by the current owner. */
  default <K, V> Table<K, V> table(TableType type, WriteConcurrency mode) {
    return builder(type, Fixtures.unique(type.name().toLowerCase(Locale.ROOT)))
        .writeConcurrency(mode)
        .build();
  }

  /** The factory {@code testClass} names with {@link TablesUnderTest}. */
  static TableFactory of(Class<?> testClass) {
    TablesUnderTest under =
        AnnotationSupport.findAnnotation(testClass, TablesUnderTest.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(testClass.getName() + " names no @TablesUnderTest"));
    return ReflectionSupport.newInstance(under.value());
  }
}
