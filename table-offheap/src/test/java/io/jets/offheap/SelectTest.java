package io.jets.offheap;

import io.jets.table.tck.AbstractSelectTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * Every select variant on the off-heap SET table in every mode, by table-core's shared select
 * tests.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class SelectTest extends AbstractSelectTest {}
