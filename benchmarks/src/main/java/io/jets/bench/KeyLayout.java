package io.jets.bench;

import java.util.Random;

/**
 * The key layout of Caffeine's GetPutBenchmark: a pre-populated set of about 24k Integer keys,
 * visited through a 32k-slot array of keys drawn from it, with a cursor per thread.
 */
final class KeyLayout {

  /** Slots in the access array; a power of two so a cursor wraps with a mask. */
  static final int SLOTS = 2 << 14;
  static final int MASK = SLOTS - 1;
  /** Distinct keys, pre-populated before measuring. */
  static final int ITEMS = 24_576;

  private KeyLayout() {}

  /** The distinct keys, 0 .. ITEMS-1, boxed once. */
  static Integer[] items() {
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
