/**
 * Owners of jets tables and terms: the {@link io.jets.process.Owner} SPI, exit reasons, and
 * {@link io.jets.process.OwnerScope} for code without actors.
 */
module io.jets.process {
  exports io.jets.process;
}
