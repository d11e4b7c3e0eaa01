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

  /**
   * A unique number for this owner within the JVM.
   *
   * @return this owner's id; no other owner in the JVM has it
   */
  long id();

  /**
   * A human-readable name, for messages and listings; not necessarily unique.
   *
   * @return this owner's name
   */
  String name();

  /**
   * True until the owner exits. False from the instant its exit takes effect, which may be before
   * its exit listeners have finished running.
   *
   * @return whether this owner has not exited yet
   */
  boolean isAlive();

  /**
   * Registers {@code listener} to be called once when this owner exits.
   *
   * @param listener the listener to call on exit
   * @return the registration, which can be cancelled; empty if the owner has already exited, in
   *     which case the listener will never be called
   */
  Optional<Registration> onExit(ExitListener listener);

  /**
   * Hands a message (for example a table transfer notice) to this owner. Never blocks; a message to
   * an exited owner is dropped.
   *
   * @param message the message; how the owner reads it is up to the implementation
   */
  void deliver(Object message);

  /**
   * Makes this owner {@link #current()} on the calling thread until the returned binding is closed;
   * bindings nest. The binding is confined to the calling thread: other threads do not see it.
   *
   * @return the binding, to be closed on the same thread (try-with-resources)
   */
  default Binding bind() {
    return CurrentOwner.bind(this);
  }

  /**
   * The owner bound to the calling thread: a process while its code runs, or whatever {@link
   * #bind()} bound. A thread with no binding acts for {@link #application()}.
   *
   * @return the calling thread's owner; never null
   */
  static Owner current() {
    return CurrentOwner.get();
  }

  /**
   * Whether an owner is bound to the calling thread (a process running its code, an actor under
   * jets-pekko's decorator, or an open {@link #bind()}); false on a thread that acts for {@link
   * #application()} only because nothing is bound.
   *
   * @return true if an owner is bound to the calling thread
   */
  static boolean isBound() {
    return CurrentOwner.isBound();
  }

  /**
   * The system property that turns strict binding on at startup: {@code
   * -Djets.owner.requireBinding=true}. See {@link #requireBinding(boolean)}.
   */
  String REQUIRE_BINDING_PROPERTY = "jets.owner.requireBinding";

  /**
   * Turns strict binding on or off for the whole JVM. In strict mode, creating something that an
   * owner would own (a table with no explicit owner, for example) on a thread with no owner bound
   * is an error instead of silently making the application its owner: it catches code that runs
   * inside an actor but outside the actor's binding, whose tables would otherwise never be deleted.
   * Off by default; on from startup with {@link #REQUIRE_BINDING_PROPERTY}. The setting is a
   * volatile write: checks made on any thread after this call returns see it.
   *
   * @param required true to turn strict binding on, false to turn it off
   */
  static void requireBinding(boolean required) {
    CurrentOwner.requireBinding(required);
  }

  /**
   * Whether strict binding is on: see {@link #requireBinding(boolean)}.
   *
   * @return true if strict binding is on
   */
  static boolean bindingRequired() {
    return CurrentOwner.bindingRequired();
  }

  /**
   * How to name the calling owner in an error message: its name, and when no owner is bound to the
   * thread, that fact and how to bind one.
   *
   * @return the description, for the message of an exception
   */
  static String describeCaller() {
    if (CurrentOwner.isBound()) {
      return CurrentOwner.get().name();
    }
    return CurrentOwner.get().name()
        + " (no owner is bound to this thread: bind one with Owner.bind(), run the code in a jets"
        + " process, or decorate the actor's behavior with jets-pekko's JetsBehaviors.owning)";
  }

  /**
   * The owner of everything not owned by anyone else; it lives until the JVM exits. It keeps no
   * listeners and drops every message delivered to it.
   *
   * @return the application owner, the same object on every call
   */
  static Owner application() {
    return ApplicationOwner.INSTANCE;
  }

  /** An exit-listener registration. */
  interface Registration {
    /**
     * Removes the listener. Cancelled before the owner's exit takes effect, the listener will not
     * be called; once the exit has taken effect, cancelling does nothing (the listener has been or
     * is being called). Idempotent; never blocks.
     */
    void cancel();
  }

  /** A binding of an owner to the current thread; closing it restores the previous binding. */
  interface Binding extends AutoCloseable {
    /**
     * Restores the binding that was in force when this one was made. Must be called on the same
     * thread.
     *
     * @throws IllegalStateException if called on another thread than the one that made the binding
     */
    @Override
    void close();
  }
}
