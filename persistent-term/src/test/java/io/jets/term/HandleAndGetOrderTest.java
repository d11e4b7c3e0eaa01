package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link PersistentTerm#get} and a {@link Term} handle of the same key, read by one thread while
 * another puts increasing values: neither ever returns an older value than the other returned
 * before it. (Before, the snapshot was published before the call site was re-targeted: a reader saw
 * get = 22 and then the handle = 21.)
 */
class HandleAndGetOrderTest {

  @Test
  void getAndAHandleOfTheSameKeyNeverGoBackInTimeRelativeToEachOther() throws Exception {
    String key = "handle-and-get-" + System.nanoTime();
    PersistentTerm.put(key, 0);
    Term<Integer> handle = PersistentTerm.handle(key);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    AtomicLong pairs = new AtomicLong();
    CountDownLatch reading = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              long checked = 0;
              while (!done.get()) {
                int fromGet = PersistentTerm.<Integer>get(key);
                int fromHandle = handle.get();
                int handleFirst = handle.get();
                int getSecond = PersistentTerm.<Integer>get(key);
                if (fromHandle < fromGet || getSecond < handleFirst) {
                  failure.compareAndSet(
                      null,
                      "get "
                          + fromGet
                          + " then handle "
                          + fromHandle
                          + "; handle "
                          + handleFirst
                          + " then get "
                          + getSecond);
                }
                if (++checked == 1_000) {
                  reading.countDown();
                }
              }
              pairs.set(checked);
            });
    reader.start();
    try {
      reading.await();
      for (int value = 1; value <= 200; value++) {
        PersistentTerm.put(key, value);
      }
    } finally {
      done.set(true);
      reader.join();
      PersistentTerm.erase(key);
    }
    assertNull(failure.get());
    assertTrue(pairs.get() >= 1_000);
  }
}
