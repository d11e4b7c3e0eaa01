package io.jets.owner;

/** The per-thread owner binding behind {@link Owner#current()} and {@link Owner#bind()}. */
final class CurrentOwner {

  private static final ThreadLocal<Owner> BOUND = new ThreadLocal<>();

  private CurrentOwner() {}

  /** Strict mode: see {@link Owner#requireBinding(boolean)}. */
  private static volatile boolean bindingRequired =
      Boolean.getBoolean(Owner.REQUIRE_BINDING_PROPERTY);

  static boolean isBound() {
    return BOUND.get() != null;
  }

  static boolean bindingRequired() {
    return bindingRequired;
  }

  static void requireBinding(boolean required) {
    bindingRequired = required;
  }

  static Owner get() {
    Owner owner = BOUND.get();
    return owner != null ? owner : ApplicationOwner.INSTANCE;
  }

  static Owner.Binding bind(Owner owner) {
    Thread thread = Thread.currentThread();
    Owner previous = BOUND.get();
    BOUND.set(owner);
    return () -> {
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException(
            "binding of "
                + owner.name()
                + " closed on "
                + Thread.currentThread()
                + ", not on the thread that made it ("
                + thread
                + ")");
      }
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    };
  }
}
