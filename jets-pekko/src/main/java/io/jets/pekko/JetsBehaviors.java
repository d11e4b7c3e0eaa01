package io.jets.pekko;

import io.jets.table.TableTransfer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Makes a Pekko typed actor a jets owner. The tables and owned terms the actor creates (in {@code
 * Behaviors.setup}, an {@code AbstractBehavior} constructor, a message handler or a signal handler)
 * are its own, and it may write its PROTECTED tables; every other thread reads them directly.
 *
 * <pre>{@code
 * Behavior<Command> feed = JetsBehaviors.owning(Behaviors.setup(PriceFeed::new));
 * }</pre>
 *
 * <p>Lifecycle, as ETS's for a process: when the actor stops, its owner exits with {@code
 * shutdown}; when a failure stops it, or restarts it under {@code Behaviors.supervise}, with {@code
 * crash(cause)}. Its tables then pass to their heirs or are deleted, and its owned terms are
 * erased, before Pekko tells anyone watching the actor that it stopped. A restarted actor is a new
 * owner that starts with no tables (a restarted Erlang process is a new pid); a resumed one keeps
 * them. Pekko tells a behavior nothing of a resume: the failure counts until the actor's next
 * message, so a stop from outside that comes first exits the owner with {@code crash(cause)}. Put
 * the decorator inside {@code supervise}, as above, for that: outside it, restarts are invisible to
 * it and one owner spans every incarnation. {@code ActorSystem.terminate()} stops every actor, so
 * it deletes every table a decorated actor still owns.
 *
 * <p>Transfers: with {@link #owning(Function, Behavior)}, a table that passes to the actor (as heir
 * or by {@code giveAway}) reaches it as a message of its own protocol, by a {@code tell} that never
 * blocks the exiting owner; with a bounded mailbox that is full the message goes to dead letters,
 * but the table is the actor's all the same.
 */
public final class JetsBehaviors {

  private JetsBehaviors() {}

  /**
   * {@code behavior} as a jets owner; table transfers to it are not delivered as messages (it owns
   * the table at once all the same).
   *
   * @param <T> the actor's message type
   * @param behavior the actor's behavior; not null
   * @return {@code behavior}, decorated
   * @throws ActorOwnerException if {@code behavior} is null
   */
  public static <T> Behavior<T> owning(Behavior<T> behavior) {
    ActorOwnerException.nonNull(behavior, "owning", "behavior");
    return Behaviors.intercept(() -> new OwningInterceptor<>(null), behavior);
  }

  /**
   * {@code behavior} as a jets owner that receives each {@link TableTransfer} to it as the message
   * {@code onTransfer} makes of it (null: none).
   *
   * @param <T> the actor's message type
   * @param onTransfer makes the message the actor receives for a transfer, or null to send none; an
   *     exception it throws drops the message (the table is the actor's all the same); not null
   *     itself
   * @param behavior the actor's behavior; not null
   * @return {@code behavior}, decorated
   * @throws ActorOwnerException if {@code onTransfer} or {@code behavior} is null
   */
  public static <T> Behavior<T> owning(
      Function<? super TableTransfer, ? extends T> onTransfer, Behavior<T> behavior) {
    ActorOwnerException.nonNull(onTransfer, "owning", "onTransfer");
    ActorOwnerException.nonNull(behavior, "owning", "behavior");
    return Behaviors.intercept(() -> new OwningInterceptor<>(onTransfer), behavior);
  }
}
