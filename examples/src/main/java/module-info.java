/** The runnable jets demo and the README's tour, compiled so that the tour cannot drift. */
module io.jets.examples {
  requires io.jets.table;
  requires io.jets.term;
  requires jdk.jfr;
}
