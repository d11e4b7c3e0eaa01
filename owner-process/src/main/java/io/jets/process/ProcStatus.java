package io.jets.process;

/**
 * What a process is doing, for introspection; a snapshot that may be stale by the time it is read.
 */
public enum ProcStatus {
  /** Spawned; its thread has not started running its code yet. */
  RUNNABLE,
  /** Running its code (a callback or its body). */
  RUNNING,
  /** Waiting in {@link Proc#receive} for a message. */
  WAITING,
  /** Exited; see {@link Proc#exitReason()}. */
  EXITED
}
