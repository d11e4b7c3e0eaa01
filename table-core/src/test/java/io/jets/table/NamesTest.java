package io.jets.table;

import io.jets.table.tck.AbstractNamesTest;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;

/**
 * Named heap SET tables, by the shared naming tests: whereis, all, duplicate names, rename, and
 * names freed by deletion or owner exit.
 */
@TablesUnderTest(HeapTableFactory.class)
class NamesTest extends AbstractNamesTest {}
