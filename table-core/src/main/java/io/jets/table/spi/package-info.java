/**
 * The storage SPI behind every jets table: {@link io.jets.table.spi.Store} is what an engine (the
 * hash and ordered engines of table-core, the cache and off-heap engines of their modules)
 * implements; the table facade in {@code io.jets.table.internal} does everything else once.
 * Exported only to jets' own modules: it is not a user API.
 */
package io.jets.table.spi;
