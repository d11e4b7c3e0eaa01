package io.jets.process;

/**
 * Called once when an {@link Owner} exits.
 *
 * <p>Listeners run on the thread that makes the owner exit, in the order they were registered,
 * before the owner's exit is announced to anyone else (links, monitors, supervisors). A listener
 * that throws does not stop the others; its exception is attached to the exit as suppressed
 * information and otherwise ignored.
 */
@FunctionalInterface
public interface ExitListener {

  /**
   * @param owner the owner that exited
   * @param reason why it exited
   */
  void onExit(Owner owner, ExitReason reason);
}
