package io.jets.table.tck;

import io.jets.table.TableType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a {@code TableType} parameterized test once for each of {@link #value()} that the {@link
 * TablesUnderTest} have.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ArgumentsSource(TypeArguments.class)
public @interface Types {

  /** The types to run with, where the tables under test have them: every type unless given. */
  TableType[] value() default {
    TableType.SET, TableType.ORDERED_SET, TableType.BAG, TableType.DUPLICATE_BAG
  };
}
