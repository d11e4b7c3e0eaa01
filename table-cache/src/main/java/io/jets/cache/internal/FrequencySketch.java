package io.jets.cache.internal;

/**
 * A count-min sketch of 4-bit counters that estimates how often each key was used recently: the
 * frequency filter of TinyLFU [1]. Used only under the policy lock: reads reach it through the read
 * buffer, in batches.
 */
final class FrequencySketch {
  /*
   * Design notes
   *
   * Layout. The table is an array of longs, each holding sixteen 4-bit counters. A key selects one
   * 64-byte block of eight longs from its hash, and its four counters all lie in that block, so an
   * increment touches one cache line (the layout of Caffeine's sketch [2]). The estimate is the
   * smallest of the four counters.
   *
   * Aging. After 10 x table length increments every counter is halved, so that keys that were
   * popular long ago give way to those popular now (TinyLFU's reset).
   *
   * Locking. Every increment, estimate and halving runs under the policy lock, so the counters
   * are plain fields; reads are fed in by whoever drains the read buffer.
   *
   * [1] G. Einziger, R. Friedman, B. Manes, "TinyLFU: A Highly Efficient Cache Admission Policy",
   * ACM ToS 2017.
   * [2] ben-manes/caffeine, FrequencySketch.
   */

  // Counters saturate at 15: enough to rank keys within one aging period, and 16 fit in a long.
  private static final int MAXIMUM_COUNT = 15;
  // Halving clears each counter's high bit into the next lower counter; this mask drops it.
  private static final long HALVE_MASK = 0x7777_7777_7777_7777L;
  // Ten increments per long before aging: TinyLFU's sample size W = 10 x cache size.
  private static final int SAMPLE_FACTOR = 10;

  private final long[] table;
  private final int blockMask;
  private final long sampleSize;
  private long additions;

  /** A sketch for a cache of about {@code expectedKeys} keys. */
  FrequencySketch(long expectedKeys) {
    // One long (16 counters) per expected key, at least one block, at most 2^24 longs (128 MiB/8).
    int length =
        (int) Math.min(1 << 24, Math.max(8, Long.highestOneBit(Math.max(1, expectedKeys) * 2 - 1)));
    table = new long[length];
    blockMask = (length >>> 3) - 1;
    sampleSize = (long) SAMPLE_FACTOR * length;
  }

  /** Records one use of the key with spread hash {@code hash}; called under the policy lock. */
  void increment(int hash) {
    if (add(hash)) {
      additions++;
    }
  }

  private boolean add(int spread) {
    int hash = mix(spread);
    int rehash = rehash(hash);
    int block = (hash & blockMask) << 3;
    boolean added = false;
    for (int i = 0; i < 4; i++) {
      int h = rehash >>> (i << 3);
      int index = block + (h & 7); // one of the block's eight longs
      int shift = ((h >>> 3) & 15) << 2; // one of its sixteen counters
      long word = table[index];
      if (((word >>> shift) & 15) < MAXIMUM_COUNT) {
        table[index] = word + (1L << shift);
        added = true;
      }
    }
    return added;
  }

  /** The estimated recent uses of the key with spread hash {@code hash}, 0 to 15. */
  int frequency(int spread) {
    int hash = mix(spread);
    int rehash = rehash(hash);
    int block = (hash & blockMask) << 3;
    int frequency = MAXIMUM_COUNT;
    for (int i = 0; i < 4; i++) {
      int h = rehash >>> (i << 3);
      int count = (int) ((table[block + (h & 7)] >>> (((h >>> 3) & 15) << 2)) & 15);
      frequency = Math.min(frequency, count);
    }
    return frequency;
  }

  /**
   * Halves every counter once enough increments have been recorded; called under the policy lock.
   */
  void ageIfDue() {
    if (additions < sampleSize) {
      return;
    }
    for (int i = 0; i < table.length; i++) {
      table[i] = (table[i] >>> 1) & HALVE_MASK;
    }
    additions = (additions - sampleSize) >>> 1;
  }

  /**
   * A key's spread hash ({@code BucketChain.spread}: its hash code with the high half folded in,
   * whose high bits are all zero for small integer keys) mixed by murmur3's finalizer, so that
   * every bit reaches the bits that pick the block and the counters.
   */
  private static int mix(int spread) {
    int h = spread; // murmur3's fmix32
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** A second, independent mix of the hash: its four bytes pick the four counters. */
  private static int rehash(int hash) {
    int h = hash * 0x31848bab;
    return h ^ (h >>> 14);
  }
}
