package io.jets.examples;

import io.jets.process.GenServer;
import io.jets.process.Next;
import java.util.concurrent.CountDownLatch;

/**
 * A deliberately slow consumer for the overload part of the demo: its first cast blocks until
 * {@code released} opens (a disk that stalled), and it tells the demo through {@code stalled} that
 * it is stuck. Meanwhile its bounded mailbox fills and then refuses messages.
 */
final class AuditLogServer implements GenServer<Long> {

  private final CountDownLatch stalled;
  private final CountDownLatch released;

  AuditLogServer(CountDownLatch stalled, CountDownLatch released) {
    this.stalled = stalled;
    this.released = released;
  }

  @Override
  public Next<Long> init() {
    return Next.noReply(0L);
  }

  @Override
  public Next<Long> handleCast(Object entry, Long written) throws InterruptedException {
    if (written == 0) {
      stalled.countDown();
      released.await();
    }
    return Next.noReply(written + 1);
  }
}
