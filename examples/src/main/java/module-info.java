/** The runnable jets demo. */
module io.jets.examples {
  requires io.jets.table;
}
