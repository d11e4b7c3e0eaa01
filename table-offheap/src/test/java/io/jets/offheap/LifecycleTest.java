package io.jets.offheap;

import io.jets.table.tck.AbstractLifecycleTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * Owner exit, heirs, giveAway and deletion of the off-heap SET table, by table-core's shared
 * lifecycle tests.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class LifecycleTest extends AbstractLifecycleTest {}
