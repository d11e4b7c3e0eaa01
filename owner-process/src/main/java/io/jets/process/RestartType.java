package io.jets.process;

import io.jets.owner.ExitReason;

/** When a {@link Supervisor} restarts a child that exited, as in OTP's child specs. */
public enum RestartType {
  /** Always restarted. */
  PERMANENT,
  /** Restarted only if it exited abnormally (not {@code normal} and not {@code shutdown}). */
  TRANSIENT,
  /** Never restarted; forgotten when it exits. */
  TEMPORARY;

  boolean restarts(ExitReason reason) {
    return switch (this) {
      case PERMANENT -> true;
      case TRANSIENT -> !reason.isNormal();
      case TEMPORARY -> false;
    };
  }
}
