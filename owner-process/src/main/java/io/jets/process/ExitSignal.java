package io.jets.process;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;

/**
 * The message a process that traps exits receives instead of dying: OTP's {@code {'EXIT', From,
 * Reason}}. It arrives when a linked process exits (with any reason, {@code normal} included) or
 * when someone calls {@link Proc#exit(ExitReason)} on it (except {@link ExitReason#KILL}, which
 * cannot be trapped).
 *
 * @param from the process that exited, or the owner that sent the signal
 * @param reason the exit reason
 */
public record ExitSignal(Owner from, ExitReason reason) {}
