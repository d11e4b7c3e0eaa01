package io.jets.offheap;

import io.jets.table.tck.AbstractNamesTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * Named off-heap SET tables, by table-core's shared naming tests: whereis, all, duplicate names,
 * rename, and names freed by deletion or owner exit.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class NamesTest extends AbstractNamesTest {}
