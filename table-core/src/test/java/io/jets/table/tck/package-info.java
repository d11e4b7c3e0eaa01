/**
 * The behaviour tests every jets SET-table implementation must pass, written once against {@link
 * io.jets.table.tck.TableFactory}. table-core runs them against its heap tables ({@link
 * io.jets.table.tck.HeapTableFactory}); table-offheap gets them from table-core's test-jar and runs
 * them against its off-heap table. A module runs a shared test by subclassing its {@code
 * Abstract*Test} and naming its factory with {@link io.jets.table.tck.TablesUnderTest}; whatever
 * its tables do differently is an abstract hook of that test, or a test of that module only.
 */
package io.jets.table.tck;
