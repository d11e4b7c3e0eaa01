/**
 * Off-heap and file-backed {@code set} tables on Chronicle Map, and {@code tab2file}/{@code
 * file2tab} for every jets table. Chronicle needs JVM flags on JDK 17+; see the README.
 */
module io.jets.offheap {
  requires transitive io.jets.table;
  requires chronicle.map;
  requires chronicle.core;
  requires chronicle.bytes;

  exports io.jets.offheap;
}
