package io.jets.offheap;

import io.jets.table.tck.AbstractAccessTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * Access modes of the off-heap SET table, checked against Owner.current() by table-core's shared
 * access tests: who may read, write, delete, rename and give it away.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class AccessTest extends AbstractAccessTest {}
