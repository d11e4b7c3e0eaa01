package io.jets.pekko;

import io.jets.owner.Owner;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * The jets owners of running actors, by {@link ActorRef}: to name an actor as a table's heir
 * ({@code builder.heir(JetsActors.ownerOf(ref), data)}, {@code table.setHeir(...)}) or receiver
 * ({@code table.giveAway(JetsActors.ownerOf(ref), gift)}).
 */
public final class JetsActors {

  /** How long {@link #ownerOf(ActorRef)} waits for a just-spawned actor to start. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private static final ConcurrentHashMap<ActorRef<?>, CompletableFuture<ActorOwner<?>>> OWNERS =
      new ConcurrentHashMap<>();

  private JetsActors() {}

  /**
   * The owner of {@code ref}'s current incarnation. An actor spawned but not started yet is waited
   * for, up to {@link #START_TIMEOUT}. An owner names one incarnation: after a restart, name the
   * actor again.
   *
   * @param <T> the actor's message type
   * @param ref the actor; not null
   * @return the owner of the actor's current incarnation, alive when returned
   * @throws ActorOwnerException if {@code ref} is null, or the actor is not a jets owner (its
   *     behavior is not decorated with {@link JetsBehaviors#owning}), has stopped, or did not start
   *     in time
   */
  public static <T> ActorOwner<T> ownerOf(ActorRef<T> ref) {
    return ownerOf(ref, START_TIMEOUT);
  }

  /**
   * As {@link #ownerOf(ActorRef)}, waiting up to {@code timeout} for the actor to start.
   *
   * @param <T> the actor's message type
   * @param ref the actor; not null
   * @param timeout the longest to wait for an actor spawned but not started yet; not null
   * @return the owner of the actor's current incarnation, alive when returned
   * @throws ActorOwnerException if {@code ref} or {@code timeout} is null or {@code timeout} is
   *     negative, or the actor is not a jets owner, has stopped, or did not start within {@code
   *     timeout}, or the calling thread was interrupted while waiting (its interrupt status is then
   *     set again)
   */
  @SuppressWarnings("unchecked")
  public static <T> ActorOwner<T> ownerOf(ActorRef<T> ref, Duration timeout) {
    ActorOwnerException.nonNull(ref, "ownerOf", "ref");
    ActorOwnerException.nonNull(timeout, "ownerOf " + ref, "timeout");
    if (timeout.isNegative()) {
      throw new ActorOwnerException("ownerOf " + ref + ": negative timeout " + timeout);
    }
    CompletableFuture<ActorOwner<?>> slot =
        OWNERS.computeIfAbsent(ref, r -> new CompletableFuture<>());
    // A stop forgets the owner (the map must not keep every actor that ever ran), so an empty
    // slot is an actor not started yet, one not decorated, or one that has stopped. The classic
    // ref's isTerminated (Pekko marks it internal; it is public to Java) tells the last apart: it
    // turns true when the stopped actor's mailbox closes, just after its PostStop, and never back.
    if (!slot.isDone() && Adapter.toClassic(ref).isTerminated()) {
      OWNERS.remove(ref, slot);
      throw stopped(ref);
    }
    try {
      ActorOwner<?> owner = slot.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (owner.isAlive()) {
        return (ActorOwner<T>) owner;
      }
      throw stopped(ref);
    } catch (TimeoutException e) {
      OWNERS.remove(ref, slot);
      throw new ActorOwnerException(
          ref
              + " is not a jets owner: it did not start within "
              + timeout
              + ", or its behavior is not decorated with JetsBehaviors.owning");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActorOwnerException("interrupted while waiting for " + ref + " to start", e);
    } catch (ExecutionException e) {
      throw new ActorOwnerException(ref + ": its jets owner failed to start", e.getCause());
    }
  }

  private static ActorOwnerException stopped(ActorRef<?> ref) {
    return new ActorOwnerException(ref + " has stopped; its jets owner exited");
  }

  /**
   * The owner bound to the calling thread, if it is an actor's: inside a decorated actor's start,
   * message handlers and signal handlers.
   *
   * @return the actor's owner, or empty if no owner is bound or the bound one is not an actor's
   */
  public static java.util.Optional<ActorOwner<?>> current() {
    return Owner.isBound() && Owner.current() instanceof ActorOwner<?> actor
        ? java.util.Optional.of(actor)
        : java.util.Optional.empty();
  }

  static void started(ActorOwner<?> owner) {
    CompletableFuture<ActorOwner<?>> done = CompletableFuture.completedFuture(owner);
    OWNERS.compute(
        owner.ref(),
        (ref, waiting) -> {
          if (waiting != null && !waiting.isDone()) {
            waiting.complete(owner);
          }
          return done;
        });
  }

  static void stopped(ActorOwner<?> owner) {
    OWNERS.computeIfPresent(owner.ref(), (ref, slot) -> slot.getNow(null) == owner ? null : slot);
  }
}
