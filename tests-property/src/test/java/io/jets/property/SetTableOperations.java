package io.jets.property;

import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.MissingKeyException;
import io.jets.table.SetTable;
import io.jets.table.TableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The Lincheck subject for SET and ORDERED_SET tables: every operation the contract calls
 * linearizable, on keys 1..3 so that operations conflict. Its sequential specification is {@link
 * SetTableSpec}.
 *
 * <p>Claimed linearizable here (see {@code io.jets.table}'s package documentation): insert,
 * insertNew, lookup, lookupObjects, get, getOrDefault, lookupElement, member, delete, deleteObject,
 * take, takeObjects, updateCounter, update, and the multi-object insertAll, insertNewAll and
 * deleteAllObjects; selectReplace on one exact key, used as compare-and-set, is atomic per object
 * and so linearizable too. Traversals (first/next, select over many keys, foldl, toList) are
 * <em>not</em> linearizable, only weakly consistent, and are not operations here; {@code
 * ContractScenarioTest} checks their own guarantee.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class SetTableOperations {

  /**
   * The configurations the next instances cycle through, one per invocation, so that one Lincheck
   * run (whose class instrumentation is the expensive part) covers them all; set by the JUnit test
   * before each check. They all share one type's semantics, that of {@link #configs}' first.
   */
  static volatile List<TableConfig> configs;

  /**
   * Set by the JUnit test: on hash sets, keys 1..3 become 1, 257 and 513, which share one bucket
   * with {@link #FILLERS} more keys (in the 16, 64 or 256 buckets a small table has), so that
   * bucket turns from a chain into a tree when all three are present and back when two are gone;
   * the model does not change.
   */
  static volatile boolean colliding;

  /** Keys beside the operated ones in the colliding bucket: 8 with all three makes it a tree. */
  private static final int FILLERS = 5;

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final SetTable<Integer, Integer> table;
  private final boolean collide;

  public SetTableOperations() {
    TableConfig config = configs.get(Math.floorMod(NEXT.getAndIncrement(), configs.size()));
    table = LincheckTables.track(config.buildSet("lincheck"));
    collide = colliding && config.type() == TableType.SET;
    if (collide) {
      for (int filler = 4; filler < 4 + FILLERS; filler++) {
        table.insert(k(filler), 0);
      }
    }
  }

  /** The table key of operation key {@code key}. */
  private int k(int key) {
    return collide ? 1 + 256 * (key - 1) : key;
  }

  /** The operation key of table key {@code tableKey}: the inverse of {@link #k}. */
  private int unk(int tableKey) {
    return collide ? (tableKey - 1) / 256 + 1 : tableKey;
  }

  /** {@code objects} with their table keys turned back into operation keys. */
  private List<Map.Entry<Integer, Integer>> objects(List<Map.Entry<Integer, Integer>> objects) {
    List<Map.Entry<Integer, Integer>> result = new ArrayList<>(objects.size());
    for (Map.Entry<Integer, Integer> object : objects) {
      result.add(Map.entry(unk(object.getKey()), object.getValue()));
    }
    return result;
  }

  private List<Map.Entry<Integer, Integer>> pair(int key, int value) {
    List<Map.Entry<Integer, Integer>> pair = LincheckTables.pair(key, value);
    return List.of(
        Map.entry(k(pair.get(0).getKey()), pair.get(0).getValue()),
        Map.entry(k(pair.get(1).getKey()), pair.get(1).getValue()));
  }

  @Operation
  public void insert(@Param(name = "key") int key, @Param(name = "value") int value) {
    table.insert(k(key), value);
  }

  @Operation
  public boolean insertNew(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.insertNew(k(key), value);
  }

  @Operation
  public List<Integer> lookup(@Param(name = "key") int key) {
    return table.lookup(k(key));
  }

  @Operation
  public List<Map.Entry<Integer, Integer>> lookupObjects(@Param(name = "key") int key) {
    return objects(table.lookupObjects(k(key)));
  }

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return table.get(k(key));
  }

  /** A default no stored value equals, so that it tells an absent key from a present one. */
  @Operation
  public Integer getOrDefault(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.getOrDefault(k(key), -value);
  }

  /** Ten times the value; null when the key is absent (the call throws MissingKeyException). */
  @Operation
  public Integer lookupElement(@Param(name = "key") int key) {
    try {
      return table.lookupElement(k(key), v -> v * 10);
    } catch (MissingKeyException absent) {
      return null;
    }
  }

  @Operation
  public boolean member(@Param(name = "key") int key) {
    return table.member(k(key));
  }

  @Operation
  public boolean delete(@Param(name = "key") int key) {
    return table.delete(k(key));
  }

  @Operation
  public boolean deleteObject(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.deleteObject(k(key), value);
  }

  @Operation
  public List<Integer> take(@Param(name = "key") int key) {
    return table.take(k(key));
  }

  @Operation
  public List<Map.Entry<Integer, Integer>> takeObjects(@Param(name = "key") int key) {
    return objects(table.takeObjects(k(key)));
  }

  @Operation
  public boolean update(@Param(name = "key") int key, @Param(name = "value") int increment) {
    return table.update(k(key), v -> v + increment);
  }

  @Operation
  public long updateCounter(@Param(name = "key") int key, @Param(name = "value") int increment) {
    return table.updateCounter(k(key), increment, 0);
  }

  /** Two objects, on key and on the next key (mod 3), so batches overlap single-key writes. */
  @Operation
  public void insertAll(@Param(name = "key") int key, @Param(name = "value") int value) {
    table.insertAll(pair(key, value));
  }

  @Operation
  public boolean insertNewAll(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.insertNewAll(pair(key, value));
  }

  @Operation
  public void deleteAllObjects() {
    table.deleteAllObjects();
  }

  /** selectReplace used as compare-and-set: value := value + 1 only if it still equals expected. */
  @Operation
  public long compareAndSet(@Param(name = "key") int key, @Param(name = "value") int expected) {
    MatchSpec<Integer, Integer, Map.Entry<Integer, Integer>> cas =
        MatchSpec.<Integer, Integer>where(KeyPattern.exact(k(key)))
            .guard((k, v) -> v == expected)
            .replaceValue((k, v) -> v + 1);
    return table.selectReplace(cas);
  }
}
