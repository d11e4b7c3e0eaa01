package io.jets.process.internal;

import io.jets.process.OverflowPolicy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jctools.queues.varhandle.MpscUnboundedVarHandleArrayQueue;

/**
 * The mailbox of one process: many producers, one consumer (the process's own thread).
 *
 * <p>Any thread may offer; only the consumer may {@link #poll()} and {@link #awaitMessage(long)}.
 * Offers are lock-free unless a {@link OverflowPolicy#BLOCK} mailbox is full, in which case the
 * producer waits on a condition until the consumer takes a message or the mailbox closes.
 */
public final class MpscMailbox {

  /** The result of a bounded offer. */
  public enum Offer {
    ACCEPTED,
    REJECTED,
    TIMED_OUT,
    CLOSED,
    INTERRUPTED
  }

  // Chunk of the unbounded array queue: 128 references (512 bytes compressed) keeps an idle
  // mailbox small while a burst still moves through few chunk allocations.
  private static final int CHUNK_SIZE = 128;

  /** A message that does not count toward the bound; unwrapped by {@link #poll()}. */
  private record Unbounded(Object message) {}

  private final MpscUnboundedVarHandleArrayQueue<Object> queue =
      new MpscUnboundedVarHandleArrayQueue<>(CHUNK_SIZE);
  private final int capacity; // Integer.MAX_VALUE: unbounded
  private final OverflowPolicy policy;
  private final AtomicInteger length = new AtomicInteger();
  private final AtomicInteger boundedLength = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final ReentrantLock spaceLock = new ReentrantLock();
  private final Condition spaceAvailable = spaceLock.newCondition();
  private volatile int blockedProducers;
  private volatile boolean closed;
  private volatile boolean consumerParked;
  private volatile Thread consumer;

  /**
   * A mailbox bounded to {@code capacity} messages that count toward the bound ({@link
   * Integer#MAX_VALUE}: unbounded), applying {@code policy} when full.
   */
  public MpscMailbox(int capacity, OverflowPolicy policy) {
    this.capacity = capacity;
    this.policy = policy;
  }

  public int capacity() {
    return capacity;
  }

  public OverflowPolicy policy() {
    return policy;
  }

  public void setConsumer(Thread thread) {
    consumer = thread;
  }

  public int length() {
    return Math.max(0, length.get());
  }

  public long dropped() {
    return dropped.get();
  }

  public void countDropped() {
    dropped.incrementAndGet();
  }

  /** Adds a message that ignores the bound. Never blocks; dropped once the mailbox is closed. */
  public void offerUnbounded(Object message) {
    if (closed) {
      return;
    }
    length.incrementAndGet();
    queue.offer(new Unbounded(message));
    wakeConsumer();
  }

  /**
   * Adds a message that counts toward the bound, applying the overflow policy when full.
   *
   * @param deadlineNanos {@link System#nanoTime()} after which a BLOCK offer gives up, or {@link
   *     Long#MAX_VALUE} to wait until there is room or the mailbox closes
   */
  public Offer offer(Object message, long deadlineNanos) {
    if (closed) {
      return Offer.CLOSED;
    }
    if (!tryReserve()) {
      if (policy == OverflowPolicy.REJECT) {
        return Offer.REJECTED;
      }
      Offer waited = awaitSpace(deadlineNanos);
      if (waited != Offer.ACCEPTED) {
        return waited;
      }
    }
    if (closed) {
      boundedLength.decrementAndGet();
      return Offer.CLOSED;
    }
    length.incrementAndGet();
    queue.offer(message);
    wakeConsumer();
    return Offer.ACCEPTED;
  }

  private boolean tryReserve() {
    if (capacity == Integer.MAX_VALUE) {
      boundedLength.incrementAndGet();
      return true;
    }
    for (int n = boundedLength.get(); n < capacity; n = boundedLength.get()) {
      if (boundedLength.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  private Offer awaitSpace(long deadlineNanos) {
    spaceLock.lock();
    try {
      blockedProducers++;
      try {
        // blockedProducers is raised before the re-check, so a consumer that frees a slot after
        // our failed check sees the waiter and signals.
        while (!tryReserve()) {
          if (closed) {
            return Offer.CLOSED;
          }
          if (deadlineNanos == Long.MAX_VALUE) {
            spaceAvailable.await();
          } else {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
              passSignalOn();
              return Offer.TIMED_OUT;
            }
            spaceAvailable.awaitNanos(remaining);
          }
        }
        return Offer.ACCEPTED;
      } finally {
        blockedProducers--;
      }
    } catch (InterruptedException e) {
      passSignalOn();
      Thread.currentThread().interrupt();
      return Offer.INTERRUPTED;
    } finally {
      spaceLock.unlock();
    }
  }

  /**
   * A producer leaving without a slot may have consumed the one signal meant for a slot that is
   * free now; hand it to the next waiter, or that waiter could sleep while the mailbox has room.
   * Called with spaceLock held.
   */
  private void passSignalOn() {
    if (boundedLength.get() < capacity) {
      spaceAvailable.signal();
    }
  }

  private void wakeConsumer() {
    // Dekker pairing with awaitMessage: our store to the queue, then a full fence, then the read
    // of consumerParked; the consumer stores consumerParked, fences, then re-reads the queue. One
    // of the two sees the other, so no wake-up is lost.
    VarHandle.fullFence();
    if (consumerParked) {
      Thread thread = consumer;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }
  }

  /** Consumer only: the next message, or null if the mailbox is empty now. */
  public Object poll() {
    Object message = queue.poll();
    if (message == null) {
      return null;
    }
    length.decrementAndGet();
    if (message instanceof Unbounded unbounded) {
      return unbounded.message();
    }
    boundedLength.decrementAndGet();
    if (blockedProducers > 0) {
      spaceLock.lock();
      try {
        spaceAvailable.signal();
      } finally {
        spaceLock.unlock();
      }
    }
    return message;
  }

  /**
   * Consumer only: parks until a message may be available, {@link #wakeConsumer() a wake-up}, an
   * interrupt, or {@code deadlineNanos} ({@link Long#MAX_VALUE}: no deadline). May return early;
   * the caller re-checks.
   */
  public void awaitMessage(long deadlineNanos) {
    consumerParked = true;
    VarHandle.fullFence();
    try {
      if (!queue.isEmpty()) {
        return;
      }
      if (deadlineNanos == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
          LockSupport.parkNanos(this, remaining);
        }
      }
    } finally {
      consumerParked = false;
    }
  }

  /** Wakes the consumer so that it re-checks its state (used when the process is signalled). */
  public void wake() {
    Thread thread = consumer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Refuses every later message and releases every producer waiting for space. */
  public void close() {
    closed = true;
    spaceLock.lock();
    try {
      spaceAvailable.signalAll();
    } finally {
      spaceLock.unlock();
    }
  }

  /**
   * The {@link System#nanoTime()} deadline {@code timeout} from now; Long.MAX_VALUE (no deadline)
   * if it overflows; now, already reached, if {@code timeout} is zero or negative.
   */
  public static long deadlineAfter(java.time.Duration timeout) {
    long nanos = Math.max(0, saturatedNanos(timeout));
    long now = System.nanoTime();
    long deadline = now + nanos;
    return nanos == Long.MAX_VALUE || deadline - now < 0 ? Long.MAX_VALUE : deadline;
  }

  /**
   * {@code duration} in nanoseconds; Long.MAX_VALUE if it does not fit, Long.MIN_VALUE if it is
   * negative and does not fit.
   */
  public static long saturatedNanos(java.time.Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
