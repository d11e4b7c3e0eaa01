package io.jets.offheap;

import io.jets.table.tck.AbstractConcurrencyTest;
import io.jets.table.tck.TablesUnderTest;

/**
 * Concurrency guarantees of the off-heap SET table, by table-core's shared concurrency tests: no
 * torn multi-object writes, no lost counter updates, one insertNew winner per key, and races with
 * deletion and owner exit.
 */
@TablesUnderTest(OffHeapTableFactory.class)
class ConcurrencyTest extends AbstractConcurrencyTest {}
