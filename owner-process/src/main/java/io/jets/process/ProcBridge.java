package io.jets.process;

import io.jets.process.internal.DownListener;
import io.jets.process.internal.PendingReply;
import io.jets.process.internal.ProcAccess;
import java.util.concurrent.CountDownLatch;

/** What the runtime's internals may do that users may not, installed by {@link Proc}. */
final class ProcBridge extends ProcAccess {
  @Override
  public MonitorRef monitor(Proc target, DownListener onDown) {
    return target.addMonitor(null, onDown);
  }

  @Override
  public CountDownLatch exitLatch(Proc proc) {
    return proc.exitLatch();
  }

  @Override
  public ReplyTo replyTo(Proc server, PendingReply pending) {
    return new ReplyTo(server, pending);
  }
}
