package io.jets.offheap;

import io.jets.table.tck.AbstractSelectReplaceConcurrencyTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * selectReplace on the off-heap SET table replaces each object atomically: concurrent
 * compare-and-set increments lose none (table-core's shared test).
 */
@TablesUnderTest(OffHeapTableFactory.class)
class SelectReplaceConcurrencyTest extends AbstractSelectReplaceConcurrencyTest {}
