/**
 * The global term store: {@link io.jets.term.PersistentTerm}, Erlang's {@code persistent_term} for
 * the JVM, with constant-foldable {@link io.jets.term.Term} handles. A term put for an {@link
 * io.jets.owner.Owner} is erased when that owner exits; owners are seen only through the owner SPI
 * ({@code io.jets.owner}), never through the process runtime.
 */
module io.jets.term {
  requires transitive io.jets.owner;
  requires jdk.jfr;

  exports io.jets.term;
  // jets-cluster checks a term before it ships it, with the same rules as a local put.
  exports io.jets.term.internal to
      io.jets.cluster;
}
