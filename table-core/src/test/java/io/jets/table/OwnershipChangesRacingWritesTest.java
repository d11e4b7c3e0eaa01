package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.AbstractOwner;
import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle row of the README's guarantees, against writes: {@code setAccess} and a hand-over
 * ({@code giveAway}) are exclusive with writes (a write in flight completes before the change, and
 * one that passed its access check but has not taken its writer lock yet is checked again under it,
 * against the new protection or owner), and {@code rename} is serialized per table (at every moment
 * a named table is found under its old or its new name, and two renames racing leave exactly one
 * name registered). Each exclusivity is tested twice: once with the interleaving forced by user
 * code that blocks on a latch, once as a race with an outcome checked per write.
 */
@Timeout(120)
class OwnershipChangesRacingWritesTest {

  private static final long BOUND_SECONDS = 30;
  private static final int ROUNDS = 5;
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private ExecutorService threads;

  @BeforeEach
  void startThreads() {
    threads = Executors.newFixedThreadPool(3);
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
  }

  static List<Arguments> everyKindAndMode() {
    return TableKind.everyKindAndMode();
  }

  static List<Arguments> setKindsAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (TableKind kind : List.of(TableKind.SET, TableKind.ORDERED_SET)) {
      for (WriteConcurrency mode : WriteConcurrency.values()) {
        all.add(Arguments.of(kind, mode));
      }
    }
    return all;
  }

  /** A new table of {@code kind} owned by {@code owner}, with a unique name. */
  private static <K, V> Table<K, V> build(
      TableKind kind,
      WriteConcurrency mode,
      Owner owner,
      Access access,
      boolean named,
      String name) {
    String unique = name + "-" + kind + "-" + mode + "-" + SERIAL.incrementAndGet();
    return switch (kind) {
      case SET -> {
        SetTableBuilder b = Tables.set(unique).owner(owner).access(access).writeConcurrency(mode);
        yield (named ? b.named() : b).build();
      }
      case ORDERED_SET -> {
        OrderedTableBuilder<K, V> b =
            Tables.<K, V>orderedSet(unique).owner(owner).access(access).writeConcurrency(mode);
        yield (named ? b.named() : b).build();
      }
      case BAG -> {
        BagTableBuilder b = Tables.bag(unique).owner(owner).access(access).writeConcurrency(mode);
        yield (named ? b.named() : b).build();
      }
      case DUPLICATE_BAG -> {
        BagTableBuilder b =
            Tables.duplicateBag(unique).owner(owner).access(access).writeConcurrency(mode);
        yield (named ? b.named() : b).build();
      }
    };
  }

  /** Waits, bounded, until {@code thread} parks (on a writer lock) or ends. */
  private static void awaitParkedOrDone(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the thread neither waited nor finished: " + thread);
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting: " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting: " + what, e);
    }
  }

  /** Runs {@code action} as {@code owner} on the calling thread. */
  private static void as(Owner owner, Runnable action) {
    try (var bound = owner.bind()) {
      action.run();
    }
  }

  /** Once armed, the next {@link #pause} signals that it runs and waits until released. */
  static final class Stall {
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    void pause() {
      if (armed.compareAndSet(true, false)) {
        paused.countDown();
        await(release, "the stall's release");
      }
    }
  }

  /**
   * A key whose {@code hashCode} and {@code compareTo} pause on its stall: the user code a write
   * runs after its access check and before it takes its writer lock (a hash table hashes the key to
   * pick the lock; an ordered table compares the key with itself to check it).
   */
  static final class StallingKey implements Comparable<StallingKey> {
    final int id;
    final Stall stall;

    StallingKey(int id, Stall stall) {
      this.id = id;
      this.stall = stall;
    }

    StallingKey(int id) {
      this(id, new Stall());
    }

    @Override
    public int hashCode() {
      stall.pause();
      return Integer.hashCode(id);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StallingKey key && key.id == id;
    }

    @Override
    public int compareTo(StallingKey other) {
      stall.pause();
      return Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
      return "StallingKey(" + id + ")";
    }
  }

  /** A receiver that reads key "k" of the table the moment its transfer arrives. */
  static final class ReadingReceiver extends AbstractOwner {
    final AtomicReference<TableTransfer> transfer = new AtomicReference<>();
    final AtomicReference<Integer> valueAtTransfer = new AtomicReference<>();

    ReadingReceiver() {
      super("reading-receiver");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void deliver(Object message) {
      TableTransfer notice = assertInstanceOf(TableTransfer.class, message);
      valueAtTransfer.set(((SetTable<String, Integer>) notice.table()).get("k"));
      transfer.set(notice);
    }

    void exit() {
      exitWith(ExitReason.NORMAL);
    }
  }

  // ---- setAccess ----

  /**
   * A non-owner's update of a PUBLIC table is blocked in its function, holding its writer lock; the
   * owner's setAccess(PROTECTED) must wait for it, so the owner reads the update's value as soon as
   * setAccess returns.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("setKindsAndModes")
  void setAccessWaitsForAWriteInFlight(TableKind kind, WriteConcurrency mode) throws Exception {
    OwnerScope owner = OwnerScope.open("access-owner");
    try {
      SetTable<String, Integer> table =
          (SetTable<String, Integer>)
              OwnershipChangesRacingWritesTest.<String, Integer>build(
                  kind, mode, owner, Access.PUBLIC, false, "access-in-flight");
      table.insert("k", 0);
      CountDownLatch inFunction = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<Boolean> update =
          threads.submit(
              () ->
                  table.update(
                      "k",
                      v -> {
                        inFunction.countDown();
                        await(release, "release of the update");
                        return v + 1;
                      }));
      await(inFunction, "the update's function");
      AtomicReference<Integer> readAfterSetAccess = new AtomicReference<>();
      AtomicReference<Throwable> setterFailure = new AtomicReference<>();
      Thread setter =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      as(
                          owner,
                          () -> {
                            table.setAccess(Access.PROTECTED);
                            readAfterSetAccess.set(table.get("k"));
                          });
                    } catch (Throwable t) {
                      setterFailure.set(t);
                    }
                  });
      awaitParkedOrDone(setter);
      release.countDown();
      assertTrue(update.get(BOUND_SECONDS, TimeUnit.SECONDS), "the update in flight completed");
      setter.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      assertNull(setterFailure.get());
      assertEquals(
          1, readAfterSetAccess.get(), "setAccess returned before the write in flight completed");
      ExecutionException denied =
          assertThrows(
              ExecutionException.class,
              () ->
                  threads
                      .submit(() -> table.insert("later", 1))
                      .get(BOUND_SECONDS, TimeUnit.SECONDS));
      assertInstanceOf(AccessDeniedException.class, denied.getCause());
    } finally {
      owner.close();
    }
  }

  /**
   * A non-owner's insert into a PUBLIC table passes its access check and pauses before its writer
   * lock; the owner's setAccess(PROTECTED) completes meanwhile; the insert must then fail under its
   * lock against the new protection, and store nothing.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void aWriteThatTakesItsLockAfterSetAccessIsCheckedAgainstTheNewProtection(
      TableKind kind, WriteConcurrency mode) throws Exception {
    OwnerScope owner = OwnerScope.open("access-owner");
    try {
      Table<StallingKey, String> table =
          build(kind, mode, owner, Access.PUBLIC, false, "access-recheck");
      Stall stall = new Stall();
      stall.armed.set(true);
      Future<?> insert =
          threads.submit(
              () -> {
                table.insert(new StallingKey(1, stall), "v");
                return null;
              });
      await(stall.paused, "the insert's pause before its lock");
      try {
        as(owner, () -> table.setAccess(Access.PROTECTED));
      } finally {
        stall.release.countDown();
      }
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> insert.get(BOUND_SECONDS, TimeUnit.SECONDS));
      assertInstanceOf(AccessDeniedException.class, failed.getCause());
      assertFalse(table.member(new StallingKey(1)), "the denied insert stored its object");
      assertEquals(0, table.size());
    } finally {
      owner.close();
    }
  }

  /**
   * A non-owner inserts keys into a PUBLIC table until denied, while the owner switches it to
   * PROTECTED: every insert either returned and its key is present, or threw AccessDeniedException
   * and its key is absent; the denied ones are all the later ones; and nothing lands after
   * setAccess returns.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void insertsRacingSetAccessEitherLandBeforeItOrFail(TableKind kind, WriteConcurrency mode)
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      OwnerScope owner = OwnerScope.open("access-owner");
      try {
        Table<Integer, Integer> table =
            build(kind, mode, owner, Access.PUBLIC, false, "access-race");
        raceInsertsAgainst(
            table,
            null,
            () -> as(owner, () -> table.setAccess(Access.PROTECTED)),
            () -> assertEquals(Access.PROTECTED, table.info().access()),
            "round " + round);
      } finally {
        owner.close();
      }
    }
  }

  /**
   * Inserts keys 0, 1, ... into {@code table} on another thread (as {@code writer}, or as no owner
   * when null) until 200 inserts in a row have been denied; runs {@code change} on this thread once
   * some have landed, then {@code afterChange}; then checks each insert's outcome against the
   * table, that the denials are a suffix, and that the table after {@code change} returned is the
   * table at the end.
   */
  private void raceInsertsAgainst(
      Table<Integer, Integer> table,
      Owner writer,
      Runnable change,
      Runnable afterChange,
      String label)
      throws Exception {
    int maxKeys = 2_000_000;
    CountDownLatch someLanded = new CountDownLatch(1);
    Future<List<Boolean>> inserts =
        threads.submit(
            () -> {
              List<Boolean> landed = new ArrayList<>();
              Runnable loop =
                  () -> {
                    int deniedInARow = 0;
                    for (int k = 0; k < maxKeys && deniedInARow < 200; k++) {
                      try {
                        table.insert(k, k);
                        landed.add(true);
                        deniedInARow = 0;
                      } catch (AccessDeniedException e) {
                        landed.add(false);
                        deniedInARow++;
                      }
                      if (k == 100) {
                        someLanded.countDown();
                      }
                    }
                  };
              if (writer == null) {
                loop.run();
              } else {
                as(writer, loop);
              }
              return landed;
            });
    await(someLanded, "the first inserts");
    change.run();
    long sizeAfterChange = table.size();
    afterChange.run();
    List<Boolean> landed = inserts.get(BOUND_SECONDS, TimeUnit.SECONDS);
    int firstDenied = landed.indexOf(false);
    assertTrue(firstDenied > 100, label + ": the change came after the first inserts landed");
    for (int k = 0; k < landed.size(); k++) {
      assertEquals(
          landed.get(k),
          table.member(k),
          label
              + ": key "
              + k
              + (landed.get(k) ? " returned but is absent" : " denied but present"));
      if (k > firstDenied) {
        assertFalse(landed.get(k), label + ": insert " + k + " landed after a denied one");
      }
    }
    assertEquals(firstDenied, table.size(), label + ": the table holds the inserts that returned");
    assertEquals(
        sizeAfterChange, table.size(), label + ": a write landed after the change returned");
  }

  // ---- giveAway ----

  /**
   * The owner's update is blocked in its function, holding its writer lock; the owner's giveAway on
   * another thread must wait for it, so the receiver, reading the table when its transfer arrives,
   * sees the update.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("setKindsAndModes")
  void giveAwayWaitsForAWriteInFlightOfTheOldOwner(TableKind kind, WriteConcurrency mode)
      throws Exception {
    OwnerScope owner = OwnerScope.open("giving-owner");
    ReadingReceiver receiver = new ReadingReceiver();
    try {
      SetTable<String, Integer> table =
          (SetTable<String, Integer>)
              OwnershipChangesRacingWritesTest.<String, Integer>build(
                  kind, mode, owner, Access.PROTECTED, false, "give-in-flight");
      as(owner, () -> table.insert("k", 0));
      CountDownLatch inFunction = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<Boolean> updated = new AtomicReference<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread updater =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      as(
                          owner,
                          () ->
                              updated.set(
                                  table.update(
                                      "k",
                                      v -> {
                                        inFunction.countDown();
                                        await(release, "release of the update");
                                        return v + 1;
                                      })));
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      await(inFunction, "the update's function");
      Thread giver =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      as(owner, () -> table.giveAway(receiver, "gift"));
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      awaitParkedOrDone(giver);
      release.countDown();
      updater.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      giver.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      assertNull(failure.get());
      assertEquals(true, updated.get(), "the update in flight completed");
      assertSame(receiver, table.owner());
      assertEquals("gift", receiver.transfer.get().data());
      assertEquals(
          1,
          receiver.valueAtTransfer.get(),
          "the hand-over did not wait for the write in flight: the receiver missed it");
    } finally {
      owner.close();
      receiver.exit();
    }
  }

  /**
   * The owner's insert passes its access check and pauses before its writer lock; the owner's
   * giveAway completes meanwhile; the insert must then fail under its lock (the table is no longer
   * the writer's) and store nothing.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void aWriteOfTheOldOwnerThatTakesItsLockAfterTheHandOverFails(
      TableKind kind, WriteConcurrency mode) throws Exception {
    OwnerScope owner = OwnerScope.open("giving-owner");
    OwnerScope receiver = OwnerScope.open("receiver");
    try {
      Table<StallingKey, String> table =
          build(kind, mode, owner, Access.PROTECTED, false, "give-recheck");
      Stall stall = new Stall();
      stall.armed.set(true);
      Future<?> insert =
          threads.submit(
              () -> {
                as(owner, () -> table.insert(new StallingKey(1, stall), "v"));
                return null;
              });
      await(stall.paused, "the insert's pause before its lock");
      try {
        as(owner, () -> table.giveAway(receiver, "gift"));
      } finally {
        stall.release.countDown();
      }
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> insert.get(BOUND_SECONDS, TimeUnit.SECONDS));
      assertInstanceOf(AccessDeniedException.class, failed.getCause());
      assertSame(receiver, table.owner());
      assertFalse(
          table.member(new StallingKey(1)), "the old owner's late insert stored its object");
      assertEquals(0, table.size());
      assertInstanceOf(TableTransfer.class, receiver.poll().orElseThrow());
    } finally {
      owner.close();
      receiver.close();
    }
  }

  /**
   * The owner inserts keys into its PROTECTED table until denied while, on another thread, it gives
   * the table away: every insert either returned and its key is present, or was denied and its key
   * is absent; the denied ones are all the later ones; nothing lands after giveAway returns.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void insertsRacingGiveAwayEitherLandBeforeItOrFail(TableKind kind, WriteConcurrency mode)
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      OwnerScope owner = OwnerScope.open("giving-owner");
      OwnerScope receiver = OwnerScope.open("receiver");
      try {
        Table<Integer, Integer> table =
            build(kind, mode, owner, Access.PROTECTED, false, "give-race");
        raceInsertsAgainst(
            table,
            owner,
            () -> as(owner, () -> table.giveAway(receiver, "gift")),
            () -> assertSame(receiver, table.owner()),
            "round " + round);
        assertInstanceOf(TableTransfer.class, receiver.poll().orElseThrow());
      } finally {
        owner.close();
        receiver.close();
      }
    }
  }

  // ---- rename ----

  private static final int RENAMES = 5_000;

  private static List<String> names(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(prefix + "-" + i);
    }
    return names;
  }

  /**
   * The owner renames a named PUBLIC table many times while another thread inserts into it and a
   * third looks it up by name: no insert is lost or fails, the reader always finds the table under
   * the name it last found it under or a later one (never under none), and at the end the last name
   * finds the table and every earlier name is free.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void renamesRacingWritesLoseNoWriteAndAlwaysLeaveTheTableFindable(
      TableKind kind, WriteConcurrency mode) throws Exception {
    OwnerScope owner = OwnerScope.open("renaming-owner");
    try {
      Table<Integer, Integer> table = build(kind, mode, owner, Access.PUBLIC, true, "renamed");
      List<String> names = new ArrayList<>(List.of(table.name()));
      names.addAll(names(table.name() + "-renamed", RENAMES));
      int keys = 20_000;
      AtomicBoolean renaming = new AtomicBoolean(true);
      CyclicBarrier start = new CyclicBarrier(3);
      Future<?> writer =
          threads.submit(
              () -> {
                start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                for (int k = 0; k < keys; k++) {
                  table.insert(k, k);
                }
                return null;
              });
      Future<Long> reader =
          threads.submit(
              () -> {
                start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                long lookups = 0;
                int at = 0;
                do {
                  int found = at;
                  while (found < names.size()
                      && Tables.whereis(names.get(found)).orElse(null) != table) {
                    found++;
                  }
                  if (found == names.size()) {
                    throw new AssertionError(
                        "the table was found under none of the names from " + names.get(at));
                  }
                  at = found;
                  lookups++;
                } while (renaming.get());
                return lookups;
              });
      start.await(BOUND_SECONDS, TimeUnit.SECONDS);
      try {
        as(
            owner,
            () -> {
              for (String name : names.subList(1, names.size())) {
                table.rename(name);
              }
            });
      } finally {
        renaming.set(false);
      }
      writer.get(BOUND_SECONDS, TimeUnit.SECONDS);
      assertTrue(reader.get(BOUND_SECONDS, TimeUnit.SECONDS) > 0);
      String last = names.get(names.size() - 1);
      assertEquals(last, table.name());
      assertSame(table, Tables.whereis(last).orElseThrow());
      for (String old : names.subList(0, names.size() - 1)) {
        assertEquals(Optional.empty(), Tables.whereis(old), "old name " + old + " is not free");
      }
      assertEquals(keys, table.size(), "an insert racing the renames was lost");
      for (int k = 0; k < keys; k++) {
        assertTrue(table.member(k), "lost key " + k);
      }
    } finally {
      owner.close();
    }
  }

  /**
   * Two threads rename the same named PUBLIC table through their own names, at the same time:
   * renames are serialized per table, so at the end exactly one of all the names is registered, the
   * table's own name, and it finds the table.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKindAndMode")
  void racingRenamesLeaveExactlyOneName(TableKind kind, WriteConcurrency mode) throws Exception {
    OwnerScope owner = OwnerScope.open("renaming-owner");
    try {
      Table<Integer, Integer> table =
          build(kind, mode, owner, Access.PUBLIC, true, "renamed-twice");
      String original = table.name();
      List<List<String>> perThread =
          List.of(names(original + "-a", RENAMES), names(original + "-b", RENAMES));
      CyclicBarrier start = new CyclicBarrier(perThread.size());
      List<Future<?>> renamers = new ArrayList<>();
      for (List<String> own : perThread) {
        renamers.add(
            threads.submit(
                () -> {
                  start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  own.forEach(table::rename);
                  return null;
                }));
      }
      for (Future<?> renamer : renamers) {
        renamer.get(BOUND_SECONDS, TimeUnit.SECONDS);
      }
      List<String> all = new ArrayList<>(List.of(original));
      perThread.forEach(all::addAll);
      List<String> registered = new ArrayList<>();
      for (String name : all) {
        Tables.whereis(name)
            .ifPresent(
                found -> {
                  assertSame(table, found);
                  registered.add(name);
                });
      }
      assertEquals(List.of(table.name()), registered, "the names registered for the table");
      assertNotEquals(original, table.name());
    } finally {
      owner.close();
    }
  }
}
