package io.jets.pekko;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.table.TableTransfer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.TypedActorContext;

/**
 * Binds one incarnation's {@link ActorOwner} around the actor's start, every message and every
 * signal, and exits it when the incarnation ends: {@code shutdown} on a stop, {@code crash(cause)}
 * after a failure that stops or restarts the actor. Pekko makes a new interceptor for every start,
 * so a restarted actor is a new owner, as a restarted Erlang process is a new pid.
 *
 * <p>Only the actor's own thread touches the fields, one message at a time (Pekko orders them).
 */
final class OwningInterceptor<T> extends BehaviorInterceptor<T, T> {

  private final Function<? super TableTransfer, ? extends T> onTransfer;
  private ActorOwner<T> owner;
  private Throwable failure; // the last failure of a message or signal, until the next message

  @SuppressWarnings("unchecked")
  OwningInterceptor(Function<? super TableTransfer, ? extends T> onTransfer) {
    super((Class<T>) Object.class);
    this.onTransfer = onTransfer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Behavior<T> aroundStart(TypedActorContext<T> context, PreStartTarget<T> target) {
    owner = new ActorOwner<>(context.asJava().getSelf(), onTransfer);
    Behavior<T> started;
    try (Owner.Binding bound = owner.bind()) {
      started = target.start(context);
    } catch (RuntimeException | Error e) {
      end(ExitReason.crash(e)); // a start that fails never gets a PostStop of its own
      throw e;
    }
    JetsActors.started(owner); // once started: JetsActors.ownerOf sees the tables it built
    if (!Behavior.isAlive(started)) {
      // Stopped in its start: Pekko drops this interceptor, so no PostStop reaches it.
      end(ExitReason.SHUTDOWN);
    }
    return started;
  }

  @Override
  public Behavior<T> aroundReceive(
      TypedActorContext<T> context, T message, ReceiveTarget<T> target) {
    failure = null; // a failure the supervisor resumed from is over
    try (Owner.Binding bound = owner.bind()) {
      return target.apply(context, message);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public Behavior<T> aroundSignal(
      TypedActorContext<T> context, Signal signal, SignalTarget<T> target) {
    boolean ending = signal instanceof PostStop || signal instanceof PreRestart;
    try (Owner.Binding bound = owner.bind()) {
      return target.apply(context, signal);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      if (ending) {
        // After the behavior's own PostStop/PreRestart handler (which may still use the tables),
        // before Pekko tells watchers the actor has stopped: an heir gets its transfer first.
        end(failure != null ? ExitReason.crash(failure) : ExitReason.SHUTDOWN);
      }
    }
  }

  private void end(ExitReason reason) {
    JetsActors.stopped(owner);
    owner.exit(reason);
  }
}
