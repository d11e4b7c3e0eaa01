package io.jets.owner;

/**
 * Called once when an {@link Owner} exits.
 *
 * <p>Listeners run on the thread that makes the owner exit, in the order they were registered,
 * before the owner's exit is announced to anyone else (links, monitors, supervisors). A listener
 * that throws does not stop the others; once they have all run, the exceptions (the first, with the
 * others suppressed in it) go to {@link AbstractOwner#onListenerFailure}, which by default hands
 * them to the exiting thread's uncaught-exception handler. An {@code Error} does not stop the
 * others either: once they have all run, the exit rethrows it.
 */
@FunctionalInterface
public interface ExitListener {

  /**
   * Reacts to the exit of {@code owner}. Runs once, on the exiting thread; the owner is no longer
   * alive when it runs.
   *
   * @param owner the owner that exited
   * @param reason why it exited
   */
  void onExit(Owner owner, ExitReason reason);
}
