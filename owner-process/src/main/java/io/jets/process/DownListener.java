package io.jets.process;

import io.jets.owner.ExitReason;

/** What a monitor does when it fires; called at most once, on the exiting thread. */
@FunctionalInterface
interface DownListener {
  /**
   * Called once, when the monitored owner exits, with the monitor and the exit reason. Must not
   * block.
   */
  void onDown(MonitorRef monitor, ExitReason reason);
}
