package io.jets.bench;

import io.jets.table.Access;
import io.jets.table.BagTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bags against the obvious hand-made alternative: a {@code ConcurrentHashMap} of immutable lists
 * updated with {@code compute}. Every key holds three values. Lookups read a key's values;
 * "insertDelete" adds a fourth value and removes it again (two operations per invocation), so the
 * table does not grow. Target: at most 1.5x the reference for both bag types.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BagBenchmark {

  private static final int VALUES_PER_KEY = 3;

  private Integer[] slots;
  private BagTable<Integer, Integer> bag;
  private BagTable<Integer, Integer> duplicateBag;
  private ConcurrentHashMap<Integer, List<Integer>> reference;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.items();
    slots = KeyLayout.slots(items);
    bag =
        Tables.bag("bench-bag")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.AUTO)
            .build();
    duplicateBag =
        Tables.duplicateBag("bench-dbag")
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.AUTO)
            .build();
    reference = new ConcurrentHashMap<>();
    for (Integer key : items) {
      for (int v = 0; v < VALUES_PER_KEY; v++) {
        bag.insert(key, v);
        duplicateBag.insert(key, v);
        reference.compute(key, (k, list) -> appended(list, k));
      }
    }
  }

  @TearDown
  public void drop() {
    bag.delete();
    duplicateBag.delete();
  }

  private static List<Integer> appended(List<Integer> list, Integer value) {
    if (list == null) {
      return List.of(value);
    }
    List<Integer> grown = new ArrayList<>(list.size() + 1);
    grown.addAll(list);
    grown.add(value);
    return List.copyOf(grown);
  }

  private static List<Integer> removed(List<Integer> list, Integer value) {
    List<Integer> kept = new ArrayList<>(list);
    kept.remove(value);
    return kept.isEmpty() ? null : List.copyOf(kept);
  }

  @Benchmark
  public List<Integer> bagLookup(ThreadCursor cursor) {
    return bag.lookup(slots[cursor.next()]);
  }

  @Benchmark
  public List<Integer> duplicateBagLookup(ThreadCursor cursor) {
    return duplicateBag.lookup(slots[cursor.next()]);
  }

  @Benchmark
  public List<Integer> referenceLookup(ThreadCursor cursor) {
    return reference.get(slots[cursor.next()]);
  }

  @Benchmark
  public boolean bagInsertDelete(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    bag.insert(key, -1);
    return bag.deleteObject(key, -1);
  }

  @Benchmark
  public boolean duplicateBagInsertDelete(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    duplicateBag.insert(key, -1);
    return duplicateBag.deleteObject(key, -1);
  }

  @Benchmark
  public List<Integer> referenceInsertDelete(ThreadCursor cursor) {
    Integer key = slots[cursor.next()];
    reference.compute(key, (k, list) -> appended(list, -1));
    return reference.compute(key, (k, list) -> removed(list, -1));
  }
}
