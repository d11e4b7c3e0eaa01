package io.jets.owner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An owner for code without actors: tables created while it is bound belong to it, and {@link
 * #close()} is its exit with reason {@code normal}.
 *
 * <pre>{@code
 * try (OwnerScope scope = OwnerScope.open("cache-owner");
 *      Owner.Binding bound = scope.bind()) {
 *   SetTable<String, User> users = Tables.set("users").build();  // owned by scope
 *   ...
 * }   // users is deleted here, or passes to its heir
 * }</pre>
 *
 * <p>Messages delivered to the scope (table transfers, for example) wait in an unbounded inbox
 * until read with {@link #poll()}, {@link #receive(Duration)} or {@link #drain()}. All methods are
 * thread-safe.
 */
public final class OwnerScope extends AbstractOwner implements AutoCloseable {

  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

  private OwnerScope(String name) {
    super(name);
  }

  /** Opens a new, live scope. */
  public static OwnerScope open(String name) {
    return new OwnerScope(name);
  }

  @Override
  public void deliver(Object message) {
    if (isAlive() && message != null) {
      inbox.add(message);
    }
  }

  /** The oldest message delivered to this scope, if any, without waiting. */
  public Optional<Object> poll() {
    return Optional.ofNullable(inbox.poll());
  }

  /**
   * Waits up to {@code timeout} for a message.
   *
   * @return the message, or empty if none arrived in time
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public Optional<Object> receive(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** Removes and returns every message waiting now, oldest first. */
  public List<Object> drain() {
    List<Object> messages = new ArrayList<>();
    inbox.drainTo(messages);
    return messages;
  }

  /** Exits this scope with {@code reason}; a no-op if it has already exited. */
  public void exit(ExitReason reason) {
    exitWith(reason);
  }

  /** Exits this scope with reason {@code normal}; a no-op if it has already exited. */
  @Override
  public void close() {
    exit(ExitReason.NORMAL);
  }
}
