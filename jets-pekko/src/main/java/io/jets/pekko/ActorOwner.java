package io.jets.pekko;

import io.jets.owner.AbstractOwner;
import io.jets.owner.ExitReason;
import io.jets.table.TableTransfer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The jets owner of one incarnation of a Pekko actor: it lives from the actor's start to its stop,
 * crash or restart. Deliveries reach the actor as messages of its own protocol, by a {@code tell}
 * that never blocks.
 *
 * @param <T> the actor's message type
 */
public final class ActorOwner<T> extends AbstractOwner {

  private final ActorRef<T> self;
  private final Function<? super TableTransfer, ? extends T> onTransfer;

  ActorOwner(ActorRef<T> self, Function<? super TableTransfer, ? extends T> onTransfer) {
    super(self.path().toString());
    this.self = self;
    this.onTransfer = onTransfer;
  }

  /**
   * The actor this owner is an incarnation of.
   *
   * @return the actor's reference, the same for every incarnation
   */
  public ActorRef<T> ref() {
    return self;
  }

  /**
   * Tells the actor of a {@link TableTransfer} through the decorator's adapter; other messages, and
   * transfers to an actor decorated without an adapter, are dropped (the table is the actor's
   * either way). Never blocks: a {@code tell}, which a full bounded mailbox turns into a dead
   * letter. Never throws: an adapter that throws drops the message.
   */
  @Override
  public void deliver(Object message) {
    if (!isAlive() || onTransfer == null || !(message instanceof TableTransfer transfer)) {
      return;
    }
    T adapted;
    try {
      adapted = onTransfer.apply(transfer);
    } catch (RuntimeException e) {
      return; // deliver never throws; the transfer itself has happened
    }
    if (adapted != null) {
      self.tell(adapted);
    }
  }

  /** Ends this incarnation; the first call wins. */
  void exit(ExitReason reason) {
    exitWith(reason);
  }
}
