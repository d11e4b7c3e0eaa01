package io.jets.pekko;

import static io.jets.pekko.TestActor.table;
import static io.jets.pekko.TestActor.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.pekko.TestActor.Call;
import io.jets.pekko.TestActor.Command;
import io.jets.pekko.TestActor.Crash;
import io.jets.pekko.TestActor.Stop;
import io.jets.table.AccessDeniedException;
import io.jets.table.OrderedTable;
import io.jets.table.Table;
import io.jets.table.Tables;
import io.jets.term.PersistentTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A decorated actor owns its tables and terms, with ETS's owner lifecycle. No test sleeps. */
class JetsBehaviorsTest {

  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  private static Object call(ActorRef<Command> actor, Supplier<Object> code) {
    return TestActor.call(KIT, actor, code);
  }

  @Test
  void aTableBuiltInSetupIsTheActorsAndEveryThreadReadsItDirectlyWhileTheActorWrites()
      throws Exception {
    String name = unique("prices");
    ActorRef<Command> feed = KIT.spawn(TestActor.owning(name, null, null));
    ActorOwner<Command> owner = JetsActors.ownerOf(feed);
    OrderedTable<String, Long> prices = table(name);
    assertSame(owner, prices.owner(), "owned by the actor, not the application");
    assertEquals(feed, owner.ref());

    // A plain thread reads while the actor writes: every read sees a prefix of the writes.
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    CountDownLatch readerStarted = new CountDownLatch(1);
    AtomicLong lastSeen = new AtomicLong();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  readerStarted.countDown();
                  try {
                    long seen = 0;
                    while (writing.get() || seen < 1_000) {
                      long size = prices.size();
                      assertTrue(size >= seen, "size went back from " + seen + " to " + size);
                      for (long k = seen; k < size; k++) {
                        assertEquals(k, prices.get(String.format("k%04d", k)));
                      }
                      seen = size;
                    }
                    lastSeen.set(seen);
                  } catch (Throwable t) {
                    readerFailure.set(t);
                  }
                });
    readerStarted.await();
    TestProbe<Object> acks = KIT.createTestProbe();
    for (long k = 0; k < 1_000; k++) {
      long key = k;
      feed.tell(
          new Call(
              () -> {
                table(name).insert(String.format("k%04d", key), key);
                return "ok";
              },
              acks.getRef()));
    }
    for (int i = 0; i < 1_000; i++) {
      assertEquals("ok", acks.receiveMessage(Duration.ofSeconds(10)));
    }
    writing.set(false);
    reader.join();
    assertNull(readerFailure.get());
    assertEquals(1_000, lastSeen.get());

    // Another actor reads it directly too (no ask to the owner).
    ActorRef<Command> other = KIT.spawn(TestActor.owning(null, null, null));
    assertEquals(1_000L, call(other, () -> table(name).size()));
    assertEquals(999L, call(other, () -> table(name).get("k0999")));

    // Only the owner writes a PROTECTED table; the error says why for an unbound thread.
    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> prices.insert("x", 1L));
    assertTrue(denied.getMessage().contains("JetsBehaviors.owning"), denied.getMessage());
    assertInstanceOf(AccessDeniedException.class, call(other, () -> prices.insertNew("x", 1L)));
    feed.tell(new Stop());
    other.tell(new Stop());
  }

  @Test
  void stoppingTheActorDeletesItsTablesAndFreesTheirNames() {
    String name = unique("stop");
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(name, null, null));
    ActorOwner<Command> owner = JetsActors.ownerOf(actor);
    Table<String, Long> table = table(name);
    call(actor, () -> table(name).insertNew("a", 1L));
    TestProbe<Object> watcher = KIT.createTestProbe();
    actor.tell(new Stop());
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertTrue(table.isDeleted());
    assertTrue(Tables.whereis(name).isEmpty(), "the name is free");
    assertEquals(ExitReason.SHUTDOWN, owner.exitReason().orElseThrow());
    ActorRef<Command> again = KIT.spawn(TestActor.owning(name, null, null));
    assertEquals(0L, call(again, () -> table(name).size()), "a new actor takes the name");
    again.tell(new Stop());
  }

  @Test
  void aCrashDeletesTheTablesAndTheOwnerExitsWithTheCause() {
    String name = unique("crash");
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(name, null, null));
    ActorOwner<Command> owner = JetsActors.ownerOf(actor);
    Table<String, Long> table = table(name);
    TestProbe<Object> watcher = KIT.createTestProbe();
    IllegalStateException failure = new IllegalStateException("feed lost");
    actor.tell(new Crash(failure));
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertTrue(table.isDeleted());
    assertEquals(ExitReason.crash(failure), owner.exitReason().orElseThrow());
    assertThrows(
        ActorOwnerException.class, () -> JetsActors.ownerOf(actor, Duration.ofMillis(100)));
  }

  @Test
  void aRestartEndsTheOldIncarnationsOwnerAndTheNewOneStartsClean() {
    String name = unique("restart");
    ActorRef<Command> actor =
        KIT.spawn(
            Behaviors.supervise(TestActor.owning(name, null, null))
                .onFailure(SupervisorStrategy.restart()));
    ActorOwner<Command> first = JetsActors.ownerOf(actor);
    Table<String, Long> firstTable = table(name);
    call(actor, () -> table(name).insertNew("a", 1L));
    RuntimeException failure = new RuntimeException("restart me");
    actor.tell(new Crash(failure));
    // Handled by the new incarnation: messages queue behind the restart.
    Object[] seen = (Object[]) call(actor, () -> new Object[] {Owner.current(), table(name)});
    assertEquals(ExitReason.crash(failure), first.exitReason().orElseThrow());
    assertTrue(firstTable.isDeleted(), "the old incarnation's table went with it");
    assertNotSame(first, seen[0], "a new owner");
    assertSame(seen[0], JetsActors.ownerOf(actor));
    Table<?, ?> secondTable = (Table<?, ?>) seen[1];
    assertNotSame(firstTable, secondTable);
    assertEquals(0, secondTable.size(), "the new incarnation starts clean");
    assertSame(seen[0], secondTable.owner());
    actor.tell(new Stop());
  }

  @Test
  void aResumeKeepsTheOwnerAndItsTables() {
    String name = unique("resume");
    ActorRef<Command> actor =
        KIT.spawn(
            Behaviors.supervise(TestActor.owning(name, null, null))
                .onFailure(SupervisorStrategy.resume()));
    ActorOwner<Command> owner = JetsActors.ownerOf(actor);
    Table<String, Long> table = table(name);
    call(actor, () -> table(name).insertNew("a", 1L));
    actor.tell(new Crash(new RuntimeException("resume me")));
    assertEquals(true, call(actor, () -> table(name).insertNew("b", 2L)));
    assertTrue(owner.isAlive());
    assertFalse(table.isDeleted());
    assertEquals(2, table.size());
    TestProbe<Object> watcher = KIT.createTestProbe();
    actor.tell(new Stop());
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertEquals(
        ExitReason.SHUTDOWN, owner.exitReason().orElseThrow(), "a resumed failure is over");
  }

  @Test
  void terminatingTheActorSystemDeletesEveryTableItsActorsStillOwn() {
    ActorTestKit system = ActorTestKit.create("terminated");
    List<Table<String, Long>> tables = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        String name = unique("system");
        JetsActors.ownerOf(system.spawn(TestActor.owning(name, null, null)));
        tables.add(table(name));
      }
      assertTrue(tables.stream().noneMatch(Table::isDeleted));
    } finally {
      system.shutdownTestKit(); // ActorSystem.terminate(), then waits for it
    }
    assertTrue(tables.stream().allMatch(Table::isDeleted));
  }

  @Test
  void ownedTermsAreErasedWhenTheActorStops() {
    String key = unique("term");
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(null, null, null));
    call(
        actor,
        () -> {
          PersistentTerm.put(Owner.current(), key, "config");
          return "ok";
        });
    assertEquals("config", PersistentTerm.get(key, null));
    TestProbe<Object> watcher = KIT.createTestProbe();
    actor.tell(new Stop());
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertNull(PersistentTerm.get(key, null), "erased with its owner");
  }

  @Test
  void strictBindingCatchesATableBuiltInAnUndecoratedActor() {
    ActorRef<Command> undecorated = KIT.spawn(TestActor.plain(null, null, null));
    ActorRef<Command> decorated = KIT.spawn(TestActor.owning(null, null, null));
    String name = unique("strict");
    Owner.requireBinding(true);
    try {
      Object refused = call(undecorated, () -> Tables.set(name).build());
      assertInstanceOf(IllegalStateException.class, refused);
      assertTrue(((Exception) refused).getMessage().contains("JetsBehaviors.owning"));
      Object built = call(decorated, () -> Tables.set(name).build());
      assertInstanceOf(Table.class, built);
      assertSame(JetsActors.ownerOf(decorated), ((Table<?, ?>) built).owner());
    } finally {
      Owner.requireBinding(false);
    }
    // Without strict binding the same mistake gives an application-owned table, silently.
    Object silent = call(undecorated, () -> Tables.set(unique("silent")).build());
    assertSame(Owner.application(), ((Table<?, ?>) silent).owner());
    ((Table<?, ?>) silent).delete();
    undecorated.tell(new Stop());
    decorated.tell(new Stop());
  }

  @Test
  void badInputIsAnActorOwnerExceptionThatNamesTheArgument() {
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(null, null, null));
    ActorOwner<Command> owner = JetsActors.ownerOf(actor);
    assertTrue(
        assertThrows(ActorOwnerException.class, () -> JetsActors.ownerOf(null))
            .getMessage()
            .contains("ref is null"));
    assertTrue(
        assertThrows(ActorOwnerException.class, () -> JetsActors.ownerOf(actor, null))
            .getMessage()
            .contains("timeout is null"));
    assertTrue(
        assertThrows(
                ActorOwnerException.class, () -> JetsActors.ownerOf(actor, Duration.ofMillis(-1)))
            .getMessage()
            .contains("negative timeout"));
    assertTrue(
        assertThrows(ActorOwnerException.class, () -> JetsBehaviors.owning(null))
            .getMessage()
            .contains("behavior is null"));
    assertTrue(
        assertThrows(
                ActorOwnerException.class,
                () -> JetsBehaviors.owning(null, TestActor.owning(null, null, null)))
            .getMessage()
            .contains("onTransfer is null"));
    assertInstanceOf(io.jets.owner.JetsException.class, new ActorOwnerException("x"));
    // Nothing changed: the actor is still the same live owner.
    assertSame(owner, JetsActors.ownerOf(actor));
    assertTrue(owner.isAlive());
    actor.tell(new Stop());
  }

  @Test
  void ownerOfAnActorThatIsNotDecoratedFailsAndSaysWhy() {
    ActorRef<Command> undecorated = KIT.spawn(TestActor.plain(null, null, null));
    ActorOwnerException e =
        assertThrows(
            ActorOwnerException.class,
            () -> JetsActors.ownerOf(undecorated, Duration.ofMillis(200)));
    assertTrue(e.getMessage().contains("JetsBehaviors.owning"), e.getMessage());
    undecorated.tell(new Stop());
  }

  @Test
  void ownerOfAStoppedActorSaysItHasStoppedWithoutWaitingForItToStart() {
    // Regression: a stop forgets the actor's owner, so ownerOf took a stopped actor for one not
    // started yet, waited the whole timeout and then called it "not a jets owner".
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(null, null, null));
    ActorOwner<Command> owner = JetsActors.ownerOf(actor);
    TestProbe<Object> watcher = KIT.createTestProbe();
    actor.tell(new Stop());
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertFalse(owner.isAlive());
    ActorOwnerException e =
        assertThrows(
            ActorOwnerException.class, () -> JetsActors.ownerOf(actor, Duration.ofMinutes(1)));
    assertTrue(e.getMessage().contains("has stopped"), e.getMessage());
  }

  @Test
  void theCurrentActorOwnerIsKnownInsideTheActorOnly() {
    ActorRef<Command> actor = KIT.spawn(TestActor.owning(null, null, null));
    assertTrue(JetsActors.current().isEmpty());
    Object inside = call(actor, () -> JetsActors.current().orElseThrow());
    assertSame(JetsActors.ownerOf(actor), inside);
    actor.tell(new Stop());
  }

  /**
   * JetsBehaviors: "when the actor stops, its owner exits with {@code shutdown}; its tables then
   * ... are deleted ... before Pekko tells anyone watching the actor that it stopped", also for an
   * actor whose setup builds a table and then returns {@code Behaviors.stopped()} (Pekko drops the
   * interceptor of a behavior that is not alive, so it never gets a PostStop).
   */
  @Test
  void anActorThatStopsInItsSetupDeletesTheTablesItBuiltThere() {
    String name = unique("setup-stop");
    AtomicReference<Table<String, Long>> built = new AtomicReference<>();
    AtomicReference<ActorOwner<?>> owner = new AtomicReference<>();
    ActorRef<Command> actor =
        KIT.spawn(
            JetsBehaviors.owning(
                Behaviors.<Command>setup(
                    context -> {
                      owner.set(JetsActors.current().orElseThrow());
                      built.set(Tables.<String, Long>orderedSet(name).named().build());
                      return Behaviors.stopped();
                    })));
    TestProbe<Object> watcher = KIT.createTestProbe();
    watcher.expectTerminated(actor, Duration.ofSeconds(10));
    assertTrue(built.get().isDeleted());
    assertTrue(Tables.whereis(name).isEmpty(), "the name is free");
    assertEquals(ExitReason.SHUTDOWN, owner.get().exitReason().orElseThrow());
    assertThrows(ActorOwnerException.class, () -> JetsActors.ownerOf(actor, Duration.ofMinutes(1)));
  }
}
