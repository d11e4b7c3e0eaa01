package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * safeFixtable: counted per owner, dropped on the owner's exit, reported by info; neither it nor
 * info waits for a writer that a lifecycle change is waiting for.
 */
class SafeFixtableTest {

  @ParameterizedTest
  @EnumSource(TableKind.class)
  void fixesAreCountedPerOwnerAndEndWithTheOwner(TableKind kind) {
    Table<Integer, String> table = kind.build("fix", WriteConcurrency.OFF);
    assertFalse(table.info().fixed());
    table.safeFixtable(true);
    table.safeFixtable(true);
    table.safeFixtable(false);
    assertTrue(table.info().fixed(), "two fixes need two unfixes");
    try (OwnerScope other = OwnerScope.open("fixer")) {
      try (Owner.Binding bound = other.bind()) {
        table.safeFixtable(false); // never fixed: nothing happens
        table.safeFixtable(true);
      }
      table.safeFixtable(false);
      assertTrue(table.info().fixed(), "the other owner still holds its fix");
    }
    assertFalse(table.info().fixed(), "the other owner's fix ended with it");
    table.safeFixtable(true);
    table.delete();
    assertThrows(TableDeletedException.class, () -> table.safeFixtable(true));
  }

  /**
   * One info's fixed() and safeFixation() come from one read of the fixes: they read the snapshot
   * twice, and a fix or unfix between the reads made them disagree (the review saw it after 850,598
   * infos while another thread fixed and unfixed).
   */
  @org.junit.jupiter.api.Test
  void oneInfoReportsTheFixesOnceWhileAnotherThreadFixesAndUnfixes() throws InterruptedException {
    SetTable<String, Integer> t =
        Tables.<String, Integer>set("fix-info-race").access(Access.PUBLIC).build();
    AtomicBoolean stop = new AtomicBoolean();
    Thread fixer =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!stop.get()) {
                    t.safeFixtable(true);
                    t.safeFixtable(false);
                  }
                });
    try {
      for (int i = 0; i < 3_000_000; i++) {
        TableInfo info = t.info();
        if (info.fixed() != info.safeFixation().isPresent()) {
          fail("info " + i + ": fixed " + info.fixed() + ", fixation " + info.safeFixation());
        }
      }
    } finally {
      stop.set(true);
      fixer.join();
      t.delete();
    }
  }

  @org.junit.jupiter.api.Test
  void infoReportsSinceWhenAndByWhomTheTableIsFixed() {
    SetTable<String, Integer> t =
        Tables.<String, Integer>set("fix-info").access(Access.PUBLIC).build();
    try {
      assertTrue(t.info().safeFixation().isEmpty());
      long before = System.nanoTime();
      OwnerScope b = OwnerScope.open("fixer-b");
      try (OwnerScope a = OwnerScope.open("fixer-a")) {
        try (Owner.Binding x = a.bind()) {
          t.safeFixtable(true);
          t.safeFixtable(true);
        }
        long between = System.nanoTime();
        try (Owner.Binding x = b.bind()) {
          t.safeFixtable(true);
        }
        TableInfo.SafeFixation fixation = t.info().safeFixation().orElseThrow();
        assertTrue(fixation.sinceNanos() - before >= 0, "not before the first fix");
        assertTrue(between - fixation.sinceNanos() >= 0, "the first fix's time, not the last");
        org.junit.jupiter.api.Assertions.assertEquals(
            java.util.Map.of(a, 2, b, 1), fixation.fixes());
        try (Owner.Binding x = a.bind()) {
          t.safeFixtable(false);
          t.safeFixtable(false);
        }
        TableInfo.SafeFixation left = t.info().safeFixation().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(b, 1), left.fixes());
        org.junit.jupiter.api.Assertions.assertEquals(
            fixation.sinceNanos(), left.sinceNanos(), "kept while any owner holds a fix");
      }
      b.close(); // an exiting owner's fixes go with it
      assertTrue(t.info().safeFixation().isEmpty());
      assertFalse(t.info().fixed());
    } finally {
      t.delete();
    }
  }

  static List<Arguments> setKindsAndModes() {
    return TableKind.everyKindAndMode().stream()
        .filter(a -> !((TableKind) a.get()[0]).isBag())
        .toList();
  }

  /**
   * Regression: info and safeFixtable took the lock that serializes lifecycle changes, which
   * setAccess holds while it waits for every writer, so they waited for a slow update function.
   */
  @ParameterizedTest
  @MethodSource("setKindsAndModes")
  void infoAndSafeFixtableDoNotWaitForAWriterThatSetAccessWaitsFor(
      TableKind kind, WriteConcurrency mode) throws Exception {
    SetTable<String, String> t = (SetTable<String, String>) kind.<String, String>build("fix", mode);
    t.insert("k", "v");
    t.safeFixtable(true);
    CountDownLatch inUpdate = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean updated = new AtomicBoolean();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  t.update(
                      "k",
                      v -> {
                        inUpdate.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e); // nothing interrupts it
                        }
                        return "w";
                      });
                  updated.set(true);
                });
    Thread lifecycle = null;
    // Ends the writer's wait if a read below hangs, so the test fails instead of hanging.
    CountDownLatch readsDone = new CountDownLatch(1);
    Thread watchdog =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    readsDone.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    release.countDown();
                  }
                });
    try {
      inUpdate.await();
      lifecycle = Thread.ofPlatform().start(() -> t.setAccess(Access.PROTECTED));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lifecycle.getState() != Thread.State.WAITING) { // parked on the writer's stripe
        if (System.nanoTime() - deadline > 0) {
          fail("setAccess never waited for the writer: " + lifecycle.getState());
        }
        Thread.onSpinWait();
      }
      TableInfo info = t.info();
      t.safeFixtable(true);
      t.safeFixtable(false);
      TableInfo fixedInfo = t.info();
      assertFalse(updated.get(), "info and safeFixtable returned only after the writer finished");
      assertEquals(Access.PUBLIC, info.access(), "the protection change waits for the writer");
      assertTrue(fixedInfo.fixed());
      assertEquals(1, fixedInfo.safeFixation().orElseThrow().fixes().size());
    } finally {
      readsDone.countDown();
      watchdog.join();
      writer.join();
      if (lifecycle != null) {
        lifecycle.join();
      }
    }
    assertTrue(updated.get());
    assertEquals("w", t.get("k"));
    assertEquals(Access.PROTECTED, t.info().access());
    t.delete();
  }
}
