package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.WriteConcurrency;
import io.jets.table.spi.StoredObject;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A set's bucket array doubles when its keys reach 0.75 of its buckets, as ConcurrentHashMap's
 * does, in every write mode: the lookup benchmarks compare tables of the same load.
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

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void theTableDoublesExactlyWhenItsKeysReachThreeQuartersOfItsBuckets(WriteConcurrency mode) {
    HashStore store = new HashStore(mode, false, false);
    Random random = new Random(7); // the benchmarks' keys, whose cells are skewed
    Set<Integer> seen = new HashSet<>();
    for (int capacity = store.capacity(); capacity <= 1 << 16; capacity = store.capacity()) {
      int limit = capacity / 4 * 3;
      while (seen.size() < limit - 1) {
        Integer key = random.nextInt();
        if (seen.add(key)) {
          insert(store, key);
        }
      }
      assertEquals(capacity, store.capacity(), "one key under the limit: not doubled yet");
      Integer last;
      do {
        last = random.nextInt();
      } while (!seen.add(last));
      insert(store, last);
      assertEquals(limit, store.keys());
      assertEquals(2 * capacity, store.capacity(), mode + ": doubled at " + limit + " keys");
    }
  }
}
