/**
 * The owner SPI of jets: the {@link io.jets.owner.Owner} interface through which tables and terms
 * see who owns them, {@link io.jets.owner.ExitReason exit reasons} and {@link
 * io.jets.owner.ExitListener exit listeners}, the owner bound to the calling thread ({@link
 * io.jets.owner.Owner#current()}), and {@link io.jets.owner.OwnerScope} for code without actors. It
 * needs nothing but {@code java.base}; the process runtime ({@code io.jets.process}) is one
 * implementation of it, and any actor framework can be another.
 */
module io.jets.owner {
  exports io.jets.owner;
}
