package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The arithmetic of an AUTO table's per-stripe contention statistic. */
class ContentionStatisticTest {

  @Test
  void contendedAcquisitionsSaturateInsteadOfWrappingNegative() {
    int statistic = 0;
    for (int i = 0; i < 10_000_000; i++) { // past the ~8.6 million that wrapped an int before
      statistic = ContentionStatistic.afterContended(statistic);
      assertTrue(statistic > 0, "wrapped after " + i);
    }
    assertEquals(ContentionStatistic.afterContended(statistic), statistic, "saturated");
    assertTrue(statistic > 1000, "still asks to grow");
  }

  @Test
  void saturationHoldsAtTheEdgesOfTheIntRange() {
    assertTrue(ContentionStatistic.afterContended(Integer.MAX_VALUE) > 0);
    assertTrue(ContentionStatistic.afterUncontended(Integer.MIN_VALUE) < 0);
    assertEquals(
        ContentionStatistic.afterUncontended(Integer.MIN_VALUE),
        ContentionStatistic.afterUncontended(
            ContentionStatistic.afterUncontended(Integer.MIN_VALUE)));
  }

  @Test
  void quietAcquisitionsBringASaturatedStripeBackDownToShrinking() {
    int statistic = Integer.MAX_VALUE;
    statistic = ContentionStatistic.afterContended(statistic);
    int steps = 0;
    while (statistic > -100_000) {
      statistic = ContentionStatistic.afterUncontended(statistic);
      steps++;
    }
    assertTrue(steps < 110_000, "a saturated stripe recovers in bounded time: " + steps);
  }

  /**
   * Seeded sequences of contended and quiet acquisitions against a model in unbounded arithmetic,
   * clamped: the statistic is the model's value on every step, whatever the mix.
   */
  @Test
  void seededSequencesMatchAClampedModel() {
    for (long seed = 1; seed <= 20; seed++) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
      double contendedShare = random.nextDouble();
      int statistic = 0;
      long model = 0;
      for (int i = 0; i < 200_000; i++) {
        boolean contended = random.nextDouble() < contendedShare;
        statistic =
            contended
                ? ContentionStatistic.afterContended(statistic)
                : ContentionStatistic.afterUncontended(statistic);
        model = contended ? Math.min(2_000, model + 250) : Math.max(-100_000, model - 1);
        assertEquals(model, statistic, "seed " + seed + ", step " + i);
      }
    }
  }
}
