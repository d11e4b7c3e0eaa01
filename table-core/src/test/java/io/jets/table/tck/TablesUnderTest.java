package io.jets.table.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link TableFactory} a concrete subclass of the shared tests runs against. {@link
 * SharedTableTest} builds its tables with it, and {@link TypesAndModes} and {@link Types} run a
 * test once for each type it has.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TablesUnderTest {

  /** The factory class; it needs a no-argument constructor. */
  Class<? extends TableFactory> value();
}
