/**
 * The global term store: {@link io.jets.term.PersistentTerm}, Erlang's {@code persistent_term} for
 * the JVM, with constant-foldable {@link io.jets.term.Term} handles.
 */
module io.jets.term {
  requires transitive io.jets.process;
  requires jdk.jfr;

  exports io.jets.term;
}
