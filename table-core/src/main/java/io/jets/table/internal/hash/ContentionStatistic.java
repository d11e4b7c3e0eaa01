package io.jets.table.internal.hash;

/**
 * The contention statistic of an adaptive table's stripe, as in the CA tree [1]: a contended
 * acquisition adds {@link #CONTENDED_INCREMENT}, an uncontended one subtracts one; a stripe past
 * {@link #GROW_AT} asks for more stripes, one at {@link #SHRINK_AT} for fewer (see {@link
 * StripedBuckets}).
 *
 * <p>[1] K. Sagonas, K. Winblad. Contention adapting search trees. ISPDC 2015.
 */
final class ContentionStatistic {

  private ContentionStatistic() {}

  /** Added to a stripe's statistic per contended acquisition (the CA tree's value [1]). */
  static final int CONTENDED_INCREMENT = 250;

  /** About four net contended acquisitions on one stripe make the table grow its stripes. */
  static final int GROW_AT = 1000;

  /** About 100,000 net uncontended acquisitions on one stripe make the table halve its stripes. */
  static final int SHRINK_AT = -100_000;

  /**
   * A stripe's statistic after a contended acquisition: up by CONTENDED_INCREMENT, but never past
   * twice GROW_AT. At the most stripes a hot stripe keeps asking to grow and nothing resets it; an
   * unbounded statistic would wrap negative after about 8.6 million contended acquisitions and then
   * shrink the stripes of the hottest table.
   */
  static int afterContended(int statistic) {
    return statistic >= 2 * GROW_AT - CONTENDED_INCREMENT
        ? 2 * GROW_AT
        : statistic + CONTENDED_INCREMENT;
  }

  /** A stripe's statistic after an uncontended acquisition: down by one, never below SHRINK_AT. */
  static int afterUncontended(int statistic) {
    return statistic > SHRINK_AT ? statistic - 1 : SHRINK_AT;
  }

  /** Whether a stripe's statistic asks for more stripes. */
  static boolean wantsMore(int statistic) {
    return statistic > GROW_AT;
  }

  /** Whether a stripe's statistic asks for fewer stripes. */
  static boolean wantsFewer(int statistic) {
    return statistic <= SHRINK_AT;
  }
}
