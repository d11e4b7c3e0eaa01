package io.jets.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OwnerTest {

  // ---- identity and liveness ----

  @Test
  void scopesHaveUniqueIdsAndTheirNames() {
    try (OwnerScope a = OwnerScope.open("a");
        OwnerScope b = OwnerScope.open("a")) {
      assertNotEquals(a.id(), b.id());
      assertEquals("a", a.name());
      assertEquals("a", b.name());
      assertTrue(a.isAlive());
      assertTrue(a.exitReason().isEmpty());
    }
  }

  @Test
  void openRejectsNullName() {
    assertThrows(NullPointerException.class, () -> OwnerScope.open(null));
  }

  @Test
  void closeExitsNormallyAndOnlyOnce() {
    OwnerScope scope = OwnerScope.open("s");
    scope.close();
    assertFalse(scope.isAlive());
    assertEquals(Optional.of(ExitReason.NORMAL), scope.exitReason());
    scope.exit(ExitReason.KILL);
    assertEquals(
        Optional.of(ExitReason.NORMAL), scope.exitReason(), "a second exit changes nothing");
    assertTrue(scope.toString().contains("exited"));
  }

  @Test
  void exitReasonIsKept() {
    RuntimeException boom = new RuntimeException("boom");
    OwnerScope scope = OwnerScope.open("s");
    scope.exit(ExitReason.crash(boom));
    ExitReason reason = scope.exitReason().orElseThrow();
    ExitReason.Crash crash = assertInstanceOf(ExitReason.Crash.class, reason);
    assertSame(boom, crash.cause());
    assertFalse(reason.isNormal());
  }

  @Test
  void exitReasonsNormality() {
    assertTrue(ExitReason.NORMAL.isNormal());
    assertTrue(ExitReason.SHUTDOWN.isNormal());
    assertFalse(ExitReason.KILL.isNormal());
    assertFalse(ExitReason.crash(new Error()).isNormal());
    assertThrows(NullPointerException.class, () -> ExitReason.crash(null));
    assertEquals("normal", ExitReason.NORMAL.toString());
    assertEquals("shutdown", ExitReason.SHUTDOWN.toString());
    assertEquals("kill", ExitReason.KILL.toString());
  }

  // ---- exit listeners ----

  @Test
  void listenersAreCalledOnceInRegistrationOrderWithTheReason() {
    OwnerScope scope = OwnerScope.open("s");
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 5; i++) {
      int n = i;
      assertTrue(
          scope
              .onExit(
                  (owner, reason) -> {
                    assertSame(scope, owner);
                    calls.add(n + ":" + reason);
                  })
              .isPresent());
    }
    scope.exit(ExitReason.SHUTDOWN);
    scope.exit(ExitReason.NORMAL);
    scope.close();
    assertEquals(
        List.of("0:shutdown", "1:shutdown", "2:shutdown", "3:shutdown", "4:shutdown"), calls);
  }

  @Test
  void registrationAfterExitIsEmptyAndNeverCalled() {
    OwnerScope scope = OwnerScope.open("s");
    scope.close();
    AtomicInteger calls = new AtomicInteger();
    assertTrue(scope.onExit((o, r) -> calls.incrementAndGet()).isEmpty());
    scope.close();
    assertEquals(0, calls.get());
  }

  @Test
  void cancelledListenerIsNotCalledAndCancelIsIdempotent() {
    OwnerScope scope = OwnerScope.open("s");
    AtomicInteger cancelled = new AtomicInteger();
    AtomicInteger kept = new AtomicInteger();
    Owner.Registration registration =
        scope.onExit((o, r) -> cancelled.incrementAndGet()).orElseThrow();
    scope.onExit((o, r) -> kept.incrementAndGet()).orElseThrow();
    registration.cancel();
    registration.cancel();
    scope.close();
    registration.cancel(); // after exit: still harmless
    assertEquals(0, cancelled.get());
    assertEquals(1, kept.get());
  }

  @Test
  void nullListenerRejected() {
    try (OwnerScope scope = OwnerScope.open("s")) {
      assertThrows(NullPointerException.class, () -> scope.onExit(null));
    }
  }

  @Test
  void throwingListenerDoesNotStopTheOthersAndIsReported() throws Exception {
    OwnerScope scope = OwnerScope.open("s");
    List<String> calls = new ArrayList<>();
    RuntimeException boom = new IllegalStateException("listener failed");
    scope.onExit((o, r) -> calls.add("first"));
    scope.onExit(
        (o, r) -> {
          throw boom;
        });
    scope.onExit((o, r) -> calls.add("third"));
    AtomicReference<Throwable> reported = new AtomicReference<>();
    Thread exiter = new Thread(scope::close);
    exiter.setUncaughtExceptionHandler((t, e) -> reported.set(e));
    exiter.start();
    exiter.join();
    assertEquals(List.of("first", "third"), calls);
    assertSame(boom, reported.get());
    assertFalse(scope.isAlive());
  }

  @Test
  void severalThrowingListenersAreReportedTogether() {
    List<RuntimeException> reported = new ArrayList<>();
    AbstractOwner owner = reportingTo(reported);
    RuntimeException first = new IllegalStateException("first");
    RuntimeException second = new IllegalArgumentException("second");
    AtomicInteger ran = new AtomicInteger();
    owner.onExit(
        (o, r) -> {
          throw first;
        });
    owner.onExit((o, r) -> ran.incrementAndGet());
    owner.onExit(
        (o, r) -> {
          throw second;
        });
    assertTrue(owner.exitWith(ExitReason.KILL));
    assertFalse(owner.exitWith(ExitReason.NORMAL), "only the first exit counts");
    assertEquals(1, ran.get());
    assertEquals(List.of(first), reported);
    assertEquals(List.of(second), List.of(first.getSuppressed()));
    assertEquals(Optional.of(ExitReason.KILL), owner.exitReason());
  }

  /**
   * ExitListener: a listener that throws an {@code Error} does not stop the others either; the
   * exceptions go to onListenerFailure, and the exit rethrows the Error once every listener ran.
   */
  @Test
  void aListenerThrowingAnErrorStopsNoOtherListenerAndTheErrorIsRethrownAfterThem() {
    List<RuntimeException> reported = new ArrayList<>();
    AbstractOwner owner = reportingTo(reported);
    AssertionError error = new AssertionError("broken listener");
    RuntimeException later = new IllegalStateException("later");
    AtomicInteger ran = new AtomicInteger();
    owner.onExit(
        (o, r) -> {
          throw error;
        });
    owner.onExit((o, r) -> ran.incrementAndGet());
    owner.onExit(
        (o, r) -> {
          throw later;
        });
    assertSame(error, assertThrows(AssertionError.class, () -> owner.exitWith(ExitReason.KILL)));
    assertEquals(1, ran.get());
    assertEquals(List.of(later), reported);
    assertFalse(owner.isAlive());
    assertEquals(Optional.of(ExitReason.KILL), owner.exitReason());
  }

  /**
   * ExitListener: "A listener that throws does not stop the others", also when two listeners throw
   * the same instance (a preallocated exception): it is reported once. Before, adding it as
   * suppressed in itself threw IllegalArgumentException out of the exit, and the later listeners
   * never ran.
   */
  @Test
  void listenersThrowingTheSameInstanceStopNoOtherListener() {
    List<RuntimeException> reported = new ArrayList<>();
    AbstractOwner owner = reportingTo(reported);
    RuntimeException shared = new IllegalStateException("shared");
    AssertionError sharedError = new AssertionError("shared error");
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      owner.onExit(
          (o, r) -> {
            throw shared;
          });
      owner.onExit(
          (o, r) -> {
            throw sharedError;
          });
    }
    owner.onExit((o, r) -> ran.incrementAndGet());
    assertSame(
        sharedError, assertThrows(AssertionError.class, () -> owner.exitWith(ExitReason.KILL)));
    assertEquals(1, ran.get());
    assertEquals(List.of(shared), reported);
    assertEquals(0, shared.getSuppressed().length);
    assertEquals(0, sharedError.getSuppressed().length);
  }

  @Test
  void concurrentExitsCallEachListenerExactlyOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        OwnerScope scope = OwnerScope.open("s" + round);
        AtomicInteger calls = new AtomicInteger();
        scope.onExit((o, r) -> calls.incrementAndGet());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    scope.close();
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(1, calls.get(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void registrationRacingExitIsEitherCalledOnceOrRefused() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 500; round++) {
        OwnerScope scope = OwnerScope.open("s");
        AtomicInteger calls = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Boolean> registered =
            pool.submit(
                () -> {
                  start.await();
                  return scope.onExit((o, r) -> calls.incrementAndGet()).isPresent();
                });
        Future<?> exited =
            pool.submit(
                () -> {
                  start.await();
                  scope.close();
                  return null;
                });
        exited.get(10, TimeUnit.SECONDS);
        boolean wasRegistered = registered.get(10, TimeUnit.SECONDS);
        assertEquals(wasRegistered ? 1 : 0, calls.get(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- current owner and binding ----

  @Test
  void currentDefaultsToApplication() throws Exception {
    assertSame(Owner.application(), Owner.current());
    AtomicReference<Owner> seen = new AtomicReference<>();
    Thread t = new Thread(() -> seen.set(Owner.current()));
    t.start();
    t.join();
    assertSame(Owner.application(), seen.get());
  }

  @Test
  void applicationOwnerNeverExitsAndDropsMessages() {
    Owner app = Owner.application();
    assertTrue(app.isAlive());
    assertEquals("application", app.name());
    assertEquals(0, app.id());
    Optional<Owner.Registration> registration = app.onExit((o, r) -> {});
    assertTrue(registration.isPresent());
    registration.get().cancel();
    app.deliver("ignored"); // must not throw
    assertTrue(app.isAlive());
  }

  @Test
  void bindNestsAndRestores() {
    try (OwnerScope a = OwnerScope.open("a");
        OwnerScope b = OwnerScope.open("b")) {
      try (Owner.Binding ba = a.bind()) {
        assertSame(a, Owner.current());
        try (Owner.Binding bb = b.bind()) {
          assertSame(b, Owner.current());
          try (Owner.Binding ba2 = a.bind()) {
            assertSame(a, Owner.current());
          }
          assertSame(b, Owner.current());
        }
        assertSame(a, Owner.current());
      }
      assertSame(Owner.application(), Owner.current());
    }
  }

  @Test
  void bindingIsPerThread() throws Exception {
    try (OwnerScope a = OwnerScope.open("a");
        Owner.Binding bound = a.bind()) {
      AtomicReference<Owner> seen = new AtomicReference<>();
      Thread t = new Thread(() -> seen.set(Owner.current()));
      t.start();
      t.join();
      assertSame(Owner.application(), seen.get());
      assertSame(a, Owner.current());
    }
  }

  @Test
  void bindingClosedOnAnotherThreadIsRejected() throws Exception {
    try (OwnerScope a = OwnerScope.open("a")) {
      Owner.Binding binding = a.bind();
      try {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t =
            new Thread(
                () -> {
                  try {
                    binding.close();
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                });
        t.start();
        t.join();
        assertInstanceOf(IllegalStateException.class, failure.get());
        assertSame(a, Owner.current(), "the failed close changed nothing here");
      } finally {
        binding.close();
      }
      assertSame(Owner.application(), Owner.current());
    }
  }

  // ---- OwnerScope inbox ----

  /**
   * OwnerScope.receive: "zero or negative does not wait", and the owner SPI throws nothing but
   * NullPointerException, IllegalStateException and InterruptedException. A timeout too long for
   * nanoseconds, either way, must not fail; before, Duration.toNanos threw ArithmeticException.
   */
  @Test
  void receiveTakesTimeoutsTooLongForNanoseconds() throws Exception {
    try (OwnerScope scope = OwnerScope.open("s")) {
      assertEquals(Optional.empty(), scope.receive(Duration.ofSeconds(Long.MIN_VALUE)));
      scope.deliver("m");
      assertEquals(Optional.of("m"), scope.receive(Duration.ofSeconds(Long.MAX_VALUE)));
    }
  }

  @Test
  void inboxKeepsOrderAndDrains() {
    try (OwnerScope scope = OwnerScope.open("s")) {
      assertTrue(scope.poll().isEmpty());
      assertTrue(scope.drain().isEmpty());
      scope.deliver("m1");
      scope.deliver("m2");
      scope.deliver(null); // ignored
      scope.deliver("m3");
      assertEquals(Optional.of("m1"), scope.poll());
      assertEquals(List.of("m2", "m3"), scope.drain());
      assertTrue(scope.poll().isEmpty());
    }
  }

  @Test
  void receiveWaitsForAMessageFromAnotherThread() throws Exception {
    try (OwnerScope scope = OwnerScope.open("s")) {
      CountDownLatch started = new CountDownLatch(1);
      Thread sender =
          new Thread(
              () -> {
                try {
                  started.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                scope.deliver("hello");
              });
      sender.start();
      started.countDown();
      assertEquals(Optional.of("hello"), scope.receive(Duration.ofSeconds(10)));
      sender.join();
      assertTrue(scope.receive(Duration.ZERO).isEmpty());
    }
  }

  @Test
  void messagesToAnExitedScopeAreDropped() {
    OwnerScope scope = OwnerScope.open("s");
    scope.close();
    scope.deliver("late");
    assertTrue(scope.poll().isEmpty());
  }

  /** An owner whose listeners' exceptions are added to {@code reported}. */
  private static AbstractOwner reportingTo(List<RuntimeException> reported) {
    return new AbstractOwner("custom") {
      @Override
      public void deliver(Object message) {}

      @Override
      protected void onListenerFailure(RuntimeException failure) {
        reported.add(failure);
      }
    };
  }
}
