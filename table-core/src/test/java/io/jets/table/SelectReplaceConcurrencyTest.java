package io.jets.table;

import io.jets.table.tck.AbstractSelectReplaceConcurrencyTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * selectReplace on the heap SET and ORDERED_SET replaces each object atomically: concurrent
 * compare-and-set increments lose none (the shared test).
 */
@TablesUnderTest(HeapTableFactory.class)
class SelectReplaceConcurrencyTest extends AbstractSelectReplaceConcurrencyTest {}
