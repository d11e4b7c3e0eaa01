package io.jets.offheap;

import io.jets.table.Access;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;

/**
 * The header of a table file, as {@link TableFiles#tabfileInfo} reads it without reading the
 * objects (ETS's {@code tabfile_info}).
 *
 * @param version the file format version
 * @param name the table's name when it was written
 * @param type the table type
 * @param access the protection
 * @param named whether the table was registered under its name
 * @param readConcurrency the readConcurrency option
 * @param writeConcurrency the writeConcurrency option
 * @param decentralizedCounters the decentralizedCounters option
 * @param offHeap whether the table was an off-heap table ({@code file2tab} recreates it off-heap)
 * @param offHeapEntries the {@code entries} an off-heap table was built for (0 for heap tables)
 * @param size the table's size when the dump began; the objects written may differ if it changed
 *     meanwhile (the count written after the objects is exact)
 * @param keyCodec the name of the codec the keys were written with
 * @param valueCodec the name of the codec the values were written with
 */
public record TabFileInfo(
    int version,
    String name,
    TableType type,
    Access access,
    boolean named,
    boolean readConcurrency,
    WriteConcurrency writeConcurrency,
    boolean decentralizedCounters,
    boolean offHeap,
    long offHeapEntries,
    long size,
    String keyCodec,
    String valueCodec) {}
