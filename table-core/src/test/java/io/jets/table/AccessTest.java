package io.jets.table;

import io.jets.table.tck.AbstractAccessTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * Access modes of the heap SET table, checked against Owner.current() by the shared access tests:
 * who may read, write, delete, rename and give it away.
 */
@TablesUnderTest(HeapTableFactory.class)
class AccessTest extends AbstractAccessTest {}
