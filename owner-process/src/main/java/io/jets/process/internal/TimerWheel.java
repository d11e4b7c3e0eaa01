package io.jets.process.internal;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.varhandle.MpscUnboundedVarHandleArrayQueue;

/**
 * A hashed timer wheel (Varghese and Lauck [1]) run by one daemon thread; other threads talk to it
 * only through an MPSC command queue.
 *
 * <p>Design:
 *
 * <ul>
 *   <li>Concurrency: the wheel's slots and linked lists are touched only by the wheel thread.
 *       {@link #add} and {@link #remove} enqueue the timer itself as a command and unpark the wheel
 *       thread if it is parked. A timer's state is an atomic integer, so cancel and fire race
 *       safely: exactly one of them moves it out of PENDING.
 *   <li>Waiting: no sleeping loop. The thread parks until the tick of the next occupied slot, or
 *       indefinitely while the wheel is empty; a new command wakes it.
 *   <li>Accuracy: a timer fires on the first tick at or after its deadline, never before it, and
 *       usually within one tick after it (more if the machine is overloaded). A periodic timer
 *       keeps its phase: its deadlines stay start + k * period; one that fires late skips the
 *       periods it missed (no burst of catch-up messages) and is not re-phased to the late time.
 *   <li>Isolation: the wheel thread serves every timer of the JVM, so a delivery that throws (an
 *       {@code Owner.deliver} of someone else's making) is reported and cancels that timer only;
 *       the thread goes on.
 * </ul>
 *
 * <p>Not Agrona's {@code DeadlineTimerWheel}: Agrona relies on {@code sun.misc.Unsafe} and ships no
 * module descriptor (it needs {@code jdk.unsupported}), which jets' core modules do not allow; its
 * wheel is single-threaded like this one, so the command queue would be ours anyway.
 *
 * <p>[1] G. Varghese, T. Lauck, "Hashed and hierarchical timing wheels", SOSP 1987.
 */
public final class TimerWheel {

  // 1 ms ticks: the resolution of OTP's timers; a timer due soon costs at most one wake-up per ms.
  private static final long TICK_NANOS = 1_000_000L;
  // 512 slots: one revolution is 512 ms, so timers shorter than that are found on their first
  // visit; longer ones are looked at once per revolution until they are due.
  private static final int SLOTS = 512;
  private static final int MASK = SLOTS - 1;
  // Small chunks: commands arrive one timer at a time and are drained at once.
  private static final int COMMAND_CHUNK = 64;

  private static final class Holder {
    static final TimerWheel INSTANCE = new TimerWheel();
  }

  /** The wheel every process timer is on; its thread starts on first use. */
  public static TimerWheel shared() {
    return Holder.INSTANCE;
  }

  private final MpscUnboundedVarHandleArrayQueue<WheelTimer> commands =
      new MpscUnboundedVarHandleArrayQueue<>(COMMAND_CHUNK);
  private final WheelTimer[] heads = new WheelTimer[SLOTS];
  private final int[] counts = new int[SLOTS];
  private final long origin = System.nanoTime();
  private final Thread thread;
  private volatile boolean parked;
  private int timerCount;
  private long currentTick;

  private TimerWheel() {
    thread = Thread.ofPlatform().daemon().name("jets-timer-wheel").unstarted(this::runWheel);
    thread.start();
  }

  /** Schedules a new pending timer. */
  public void add(WheelTimer timer) {
    command(timer);
  }

  /** Asks the wheel to unlink a cancelled timer now rather than when its slot comes round. */
  public void remove(WheelTimer timer) {
    command(timer);
  }

  private void command(WheelTimer timer) {
    commands.offer(timer);
    VarHandle.fullFence(); // pairs with the fence in runWheel between parked = true and isEmpty
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  private static final System.Logger LOG = System.getLogger(TimerWheel.class.getName());

  private void runWheel() {
    List<WheelTimer> due = new ArrayList<>();
    while (true) {
      drainCommands();
      long now = System.nanoTime();
      collectDue(tickOf(now), due);
      for (WheelTimer timer : due) {
        try {
          fire(timer, now);
        } catch (RuntimeException | Error e) {
          timer.markCancelled(); // its delivery is broken: stop it, keep every other timer
          LOG.log(System.Logger.Level.WARNING, "timer delivery threw; the timer is cancelled", e);
        }
      }
      due.clear();
      long nextTick = nextOccupiedTick();
      parked = true;
      VarHandle.fullFence();
      if (commands.isEmpty()) {
        if (nextTick < 0) {
          LockSupport.park(this);
        } else {
          long wait = origin + nextTick * TICK_NANOS - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(this, wait);
          }
        }
      }
      parked = false;
    }
  }

  private long tickOf(long nanos) {
    return Math.max(0, nanos - origin) / TICK_NANOS;
  }

  private void drainCommands() {
    for (WheelTimer timer = commands.poll(); timer != null; timer = commands.poll()) {
      boolean pending = timer.isPending();
      if (pending && !timer.inWheel) {
        insert(timer);
      } else if (!pending && timer.inWheel) {
        unlink(timer);
      }
    }
  }

  private void insert(WheelTimer timer) {
    long sinceOrigin;
    try {
      sinceOrigin = Math.max(0, Math.subtractExact(timer.deadlineNanos, origin));
    } catch (ArithmeticException farFuture) {
      sinceOrigin = Long.MAX_VALUE; // a deadline beyond the nanoTime range: due never, in practice
    }
    if (timer.deadlineNanos == Long.MAX_VALUE) {
      sinceOrigin = Long.MAX_VALUE;
    }
    long tick = Math.ceilDiv(sinceOrigin, TICK_NANOS); // ceil: never fire before the deadline
    timer.deadlineTick = Math.max(tick, currentTick);
    int slot = (int) (timer.deadlineTick & MASK);
    timer.previous = null;
    timer.next = heads[slot];
    if (heads[slot] != null) {
      heads[slot].previous = timer;
    }
    heads[slot] = timer;
    timer.inWheel = true;
    counts[slot]++;
    timerCount++;
  }

  private void unlink(WheelTimer timer) {
    int slot = (int) (timer.deadlineTick & MASK);
    if (timer.previous != null) {
      timer.previous.next = timer.next;
    } else {
      heads[slot] = timer.next;
    }
    if (timer.next != null) {
      timer.next.previous = timer.previous;
    }
    timer.previous = null;
    timer.next = null;
    timer.inWheel = false;
    counts[slot]--;
    timerCount--;
  }

  private void collectDue(long nowTick, List<WheelTimer> due) {
    if (timerCount == 0 || nowTick < currentTick) {
      currentTick = Math.max(currentTick, nowTick + 1);
      return;
    }
    // After a long park every slot may hold due timers; one full revolution visits them all.
    long steps = Math.min(nowTick - currentTick + 1, SLOTS);
    for (long i = 0; i < steps; i++) {
      int slot = (int) ((currentTick + i) & MASK);
      WheelTimer timer = heads[slot];
      while (timer != null) {
        WheelTimer following = timer.next;
        if (timer.deadlineTick <= nowTick) {
          unlink(timer);
          due.add(timer);
        }
        timer = following;
      }
    }
    currentTick = nowTick + 1;
  }

  /** The tick of the next slot holding a timer, or -1 if the wheel is empty. */
  private long nextOccupiedTick() {
    if (timerCount == 0) {
      return -1;
    }
    for (int i = 0; i < SLOTS; i++) {
      if (counts[(int) ((currentTick + i) & MASK)] > 0) {
        return currentTick + i;
      }
    }
    return -1; // unreachable while timerCount matches the slot counts
  }

  private void fire(WheelTimer timer, long now) {
    if (timer.periodNanos == 0) {
      if (timer.markFired()) {
        timer.deliverOnce();
      }
      return;
    }
    if (!timer.isPending()) {
      return;
    }
    if (!timer.deliverPeriodic()) {
      timer.markCancelled(); // its target has exited
      return;
    }
    timer.deadlineNanos = nextDeadline(timer.deadlineNanos, timer.periodNanos, now);
    insert(timer);
  }

  /**
   * The next deadline of a periodic timer due at {@code deadline}: the first of deadline + k *
   * period (k >= 1) after {@code now}. Fixed rate and fixed phase; periods missed while the machine
   * was stalled are skipped, not delivered in a burst.
   */
  static long nextDeadline(long deadline, long period, long now) {
    long next = saturatedAdd(deadline, period);
    if (next - now > 0 || next == Long.MAX_VALUE) {
      return next;
    }
    long missed = (now - next) / period + 1; // periods from next to the first one after now
    long skip;
    try {
      skip = Math.multiplyExact(missed, period);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
    return saturatedAdd(next, skip);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
