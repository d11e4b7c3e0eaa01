package io.jets.pekko;

import static io.jets.pekko.TestActor.table;
import static io.jets.pekko.TestActor.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.pekko.TestActor.Command;
import io.jets.pekko.TestActor.Crash;
import io.jets.pekko.TestActor.SpawnChild;
import io.jets.pekko.TestActor.Stop;
import io.jets.pekko.TestActor.Stopped;
import io.jets.pekko.TestActor.Transferred;
import io.jets.pekko.TestActor.Watch;
import io.jets.table.OrderedTable;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Heirs and gifts named by ActorRef; an heir hears of its table before the old owner's end. */
class HeirTest {

  private static final ActorTestKit KIT = ActorTestKit.create("heirs");

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  private static Object call(ActorRef<Command> actor, java.util.function.Supplier<Object> code) {
    return TestActor.call(KIT, actor, code);
  }

  @Test
  void anHeirActorGetsEveryObjectAndItsTransferBeforeTerminatedIn200Rounds() {
    for (int round = 0; round < 200; round++) {
      String name = unique("inherited");
      TestProbe<Object> events = KIT.createTestProbe();
      ActorRef<Command> heir = KIT.spawn(TestActor.owning(null, null, events.getRef()));
      ActorRef<Command> owner = KIT.spawn(TestActor.owning(name, heir, null));
      TestProbe<Object> reply = KIT.createTestProbe();
      heir.tell(new Watch(owner, reply.getRef()));
      reply.expectMessage(Duration.ofSeconds(10), "watching");
      int objects = 1 + round % 50;
      call(
          owner,
          () -> {
            for (long k = 0; k < objects; k++) {
              table(name).insert("k" + k, k);
            }
            return "ok";
          });
      OrderedTable<String, Long> table = table(name);
      owner.tell(new Crash(new IllegalStateException("round " + round)));

      Transferred transferred =
          assertInstanceOf(
              Transferred.class,
              events.receiveMessage(Duration.ofSeconds(10)),
              "round " + round + ": the transfer comes first");
      assertSame(table, transferred.transfer().table());
      assertEquals("heir data of " + name, transferred.transfer().data());
      assertEquals(
          new Stopped(owner, Terminated.class), events.receiveMessage(Duration.ofSeconds(10)));
      assertSame(JetsActors.ownerOf(heir), table.owner(), "round " + round);
      assertEquals(objects, table.size(), "round " + round + ": the heir has everything");
      assertEquals(true, call(heir, () -> table(name).insertNew("heir", -1L)), "and may write");
      heir.tell(new Stop());
      events.expectTerminated(heir, Duration.ofSeconds(10));
      assertTrue(table.isDeleted(), "round " + round + ": deleted with the heir, as it has none");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aParentHeirGetsItsFailedChildsTableBeforeChildFailedIn200Rounds() {
    for (int round = 0; round < 200; round++) {
      String name = unique("from-child");
      TestProbe<Object> events = KIT.createTestProbe();
      ActorRef<Command> parent = KIT.spawn(TestActor.owning(null, null, events.getRef()));
      TestProbe<Object> reply = KIT.createTestProbe();
      parent.tell(new SpawnChild(TestActor.owning(name, parent, null), reply.getRef()));
      ActorRef<Command> child = (ActorRef<Command>) reply.receiveMessage(Duration.ofSeconds(10));
      call(child, () -> table(name).insertNew("child", 1L));
      OrderedTable<String, Long> table = table(name);
      child.tell(new Crash(new IllegalStateException("child round " + round)));
      assertInstanceOf(
          Transferred.class,
          events.receiveMessage(Duration.ofSeconds(10)),
          "round " + round + ": the transfer comes first");
      assertEquals(
          new Stopped(child, ChildFailed.class), events.receiveMessage(Duration.ofSeconds(10)));
      assertEquals(1, table.size());
      assertSame(JetsActors.ownerOf(parent), table.owner());
      parent.tell(new Stop());
      events.expectTerminated(parent, Duration.ofSeconds(10));
      assertTrue(table.isDeleted());
    }
  }

  @Test
  void giveAwayToAnActorRefDeliversTheTransferAndTheRightToWrite() {
    String name = unique("gift");
    TestProbe<Object> events = KIT.createTestProbe();
    ActorRef<Command> giver = KIT.spawn(TestActor.owning(name, null, null));
    ActorRef<Command> receiver = KIT.spawn(TestActor.owning(null, null, events.getRef()));
    call(
        giver,
        () -> {
          table(name).insert("a", 1L);
          table(name).giveAway(JetsActors.ownerOf(receiver), "gift");
          return "given";
        });
    Transferred transferred =
        assertInstanceOf(Transferred.class, events.receiveMessage(Duration.ofSeconds(10)));
    assertEquals("gift", transferred.transfer().data());
    assertSame(JetsActors.ownerOf(giver), transferred.transfer().from());
    assertEquals(true, call(receiver, () -> table(name).insertNew("b", 2L)));
    assertInstanceOf(RuntimeException.class, call(giver, () -> table(name).insertNew("c", 3L)));
    giver.tell(new Stop());
    receiver.tell(new Stop());
  }

  @Test
  void anActorDecoratedWithoutAnAdapterOwnsATableGivenToItWithNoMessage() {
    String name = unique("silent-gift");
    ActorRef<Command> giver = KIT.spawn(TestActor.owning(name, null, null));
    ActorRef<Command> receiver = KIT.spawn(JetsBehaviors.owning(TestActor.plain(null, null, null)));
    call(
        giver,
        () -> {
          table(name).giveAway(JetsActors.ownerOf(receiver), "gift");
          return "given";
        });
    assertEquals(true, call(receiver, () -> table(name).insertNew("mine", 1L)));
    giver.tell(new Stop());
    receiver.tell(new Stop());
  }
}
