package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Buckets of colliding keys become balanced trees and back, with the same results and the same
 * traversal order as chains: checked against a model, through the store and through a table.
 */
class TreeBinTest {

  /** Comparable keys whose hash codes collide: all of them, or by {@code id % buckets}. */
  record Same(int id, int hash) implements Comparable<Same> {
    Same(int id) {
      this(id, 7);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public int compareTo(Same other) {
      return Integer.compare(id, other.id);
    }
  }

  /** Colliding keys with no order of their own. */
  record Plain(int id) {
    @Override
    public int hashCode() {
      return 7;
    }
  }

  /** Keys with no order, colliding as the test chooses. */
  record Loose(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Unequal keys that compare as equal: a broken order a tree must not trust. */
  record Tied(int id) implements Comparable<Tied> {
    @Override
    public int hashCode() {
      return 7;
    }

    @Override
    public int compareTo(Tied other) {
      return 0;
    }
  }

  private static void put(HashStore store, Object key, Object value) {
    Object lock = store.lock(key);
    try {
      StoredObject present = store.findLocked(lock, key);
      store.putLocked(
          lock, present, key, value, (value == null ? 0 : 1) - (present == null ? 0 : 1));
    } finally {
      store.unlock(lock);
    }
  }

  private static List<Object> traversal(HashStore store) {
    List<Object> keys = new ArrayList<>();
    for (StoredObject o = store.step(null, true); o != null; o = store.step(o.key, true)) {
      keys.add(o.key);
    }
    return keys;
  }

  private static List<Object> scanned(HashStore store) {
    List<Object> keys = new ArrayList<>();
    store.scan(null, false, false, null, o -> keys.add(o.key));
    return keys;
  }

  @Test
  void aLongBucketOfComparableKeysBecomesATreeAndAShortOneAChainAgain() {
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false);
    for (int i = 0; i < TreeBin.TREE_AT - 1; i++) {
      put(store, new Same(i), i);
    }
    assertInstanceOf(Node.class, store.find(new Same(0)));
    put(store, new Same(TreeBin.TREE_AT - 1), 0);
    assertInstanceOf(TreeNode.class, store.find(new Same(0)));
    for (int i = TreeBin.TREE_AT - 1; i >= TreeBin.CHAIN_AT; i--) {
      put(store, new Same(i), null);
    }
    assertInstanceOf(Node.class, store.find(new Same(0)));
    assertEquals(TreeBin.CHAIN_AT, store.objects());
  }

  @Test
  void keysWithoutAnOrderFormATreeFoundByEqualsAndKeysWithABrokenOneStayInChains() {
    HashStore plain = new HashStore(WriteConcurrency.OFF, false, false);
    HashStore tied = new HashStore(WriteConcurrency.OFF, false, false);
    for (int i = 0; i < 50; i++) {
      put(plain, new Plain(i), i);
      put(tied, new Tied(i), i);
    }
    for (int i = 0; i < 50; i++) {
      assertEquals(i, plain.find(new Plain(i)).laValue(), "an equal instance, not the stored one");
      assertEquals(i, tied.find(new Tied(i)).laValue());
    }
    assertNull(plain.find(new Plain(50)));
    assertInstanceOf(TreeNode.class, plain.find(new Plain(0)));
    assertInstanceOf(Node.class, tied.find(new Tied(0)));
    assertEquals(50, traversal(plain).size());
    assertEquals(50, traversal(tied).size());
    put(plain, new Plain(7), null); // removed through an equal instance
    assertNull(plain.find(new Plain(7)));
    assertEquals(49, plain.objects());
  }

  /** Two distinct keys with no order whose identity hash codes are equal: the tie order ties. */
  private static Plain[] identityTwins() {
    Map<Integer, Plain> seen = new HashMap<>();
    for (int i = 1_000; ; i++) {
      Plain key = new Plain(i);
      Plain twin = seen.putIfAbsent(System.identityHashCode(key), key);
      if (twin != null) {
        return new Plain[] {twin, key};
      }
    }
  }

  @Test
  void keysWithoutAnOrderWhoseIdentityHashesTieStayInATreeInInsertionOrder() {
    Plain[] twins = identityTwins();
    assertEquals(0, BucketChain.tieOrder(twins[0], twins[1]), "the tie order ties them");
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false);
    for (int i = 0; i < 20; i++) {
      put(store, new Plain(i), i);
    }
    put(store, twins[1], "second");
    put(store, twins[0], "first");
    assertInstanceOf(TreeNode.class, store.find(twins[0]), "still a tree, not a chain");
    assertEquals("first", store.find(twins[0]).laValue());
    assertEquals("second", store.find(twins[1]).laValue());
    List<Object> walk = traversal(store);
    assertEquals(22, walk.size());
    assertEquals(22, new HashSet<>(walk).size(), "each key once");
    int second = walk.indexOf(twins[1]);
    int first = walk.indexOf(twins[0]);
    assertTrue(second < first, "tied keys in insertion order: " + second + ", " + first);
    put(store, twins[1], null);
    assertNull(store.find(twins[1]));
    assertEquals("first", store.find(twins[0]).laValue(), "its twin stays");
    put(store, twins[1], "again");
    walk = traversal(store);
    assertEquals(22, new HashSet<>(walk).size());
    assertTrue(walk.indexOf(twins[0]) < walk.indexOf(twins[1]), "re-added after its twin");
  }

  @Test
  void aKeyOfAnotherClassTurnsATreeBackIntoAChainAndEveryKeyStaysFound() {
    HashStore store = new HashStore(WriteConcurrency.ON, false, false);
    for (int i = 0; i < 40; i++) {
      put(store, new Same(i), i);
    }
    List<Object> before = traversal(store);
    put(store, new Plain(1), "plain"); // Plain(1) and Same(i) share the hash code 7
    assertInstanceOf(Node.class, store.find(new Same(0)));
    for (int i = 0; i < 40; i++) {
      assertEquals(i, store.find(new Same(i)).laValue());
    }
    assertEquals("plain", store.find(new Plain(1)).laValue());
    List<Object> after = traversal(store);
    after.remove(new Plain(1));
    assertEquals(before, after, "the chain keeps the tree's order");
  }

  /**
   * Seeded random inserts, replaces and deletes of keys in few buckets (so chains and trees form,
   * split on resize and shrink), checked after every step against a model: lookups, the count, and
   * the traversal order, which must not depend on the form a bucket takes.
   */
  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void randomWritesAgreeWithAModelWhateverFormTheBucketsTake(WriteConcurrency mode) {
    for (long seed = 1; seed <= 8; seed++) {
      Random random = new Random(seed);
      HashStore store = new HashStore(mode, false, false);
      Map<Object, Integer> model = new HashMap<>();
      int buckets = 1 + random.nextInt(3);
      boolean comparable = seed % 2 == 0;
      for (int step = 0; step < 3_000; step++) {
        int id = random.nextInt(400);
        // Hashes differ in their high bits only: such keys share a bucket until the table is big.
        Object key =
            comparable ? new Same(id, (id % buckets) << 20) : new Loose(id, (id % buckets) << 20);
        if (random.nextInt(3) == 0) {
          put(store, key, null);
          model.remove(key);
        } else {
          put(store, key, step);
          model.put(key, step);
        }
        int probeId = random.nextInt(400);
        Object probe =
            comparable
                ? new Same(probeId, (probeId % buckets) << 20)
                : new Loose(probeId, (probeId % buckets) << 20);
        StoredObject found = store.find(probe);
        assertEquals(model.get(probe), found == null ? null : found.laValue(), "seed " + seed);
      }
      assertEquals(model.size(), store.objects());
      List<Object> walked = traversal(store);
      assertEquals(model.size(), walked.size());
      assertEquals(model.keySet(), new HashSet<>(walked));
      assertEquals(walked, scanned(store));
      if (comparable) { // the identity order of Loose keys is the stored instances'
        assertEquals(walked, sortedByChainOrder(model.keySet()));
      }
    }
  }

  private static List<Object> sortedByChainOrder(Set<Object> keys) {
    TreeMap<Object, Object> sorted = new TreeMap<>(TreeBin.ORDER);
    for (Object key : keys) {
      sorted.put(key, key);
    }
    return new ArrayList<>(sorted.keySet());
  }

  @Test
  void aTraversalStepsOnFromADeletedKeyOfATree() {
    HashStore store = new HashStore(WriteConcurrency.OFF, false, false);
    for (int i = 0; i < 30; i++) {
      put(store, new Same(i), i);
    }
    assertInstanceOf(TreeNode.class, store.find(new Same(10)));
    put(store, new Same(10), null);
    assertEquals(new Same(11), store.step(new Same(10), true).key);
    assertNull(store.step(new Same(29), true));
  }

  /** Colliding Comparable keys of which one refuses to be compared. */
  record Fragile(int id, boolean explodes) implements Comparable<Fragile> {
    @Override
    public int hashCode() {
      return 7;
    }

    @Override
    public int compareTo(Fragile other) {
      if (explodes || other.explodes) {
        throw new IllegalStateException("compareTo refused: " + id);
      }
      return Integer.compare(id, other.id);
    }
  }

  @Test
  void aBatchIntoATreeWhoseKeyOrderThrowsChangesNothing() {
    SetTable<Fragile, Integer> table =
        Tables.<Fragile, Integer>set("fragile-tree").access(Access.PUBLIC).build();
    try {
      for (int i = 0; i < 20; i++) {
        table.insert(new Fragile(i, false), i);
      }
      List<Map.Entry<Fragile, Integer>> batch =
          List.of(
              Map.entry(new Fragile(100, false), 100),
              Map.entry(new Fragile(5, false), -5),
              Map.entry(new Fragile(101, true), 101));
      IllegalStateException thrown =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalStateException.class, () -> table.insertAll(batch));
      assertTrue(thrown.getMessage().startsWith("compareTo refused"));
      assertEquals(20, table.size());
      assertNull(table.get(new Fragile(100, false)));
      assertEquals(5, table.get(new Fragile(5, false)));

      table.insertAll(batch.subList(0, 2));
      assertEquals(21, table.size());
      assertEquals(100, table.get(new Fragile(100, false)));
      assertEquals(-5, table.get(new Fragile(5, false)));
    } finally {
      table.delete();
    }
  }

  @Test
  void aTableOfManyCollidingStringsFindsEveryOne() {
    // "Aa" and "BB" share a hash code, so all 2^12 strings of 12 such pairs do.
    SetTable<String, Integer> table =
        Tables.<String, Integer>set("colliding-strings").access(Access.PUBLIC).build();
    try {
      List<String> keys = new ArrayList<>();
      for (int bits = 0; bits < 1 << 12; bits++) {
        StringBuilder key = new StringBuilder();
        for (int b = 0; b < 12; b++) {
          key.append((bits >>> b & 1) == 0 ? "Aa" : "BB");
        }
        keys.add(key.toString());
      }
      for (int i = 0; i < keys.size(); i++) {
        table.insert(keys.get(i), i);
      }
      assertEquals(1, new HashSet<>(keys.stream().map(String::hashCode).toList()).size());
      for (int i = 0; i < keys.size(); i++) {
        assertEquals(i, table.get(keys.get(i)));
      }
      for (int i = 0; i < keys.size(); i += 2) {
        assertTrue(table.delete(keys.get(i)));
      }
      assertEquals(keys.size() / 2, table.size());
      int seen = 0;
      for (String k = table.first(); k != null; k = table.next(k)) {
        seen++;
      }
      assertEquals(keys.size() / 2, seen);
    } finally {
      table.delete();
    }
  }
}
