package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jets.owner.AbstractOwner;
import io.jets.owner.OwnerScope;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression test for the owner-change race: a write that passed its access check could land after
 * the table changed hands (heir inheritance took no writer lock), so the exited owner's in-flight
 * {@code update} wrote the heir's PROTECTED table after the heir received its {@link
 * TableTransfer}. A hand-over is now exclusive with writes: the heir sees every write of the old
 * owner that was in flight, and none that lands later.
 */
class OwnerChangeTest {

  private static final long BOUND_SECONDS = 30;

  /** An heir that reads the table the moment its transfer notice arrives. */
  static final class ReadingHeir extends AbstractOwner {
    final AtomicReference<TableTransfer> transfer = new AtomicReference<>();
    final AtomicReference<Integer> valueAtTransfer = new AtomicReference<>();

    ReadingHeir() {
      super("reading-heir");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void deliver(Object message) {
      TableTransfer notice = assertInstanceOf(TableTransfer.class, message);
      valueAtTransfer.set(((SetTable<String, Integer>) notice.table()).get("k"));
      transfer.set(notice);
    }

    void exit() {
      exitWith(io.jets.owner.ExitReason.NORMAL);
    }
  }

  private static void awaitParkedOrDone(Thread thread) {
    // The exiting owner's thread either waits for the writer lock (fixed) or has already handed
    // the table over (the race): both end this loop, which watches the thread, not a clock.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the exiting owner neither waited nor finished: " + thread);
      }
      Thread.onSpinWait();
    }
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void heirNeverSeesAWriteThatLandsAfterItsTransfer(WriteConcurrency mode) throws Exception {
    for (boolean ordered : new boolean[] {false, true}) {
      OwnerScope owner = OwnerScope.open("exiting-owner");
      ReadingHeir heir = new ReadingHeir();
      SetTable<String, Integer> table;
      try (var bound = owner.bind()) {
        table =
            ordered
                ? Tables.orderedSet("owner-change-ordered-" + mode)
                    .writeConcurrency(mode)
                    .heir(heir, "data")
                    .<String, Integer>build()
                : Tables.set("owner-change-" + mode)
                    .writeConcurrency(mode)
                    .heir(heir, "data")
                    .<String, Integer>build();
        table.insert("k", 0);
      }
      CountDownLatch inFunction = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<Throwable> writerFailure = new AtomicReference<>();
      SetTable<String, Integer> written = table;
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (var bound = owner.bind()) {
                      written.update(
                          "k",
                          v -> {
                            inFunction.countDown();
                            try {
                              release.await(BOUND_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return v + 1;
                          });
                    } catch (Throwable t) {
                      writerFailure.set(t);
                    }
                  });
      inFunction.await(BOUND_SECONDS, TimeUnit.SECONDS);
      Thread exiting = Thread.ofPlatform().start(owner::close);
      awaitParkedOrDone(exiting);
      release.countDown();
      writer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      exiting.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));

      assertEquals(null, writerFailure.get(), "the in-flight update completed");
      TableTransfer transfer = heir.transfer.get();
      assertNotNull(transfer, "the heir inherited the table");
      assertSame(heir, table.owner());
      assertEquals(
          1,
          heir.valueAtTransfer.get(),
          "the update in flight at the hand-over completed before it, so the heir saw it");
      assertEquals(1, table.get("k"), "nothing changed the heir's table after its transfer");
      heir.exit();
    }
  }
}
