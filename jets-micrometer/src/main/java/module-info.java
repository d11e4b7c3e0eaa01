/** Micrometer meters for jets tables and processes: {@link io.jets.micrometer.JetsMetrics}. */
module io.jets.micrometer {
  requires transitive io.jets.table;
  requires transitive io.jets.cache;
  requires io.jets.process;
  requires transitive micrometer.core;

  exports io.jets.micrometer;
}
