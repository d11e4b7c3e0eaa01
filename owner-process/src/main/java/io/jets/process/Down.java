package io.jets.process;

import io.jets.owner.ExitReason;

/**
 * The one message a monitor delivers when the monitored process exits: OTP's {@code {'DOWN', Ref,
 * process, Pid, Reason}}.
 *
 * @param monitor the monitor that fired
 * @param proc the process that exited
 * @param reason its exit reason
 */
public record Down(MonitorRef monitor, Proc proc, ExitReason reason) {}
