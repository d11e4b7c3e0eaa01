package io.jets.pekko;

import io.jets.table.OrderedTable;
import io.jets.table.TableTransfer;
import io.jets.table.Tables;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The actor the tests decorate, in the standard Java style: an {@code AbstractBehavior} built in
 * {@code Behaviors.setup}, whose constructor may build an ordered table (with an heir it resolves
 * from an {@code ActorRef}). It runs code it is sent, crashes or stops on request, and reports
 * transfers and {@code Terminated} signals to an events probe, in the order it handles them.
 */
final class TestActor extends AbstractBehavior<TestActor.Command> {

  sealed interface Command {}

  /** Runs {@code code} in the actor and replies with its result, or the exception it threw. */
  record Call(Supplier<Object> code, ActorRef<Object> replyTo) implements Command {}

  /** Throws {@code failure} from the message handler. */
  record Crash(RuntimeException failure) implements Command {}

  /** Stops the actor. */
  record Stop() implements Command {}

  /** Watches {@code ref}, then replies "watching". */
  record Watch(ActorRef<?> ref, ActorRef<Object> replyTo) implements Command {}

  /** Spawns {@code child}, watches it, and replies with its ref. */
  record SpawnChild(Behavior<Command> child, ActorRef<Object> replyTo) implements Command {}

  /** A table transfer, as the decorator's adapter makes it. */
  record Transferred(TableTransfer transfer) implements Command {}

  /**
   * What the actor reports to its events probe when it is told that {@code ref} stopped; {@code
   * signal} is the signal's class ({@code Terminated}, or {@code ChildFailed} for a failed child).
   */
  record Stopped(ActorRef<?> ref, Class<?> signal) {}

  final OrderedTable<String, Long> table;
  private final ActorRef<Object> events;

  private TestActor(
      ActorContext<Command> context, String tableName, ActorRef<?> heir, ActorRef<Object> events) {
    super(context);
    this.events = events;
    if (tableName == null) {
      table = null;
    } else {
      var builder = Tables.<String, Long>orderedSet(tableName).named();
      if (heir != null) {
        builder.heir(JetsActors.ownerOf(heir), "heir data of " + tableName);
      }
      table = builder.build();
    }
  }

  /** The undecorated behavior: builds {@code tableName} (if not null) when it starts. */
  static Behavior<Command> plain(String tableName, ActorRef<?> heir, ActorRef<Object> events) {
    return Behaviors.setup(context -> new TestActor(context, tableName, heir, events));
  }

  /** The decorated behavior, transfers adapted to {@link Transferred}. */
  static Behavior<Command> owning(String tableName, ActorRef<?> heir, ActorRef<Object> events) {
    return JetsBehaviors.owning(Transferred::new, plain(tableName, heir, events));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(
            Call.class,
            call -> {
              Object result;
              try {
                result = call.code().get();
              } catch (RuntimeException e) {
                result = e;
              }
              call.replyTo().tell(result == null ? "null" : result);
              return this;
            })
        .onMessage(
            Crash.class,
            crash -> {
              throw crash.failure();
            })
        .onMessage(Stop.class, stop -> Behaviors.stopped())
        .onMessage(
            Watch.class,
            watch -> {
              getContext().watch(watch.ref());
              watch.replyTo().tell("watching");
              return this;
            })
        .onMessage(
            SpawnChild.class,
            spawn -> {
              ActorRef<Command> child = getContext().spawnAnonymous(spawn.child());
              getContext().watch(child);
              spawn.replyTo().tell(child);
              return this;
            })
        .onMessage(
            Transferred.class,
            transferred -> {
              events.tell(transferred);
              return this;
            })
        .onSignal(
            Terminated.class,
            terminated -> {
              events.tell(new Stopped(terminated.getRef(), terminated.getClass()));
              return this;
            })
        .build();
  }

  private static final AtomicLong NAMES = new AtomicLong();

  static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** Runs {@code code} inside {@code actor} and returns what it replied. */
  static Object call(ActorTestKit kit, ActorRef<Command> actor, Supplier<Object> code) {
    TestProbe<Object> reply = kit.createTestProbe();
    actor.tell(new Call(code, reply.getRef()));
    return reply.receiveMessage(Duration.ofSeconds(10));
  }

  @SuppressWarnings("unchecked")
  static OrderedTable<String, Long> table(String name) {
    return (OrderedTable<String, Long>) Tables.whereis(name).orElseThrow();
  }
}
