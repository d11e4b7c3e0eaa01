/**
 * The process runtime of jets, an implementation of the {@link io.jets.owner.Owner} SPI (module
 * {@code io.jets.owner}, which this module reads transitively): {@link io.jets.process.Proc},
 * {@link io.jets.process.GenServer}, links, monitors, timers, the {@link io.jets.process.Registry},
 * {@link io.jets.process.Supervisor} and {@link io.jets.process.PartitionedOwner}, whose processes
 * own tables and terms. Only {@code io.jets.process} is exported; the mailbox, the gen_server loop,
 * the supervisor behaviour, the timer wheel and the JFR events live in {@code
 * io.jets.process.internal}, which no other module can see.
 */
module io.jets.process {
  requires transitive io.jets.owner;
  requires org.jctools.core.jdk11;
  requires jdk.jfr;

  exports io.jets.process;
}
