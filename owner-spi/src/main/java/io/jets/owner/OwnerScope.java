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
 * until read with {@link #poll()}, {@link #receive(Duration)} or {@link #drain()}, oldest first;
 * after the scope exits, new messages are dropped and those already waiting can still be read.
 * Actions of a thread before it delivers a message happen-before the actions of the thread that
 * reads it. All methods are thread-safe; only {@link #receive(Duration)} waits, and {@link
 * #exit(ExitReason)} and {@link #close()} take as long as the exit listeners they run.
 */
public final class OwnerScope extends AbstractOwner implements AutoCloseable {

  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

  private OwnerScope(String name) {
    super(name);
  }

  /**
   * Opens a new, live scope. It is not bound to any thread yet: bind it with {@link #bind()}.
   *
   * @param name the scope's name, for messages and listings; not null, need not be unique
   * @return the new scope
   */
  public static OwnerScope open(String name) {
    return new OwnerScope(name);
  }

  @Override
  public void deliver(Object message) {
    if (isAlive() && message != null) {
      inbox.add(message);
    }
  }

  /**
   * Takes the oldest message delivered to this scope, if any, without waiting.
   *
   * @return the message, or empty if none is waiting
   */
  public Optional<Object> poll() {
    return Optional.ofNullable(inbox.poll());
  }

  /**
   * Takes the oldest message delivered to this scope, waiting up to {@code timeout} for one to
   * arrive.
   *
   * @param timeout how long to wait at most; zero or negative does not wait
   * @return the message, or empty if none arrived in time
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public Optional<Object> receive(Duration timeout) throws InterruptedException {
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException tooLong) { // beyond about 292 years, either way: saturate
      nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
    }
    return Optional.ofNullable(inbox.poll(nanos, TimeUnit.NANOSECONDS));
  }

  /**
   * Removes and returns every message waiting now, oldest first. Never blocks.
   *
   * @return the messages, oldest first; empty if none is waiting
   */
  public List<Object> drain() {
    List<Object> messages = new ArrayList<>();
    inbox.drainTo(messages);
    return messages;
  }

  /**
   * Exits this scope with {@code reason}; a no-op if it has already exited. The exit listeners (for
   * example, the deletion or hand-over of tables the scope owns) run on the calling thread before
   * this returns.
   *
   * @param reason why the scope exits; not null
   */
  public void exit(ExitReason reason) {
    exitWith(reason);
  }

  /** Exits this scope with reason {@code normal}; a no-op if it has already exited. */
  @Override
  public void close() {
    exit(ExitReason.NORMAL);
  }
}
