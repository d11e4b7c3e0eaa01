package io.jets.table.internal.hash;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A writer lock of a {@link StripedBuckets}, padded against false sharing, with its contention
 * statistic.
 */
@SuppressWarnings("unused")
public final class Stripe extends ReentrantLock {
  private static final long serialVersionUID = 1L;
  long p01, p02, p03, p04, p05, p06, p07;
  int contention; // guarded by this lock
  boolean crowded; // guarded by this lock: a write under it passed the load limit
  long q01, q02, q03, q04, q05, q06, q07;
}
