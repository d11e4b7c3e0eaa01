package io.jets.offheap;

import io.jets.table.tck.AbstractSetTableTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * SET-only operations of the off-heap table in every mode, by table-core's shared tests: get,
 * lookupElement, updateCounter and update.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class SetTableTest extends AbstractSetTableTest {}
