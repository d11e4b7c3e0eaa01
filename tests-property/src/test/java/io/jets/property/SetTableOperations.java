package io.jets.property;

import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.SetTable;
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
 * insertNew, lookup, get, member, delete, deleteObject, take, updateCounter, and the multi-object
 * insertAll, insertNewAll and deleteAllObjects; selectReplace on one exact key, used as
 * compare-and-set, is atomic per object and so linearizable too. Traversals (first/next, select
 * over many keys, foldl, toList) are <em>not</em> linearizable, only weakly consistent, and are not
 * operations here; {@code ContractScenarioTest} checks their own guarantee.
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

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final SetTable<Integer, Integer> table;

  public SetTableOperations() {
    table =
        LincheckTables.track(
            configs
                .get(Math.floorMod(NEXT.getAndIncrement(), configs.size()))
                .buildSet("lincheck"));
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
  public Integer get(@Param(name = "key") int key) {
    return table.get(key);
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
  public long updateCounter(@Param(name = "key") int key, @Param(name = "value") int increment) {
    return table.updateCounter(key, increment, 0);
  }

  /** Two objects, on key and on the next key (mod 3), so batches overlap single-key writes. */
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

  /** selectReplace used as compare-and-set: value := value + 1 only if it still equals expected. */
  @Operation
  public long compareAndSet(@Param(name = "key") int key, @Param(name = "value") int expected) {
    MatchSpec<Integer, Integer, Map.Entry<Integer, Integer>> cas =
        MatchSpec.<Integer, Integer>where(KeyPattern.exact(key))
            .guard((k, v) -> v == expected)
            .replaceValue((k, v) -> v + 1);
    return table.selectReplace(cas);
  }
}
