package io.jets.property;

import io.jets.table.BagTable;
import io.jets.table.MissingKeyException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The Lincheck subject for BAG and DUPLICATE_BAG tables, on keys 1..3 and values 1..2 (so bags meet
 * equal objects). Its sequential specification is {@link BagTableSpec}.
 *
 * <p>Claimed linearizable here: insert, insertNew, lookup, lookupObjects, lookupElement, count,
 * member, delete, deleteObject, take, takeObjects, and the multi-object insertAll, insertNewAll and
 * deleteAllObjects. Traversals are only weakly consistent and are checked by {@code
 * ContractScenarioTest}, not here. Bags have no counters and reject selectReplace, as in ETS.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public class BagTableOperations {

  /**
   * The configurations the next instances cycle through, one per invocation, so that one Lincheck
   * run (whose class instrumentation is the expensive part) covers them all; set by the JUnit test
   * before each check. They all share one type's semantics, that of {@link #configs}' first.
   */
  static volatile List<TableConfig> configs;

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final BagTable<Integer, Integer> table;

  public BagTableOperations() {
    table =
        LincheckTables.track(
            configs
                .get(Math.floorMod(NEXT.getAndIncrement(), configs.size()))
                .buildBag("lincheck"));
  }

  @Operation
  public void insert(@Param(name = "key") int key, @Param(name = "value") int value) {
    table.insert(key, value);
  }

  @Operation
  public boolean insertNew(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.insertNew(key, value);
  }

  @Operation
  public List<Integer> lookup(@Param(name = "key") int key) {
    return table.lookup(key);
  }

  @Operation
  public List<Map.Entry<Integer, Integer>> lookupObjects(@Param(name = "key") int key) {
    return LincheckTables.entries(table.lookupObjects(key));
  }

  /** Ten times each value; null when the key is absent (the call throws MissingKeyException). */
  @Operation
  public List<Integer> lookupElement(@Param(name = "key") int key) {
    try {
      return table.lookupElement(key, v -> v * 10);
    } catch (MissingKeyException absent) {
      return null;
    }
  }

  @Operation
  public int count(@Param(name = "key") int key) {
    return table.count(key);
  }

  @Operation
  public boolean member(@Param(name = "key") int key) {
    return table.member(key);
  }

  @Operation
  public boolean delete(@Param(name = "key") int key) {
    return table.delete(key);
  }

  @Operation
  public boolean deleteObject(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.deleteObject(key, value);
  }

  @Operation
  public List<Integer> take(@Param(name = "key") int key) {
    return table.take(key);
  }

  @Operation
  public List<Map.Entry<Integer, Integer>> takeObjects(@Param(name = "key") int key) {
    return LincheckTables.entries(table.takeObjects(key));
  }

  @Operation
  public void insertAll(@Param(name = "key") int key, @Param(name = "value") int value) {
    table.insertAll(LincheckTables.pair(key, value));
  }

  @Operation
  public boolean insertNewAll(@Param(name = "key") int key, @Param(name = "value") int value) {
    return table.insertNewAll(LincheckTables.pair(key, value));
  }

  @Operation
  public void deleteAllObjects() {
    table.deleteAllObjects();
  }
}
