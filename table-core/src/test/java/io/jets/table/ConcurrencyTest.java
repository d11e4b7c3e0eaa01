package io.jets.table;

import io.jets.table.tck.AbstractConcurrencyTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * Concurrency guarantees of the heap SET, BAG and DUPLICATE_BAG, by the shared concurrency tests:
 * no torn multi-object writes, no lost counter updates, one insertNew winner per key, and races
 * with deletion and owner exit.
 */
@TablesUnderTest(HeapTableFactory.class)
class ConcurrencyTest extends AbstractConcurrencyTest {}
