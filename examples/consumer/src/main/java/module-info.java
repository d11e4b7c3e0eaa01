/** A jets user's application module: the README's "Install" requires lines, compiled. */
module example.consumer {
  // tag::requires[]
  requires io.jets.table; // table-core (and io.jets.owner, the owner SPI, transitively)
  requires io.jets.process; // owner-process
  requires io.jets.term; // persistent-term
  requires io.jets.cache; // table-cache
  requires io.jets.offheap; // table-offheap
  requires io.jets.pekko; // jets-pekko
  requires io.jets.cluster; // jets-cluster
  requires io.jets.micrometer; // jets-micrometer
  requires io.jets.owner; // owner-spi
  // end::requires[]
}
