package io.jets.table;

import io.jets.table.tck.AbstractSelectTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * Every select variant on the heap tables of all four types in every mode, by the shared select
 * tests: reverse order on ORDERED_SET, several objects per key on the bags.
 */
@TablesUnderTest(HeapTableFactory.class)
class SelectTest extends AbstractSelectTest {}
