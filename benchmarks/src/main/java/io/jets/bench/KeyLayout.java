package io.jets.bench;

import java.util.Random;

/**
 * The key layout of Caffeine's GetPutBenchmark: a pre-populated set of about 24k Integer keys,
 * visited through a 32k-slot array of keys drawn from it, with a cursor per thread. As there, the
 * key values are scrambled (Caffeine draws them from a scrambled Zipfian generator), so that no
 * structure gets a collision-free layout from consecutive integers that real keys never give.
 * Ordered benchmarks that scan key ranges use {@link #denseItems()} instead.
 */
final class KeyLayout {

  /** Slots in the access array; a power of two so a cursor wraps with a mask. */
  static final int SLOTS = 2 << 14;

  static final int MASK = SLOTS - 1;

  /** Distinct keys, pre-populated before measuring. */
  static final int ITEMS = 24_576;

  private KeyLayout() {}

  /** ITEMS distinct scrambled keys, boxed once, from a fixed seed. */
  static Integer[] items() {
    Random random = new Random(7);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    Integer[] items = new Integer[ITEMS];
    for (int i = 0; i < ITEMS; ) {
      int key = random.nextInt();
      if (seen.add(key)) {
        items[i++] = key;
      }
    }
    return items;
  }

  /** The distinct keys 0 .. ITEMS-1, boxed once: for benchmarks that scan key ranges. */
  static Integer[] denseItems() {
    Integer[] items = new Integer[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      items[i] = i;
    }
    return items;
  }

  /** The access array: SLOTS references into {@code items}, drawn with a fixed seed. */
  static Integer[] slots(Integer[] items) {
    Random random = new Random(42);
    Integer[] slots = new Integer[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      slots[i] = items[random.nextInt(items.length)];
    }
    return slots;
  }
}
