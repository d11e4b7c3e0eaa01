package io.jets.table.tck;

/**
 * The base of the shared behaviour tests: gives each test the tables its class names with {@link
 * TablesUnderTest}.
 */
public abstract class SharedTableTest {

  /** Builds the tables under test. */
  protected final TableFactory tables = TableFactory.of(getClass());
}
