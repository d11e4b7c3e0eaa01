package io.jets.process;

import io.jets.owner.ExitReason;
import java.util.Optional;

/**
 * A snapshot of one process for introspection. Each field is read separately without stopping the
 * process, so the figures are estimates while it runs.
 *
 * @param proc the process
 * @param registeredName its name in the {@link Registry}, if any
 * @param status what it was doing
 * @param mailboxLength messages waiting in its mailbox
 * @param processedCount messages it has taken from its mailbox since it started
 * @param droppedCount messages refused by a full {@link OverflowPolicy#REJECT} mailbox
 * @param links number of processes linked to it
 * @param monitors number of monitors watching it
 * @param trapExit whether it turns exit signals into messages
 * @param exitReason why it exited, if it has
 */
public record ProcInfo(
    Proc proc,
    Optional<Object> registeredName,
    ProcStatus status,
    int mailboxLength,
    long processedCount,
    long droppedCount,
    int links,
    int monitors,
    boolean trapExit,
    Optional<ExitReason> exitReason) {}
