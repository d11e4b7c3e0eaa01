package io.jets.process.internal;

import io.jets.owner.ExitReason;
import io.jets.process.MonitorRef;

/** What a monitor does when it fires; called at most once, on the exiting thread. */
@FunctionalInterface
public interface DownListener {
  /**
   * Called once, when the monitored owner exits, with the monitor and the exit reason. Must not
   * block.
   */
  void onDown(MonitorRef monitor, ExitReason reason);
}
