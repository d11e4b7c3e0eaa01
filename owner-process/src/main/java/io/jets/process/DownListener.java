package io.jets.process;

/** What a monitor does when it fires; called at most once, on the exiting thread. */
@FunctionalInterface
interface DownListener {
  void onDown(MonitorRef monitor, ExitReason reason);
}
