/**
 * The runnable jets demo and the README's tour, compiled so that the tour cannot drift. It uses
 * tables and terms (which see owners through {@code io.jets.owner}) and the process runtime ({@code
 * io.jets.process}) whose processes own them.
 */
module io.jets.examples {
  requires io.jets.process;
  requires io.jets.table;
  requires io.jets.cache;
  requires io.jets.term;
  requires io.jets.pekko;
  requires io.jets.cluster;
  requires jdk.jfr;
}
