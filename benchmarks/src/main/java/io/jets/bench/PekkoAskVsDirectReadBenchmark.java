package io.jets.bench;

import io.jets.pekko.JetsBehaviors;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The bypass read for Pekko users: one key read through {@code ask} to the actor that owns the
 * table, against the same read straight from the actor's PROTECTED table on the calling thread. Run
 * at 1 and 2 threads: asks serialize on the one actor, direct reads do not. Each thread walks the
 * keys with the cursor of {@link OwnerCallVsDirectReadBenchmark}, as the process-call benchmark.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PekkoAskVsDirectReadBenchmark {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  /** The owner's protocol: a read request with its reply address. */
  record Get(int key, ActorRef<Object> replyTo) {}

  @Param({"1024"})
  int keys;

  private ActorSystem<Get> system;
  private SetTable<Integer, Long> table;

  static Behavior<Get> owner(int keys) {
    return JetsBehaviors.owning(
        Behaviors.setup(
            context -> {
              SetTable<Integer, Long> table =
                  Tables.<Integer, Long>set("bench-actor-owned")
                      .named()
                      .readConcurrency(true)
                      .build();
              for (int i = 0; i < keys; i++) {
                table.insert(i, (long) i);
              }
              return Behaviors.receive(Get.class)
                  .onMessage(
                      Get.class,
                      get -> {
                        get.replyTo().tell(table.get(get.key()));
                        return Behaviors.same();
                      })
                  .build();
            }));
  }

  @Setup
  @SuppressWarnings("unchecked")
  public void start() {
    system = ActorSystem.create(owner(keys), "bench");
    // The actor builds the table when it starts; an ask answered after it proves it exists.
    AskPattern.ask(
            system, (ActorRef<Object> reply) -> new Get(0, reply), ASK_TIMEOUT, system.scheduler())
        .toCompletableFuture()
        .join();
    table = (SetTable<Integer, Long>) Tables.whereis("bench-actor-owned").orElseThrow();
  }

  @TearDown
  public void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /** One read through the owning actor: an ask into its mailbox, a reply back, awaited. */
  @Benchmark
  public Object readThroughAsk(OwnerCallVsDirectReadBenchmark.Cursor cursor) {
    int key = cursor.nextKey(keys);
    CompletionStage<Object> reply =
        AskPattern.ask(
            system, (ActorRef<Object> to) -> new Get(key, to), ASK_TIMEOUT, system.scheduler());
    return reply.toCompletableFuture().join();
  }

  /** The same read straight from the actor's table, on the calling thread. */
  @Benchmark
  public Object directRead(OwnerCallVsDirectReadBenchmark.Cursor cursor) {
    return table.get(cursor.nextKey(keys));
  }
}
