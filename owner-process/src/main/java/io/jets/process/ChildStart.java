package io.jets.process;

/**
 * Starts one child of a {@link Supervisor}. It runs on the supervisor's own thread, so processes it
 * spawns have the supervisor as parent; it should start the child linked to the supervisor ({@link
 * Procs#startLink}, {@link Procs#spawnLink}), and the supervisor links it anyway once this returns.
 * Throwing counts as a failed start.
 */
@FunctionalInterface
public interface ChildStart {

  /**
   * Starts the child and returns its process.
   *
   * @return the child's process; not null (null counts as a failed start)
   * @throws Exception if the child could not be started; counts as a failed start
   */
  Proc start() throws Exception;
}
