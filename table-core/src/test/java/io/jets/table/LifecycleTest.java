package io.jets.table;

import io.jets.table.tck.AbstractLifecycleTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * Owner exit, heirs, giveAway and deletion of the heap tables, by the shared lifecycle tests; a
 * table of each of the four types dies with its owner.
 */
@TablesUnderTest(HeapTableFactory.class)
class LifecycleTest extends AbstractLifecycleTest {}
