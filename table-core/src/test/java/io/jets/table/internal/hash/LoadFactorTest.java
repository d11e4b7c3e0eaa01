package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.WriteConcurrency;
import io.jets.table.spi.StoredObject;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bucket array doubles when its keys reach 0.75 of its buckets, as ConcurrentHashMap's does, in
 * every write mode and counter choice: the lookup benchmarks compare tables of the same load.
 */
class LoadFactorTest {

  private static void insert(HashStore store, Object key) {
    Object lock = store.lock(key);
    try {
      StoredObject present = store.findLocked(lock, key);
      store.putLocked(lock, present, key, key, present == null ? 1 : 0);
    } finally {
      store.unlock(lock);
    }
  }

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of(WriteConcurrency.OFF, false, false),
        Arguments.of(WriteConcurrency.ON, false, false),
        Arguments.of(WriteConcurrency.AUTO, false, false),
        Arguments.of(WriteConcurrency.ON, true, false),
        Arguments.of(WriteConcurrency.AUTO, true, false),
        Arguments.of(WriteConcurrency.OFF, false, true),
        Arguments.of(WriteConcurrency.ON, false, true),
        Arguments.of(WriteConcurrency.AUTO, true, true));
  }

  /**
   * Exactly at the limit when one count knows the table's keys: the single stripe of OFF and of an
   * AUTO table nobody contends (decentralized counters, ETS's default for AUTO, included), or a
   * set's central count, which a writer reads once its stripe is past three quarters of its share
   * (from 1,024 buckets on, where shares are large enough that the key reaching the limit always
   * lands in such a stripe; below, and with several stripes and no central count, the table may
   * double at the first insert into a stripe at its share after the limit, which the pigeonhole
   * principle says exists: here within a few keys). Never before the limit.
   */
  @ParameterizedTest(name = "{0} decentralized={1} bag={2}")
  @MethodSource("stores")
  void theTableDoublesWhenItsKeysReachThreeQuartersOfItsBuckets(
      WriteConcurrency mode, boolean decentralized, boolean bag) {
    HashStore store = new HashStore(mode, decentralized, bag);
    boolean central = mode != WriteConcurrency.OFF && !decentralized && !bag;
    Random random = new Random(7); // the benchmarks' keys, whose cells are skewed
    Set<Integer> seen = new HashSet<>();
    for (int capacity = store.capacity(); capacity <= 1 << 16; capacity = store.capacity()) {
      boolean exact = store.stripeCount() == 1 || (central && capacity >= 1 << 10);
      int limit = capacity / 4 * 3;
      while (seen.size() < limit - 1) {
        insert(store, newKey(random, seen));
      }
      assertEquals(capacity, store.capacity(), "one key under the limit: not doubled yet");
      insert(store, newKey(random, seen));
      int extra = 0;
      for (; !exact && store.capacity() == capacity && extra < 64; extra++) {
        insert(store, newKey(random, seen));
      }
      assertEquals(2 * capacity, store.capacity(), mode + ": doubled at " + seen.size() + " keys");
      assertEquals(exact ? limit : seen.size(), store.keys());
      assertTrue(exact || extra < 64, "doubled within 64 keys of the limit");
    }
  }

  private static Integer newKey(Random random, Set<Integer> seen) {
    Integer key;
    do {
      key = random.nextInt();
    } while (!seen.add(key));
    return key;
  }
}
