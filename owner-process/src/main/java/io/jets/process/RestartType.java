package io.jets.process;

/** When a {@link Supervisor} restarts a child that exited, as in OTP's child specs. */
public enum RestartType {
  /** Always restarted. */
  PERMANENT,
  /** Restarted only if it exited abnormally (not {@code normal} and not {@code shutdown}). */
  TRANSIENT,
  /** Never restarted; forgotten when it exits. */
  TEMPORARY
}
