package io.jets.cache.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The reads of a bounded cache, recorded for its policy without a lock: striped, bounded and lossy,
 * as Caffeine's read buffers are. A reader appends the entry it read to its thread's stripe, or
 * drops it if the stripe is full or another reader won the slot; whoever holds the policy lock
 * drains the stripes into the policy.
 */
final class ReadBuffer {
  /*
   * Design notes
   *
   * Why. A read of a bounded cache must tell the policy that the entry was used (its frequency, its
   * place in the queues), but the policy is guarded by a lock no reader may wait for, and a shared
   * counter or sketch written by every read is a cache line every core fights over. So a read
   * writes only its stripe's tail and one slot, and the policy catches up in batches.
   *
   * Stripes. One per thread hash (threadId mixed), a power of two at least twice the processors,
   * so that two running threads rarely share one; each is a ring of SLOTS entries with a tail that
   * readers advance by CAS and a head that only the drainer moves. Tail and head sit in separate
   * padded classes of the stripe's hierarchy, so readers and the drainer do not share a line.
   *
   * Offer. A reader reads tail, then head; if the ring is full it reports FULL (the read is
   * dropped, and the caller tries to drain); otherwise it CASes tail forward and, if it won, stores
   * the entry in the slot with release semantics. A lost CAS drops the read (another reader of the
   * same stripe just recorded one): lossy by design, because a missed read only blurs a frequency.
   *
   * Drain. Under the policy lock, for each stripe, from head to tail: a slot still null belongs to
   * a reader between its CAS and its store, so the drain stops there and the entry is taken by the
   * next drain. Each taken slot is cleared before head moves past it (release), so a reader that
   * sees the new head finds its slot free.
   */

  /** {@link #offer}: the read is in the buffer. */
  static final int RECORDED = 0;

  /** {@link #offer}: dropped, another reader of the stripe won the slot. */
  static final int DROPPED = 1;

  /** {@link #offer}: dropped, the stripe is full; the caller should drain if it can. */
  static final int FULL = 2;

  static final int SLOTS = 16;
  private static final int SLOT_MASK = SLOTS - 1;

  private final Stripe[] stripes;
  private final int stripeMask;

  ReadBuffer() {
    int wanted =
        Math.min(64, Integer.highestOneBit(Runtime.getRuntime().availableProcessors()) * 4);
    stripes = new Stripe[Math.max(2, wanted)];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Stripe();
    }
    stripeMask = stripes.length - 1;
  }

  private Stripe stripe() {
    long id = Thread.currentThread().threadId();
    int mixed = (int) ((id * 0x9E3779B97F4A7C15L) >>> 32);
    return stripes[mixed & stripeMask];
  }

  /** Records a read of {@code entry}; lock-free, never waits. */
  int offer(CacheEntry entry) {
    Stripe stripe = stripe();
    long tail = stripe.loTail();
    long size = tail - stripe.laHead();
    if (size >= SLOTS) {
      return FULL;
    }
    if (!stripe.casTail(tail, tail + 1)) {
      return DROPPED;
    }
    stripe.ring.setRelease((int) tail & SLOT_MASK, entry);
    return RECORDED;
  }

  /** Hands every recorded read to {@code policy}; the caller holds the policy lock. */
  void drain(Consumer<CacheEntry> policy) {
    for (Stripe stripe : stripes) {
      long head = stripe.laHead();
      long tail = stripe.loTail();
      while (head < tail) {
        int slot = (int) head & SLOT_MASK;
        CacheEntry entry = stripe.ring.getAcquire(slot);
        if (entry == null) {
          break; // its reader won the slot but has not stored it yet
        }
        stripe.ring.setPlain(slot, null);
        head++;
        policy.accept(entry);
      }
      stripe.soHead(head);
    }
  }

  /** Forgets every recorded read; the caller holds the policy lock. */
  void clear() {
    drain(entry -> {});
  }

  // ---- the stripe: tail and head on separate cache lines ----

  @SuppressWarnings("unused")
  private abstract static class PadBeforeTail {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  private abstract static class Tail extends PadBeforeTail {
    volatile long tail;
  }

  @SuppressWarnings("unused")
  private abstract static class PadBeforeHead extends Tail {
    long p10, p11, p12, p13, p14, p15, p16, p17;
  }

  private abstract static class Head extends PadBeforeHead {
    volatile long head;
  }

  @SuppressWarnings("unused")
  private abstract static class PadAfterHead extends Head {
    long p20, p21, p22, p23, p24, p25, p26, p27;
  }

  private static final class Stripe extends PadAfterHead {
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TAIL = lookup.findVarHandle(Tail.class, "tail", long.class);
        HEAD = lookup.findVarHandle(Head.class, "head", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final AtomicReferenceArray<CacheEntry> ring = new AtomicReferenceArray<>(SLOTS);

    long loTail() {
      return (long) TAIL.getOpaque(this);
    }

    boolean casTail(long expected, long next) {
      return TAIL.compareAndSet(this, expected, next);
    }

    long laHead() {
      return (long) HEAD.getAcquire(this);
    }

    void soHead(long next) {
      HEAD.setRelease(this, next);
    }
  }
}
