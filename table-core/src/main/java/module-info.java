/**
 * ETS-style tables: {@code set}, {@code ordered_set}, {@code bag} and {@code duplicate_bag}, owned
 * by an {@link io.jets.owner.Owner} and read by any thread without going through it. Owners are
 * seen only through the owner SPI ({@code io.jets.owner}): any implementation of it, the process
 * runtime ({@code io.jets.process}) or another, can own tables.
 */
module io.jets.table {
  requires transitive io.jets.owner;
  requires jdk.jfr;

  exports io.jets.table;
  // For jets' own engine modules only; nobody else sees them. The off-heap engine implements the
  // storage SPI (Store, StoredObject, TableSequence) and, of the internal package, uses only the
  // set facade it extends (SetStoreTable) and the builders' validation (TableOptions).
  // The cache engine (io.jets.cache) also reads its builder's settings (BuilderSettings), extends
  // the set facade (SetStoreTable) and stores its entries in the hash engine.
  exports io.jets.table.spi to
      io.jets.offheap,
      io.jets.cache;
  exports io.jets.table.internal to
      io.jets.offheap,
      io.jets.cache;
  exports io.jets.table.internal.hash to
      io.jets.cache;
}
