package io.jets.property;

import java.util.concurrent.ThreadLocalRandom;

/** Seeds for random sequences: fresh each run, or the one given by {@code -Djets.property.seed}. */
final class Seeds {

  private Seeds() {}

  /** {@code count} fresh seeds, or only the replayed seed if one was given. */
  static long[] seeds(int salt, int count) {
    Long replay = Budget.replaySeed();
    if (replay != null) {
      return new long[] {replay};
    }
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) {
      seeds[i] = ThreadLocalRandom.current().nextLong() ^ salt;
    }
    return seeds;
  }
}
