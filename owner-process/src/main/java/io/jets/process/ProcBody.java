package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * The code of a plain process, run once on the process's own virtual thread.
 *
 * <p>Returning exits the process with {@link ExitReason#NORMAL}; throwing {@link ExitException}
 * exits it with that exception's reason; throwing anything else exits it with {@link
 * ExitReason#crash(Throwable)}. The body must not catch {@link ExitException} thrown by {@link
 * Proc#receive}: it means the process has already been ended by an exit signal.
 */
@FunctionalInterface
public interface ProcBody {

  /**
   * Runs the process's code; the process exits when this returns or throws.
   *
   * @param self the process running this body (also {@link Procs#self()})
   * @throws Exception anything the code throws: the process exits with {@link
   *     ExitReason#crash(Throwable)} of it, or with its reason if it is an {@link ExitException}
   */
  void run(Proc self) throws Exception;
}
