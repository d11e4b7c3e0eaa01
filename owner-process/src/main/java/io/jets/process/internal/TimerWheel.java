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
 *       usually within one tick after it (more if the machine is overloaded).
 * </ul>
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

  private void runWheel() {
    List<WheelTimer> due = new ArrayList<>();
    while (true) {
      drainCommands();
      long now = System.nanoTime();
      collectDue(tickOf(now), due);
      for (WheelTimer timer : due) {
        fire(timer, now);
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
    // Fixed rate without catch-up bursts: a tick missed while the machine was stalled is skipped.
    long next = saturatedAdd(timer.deadlineNanos, timer.periodNanos);
    timer.deadlineNanos = next - now > 0 ? next : saturatedAdd(now, timer.periodNanos);
    insert(timer);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
