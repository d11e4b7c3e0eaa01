/**
 * Owners of jets tables and terms: the {@link io.jets.process.Owner} SPI, exit reasons, {@link
 * io.jets.process.OwnerScope} for code without actors, and a process runtime ({@link
 * io.jets.process.Proc}, {@link io.jets.process.GenServer}, {@link io.jets.process.Supervisor},
 * {@link io.jets.process.PartitionedOwner}) whose processes own tables.
 */
module io.jets.process {
  requires org.jctools.core.jdk11;
  requires jdk.jfr;

  exports io.jets.process;
}
