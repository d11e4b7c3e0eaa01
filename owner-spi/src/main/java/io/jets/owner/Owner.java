package io.jets.owner;

import java.util.Optional;

/**
 * Something that owns tables and terms and eventually exits: a process, an actor, or an {@link
 * OwnerScope}.
 *
 * <p>This is the SPI through which {@code table-core} and {@code persistent-term} see owners; any
 * actor framework can implement it. An implementation must guarantee:
 *
 * <ol>
 *   <li>Identity: two owners are the same owner only if they are the same object.
 *   <li>Exit happens at most once; afterwards {@link #isAlive()} is false forever.
 *   <li>Every listener registered by {@link #onExit} before the exit is called exactly once with
 *       the exit reason; a registration attempted after the exit fails (returns empty) and the
 *       listener is never called.
 *   <li>{@link #deliver} never blocks and never throws; a message to an exited owner is dropped.
 * </ol>
 *
 * <p>{@link AbstractOwner} implements all of this; extend it.
 */
public interface Owner {

  /** A unique number for this owner within the JVM. */
  long id();

  /** A human-readable name, for messages and listings; not necessarily unique. */
  String name();

  /** True until the owner exits. */
  boolean isAlive();

  /**
   * Registers {@code listener} to be called once when this owner exits.
   *
   * @return the registration, which can be cancelled; empty if the owner has already exited, in
   *     which case the listener will never be called
   */
  Optional<Registration> onExit(ExitListener listener);

  /**
   * Hands a message (for example a table transfer notice) to this owner. Never blocks; a message to
   * an exited owner is dropped.
   */
  void deliver(Object message);

  /**
   * Makes this owner {@link #current()} on the calling thread until the returned binding is closed;
   * bindings nest.
   */
  default Binding bind() {
    return CurrentOwner.bind(this);
  }

  /**
   * The owner bound to the calling thread: a process while its code runs, or whatever {@link
   * #bind()} bound. A thread with no binding acts for {@link #application()}.
   */
  static Owner current() {
    return CurrentOwner.get();
  }

  /** The owner of everything not owned by anyone else; it lives until the JVM exits. */
  static Owner application() {
    return ApplicationOwner.INSTANCE;
  }

  /** An exit-listener registration. */
  interface Registration {
    /** Removes the listener; it will not be called. Idempotent. */
    void cancel();
  }

  /** A binding of an owner to the current thread; closing it restores the previous binding. */
  interface Binding extends AutoCloseable {
    /**
     * Restores the binding that was in force when this one was made. Must be called on the same
     * thread.
     */
    @Override
    void close();
  }
}
