package io.jets.bench;

import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A range select of 1, 64 and 512 consecutive keys against iterating the skip list's {@code subMap}
 * over the same keys, on the dense keys {@link OrderedBenchmark} uses: the difference between two
 * lengths, divided by the keys between them, is the cost per element without the descent to the
 * first key. A select builds its result list, as does copying {@code subMap}'s values into an
 * {@code ArrayList}; the iterations (the skip list's {@code subMap} and the table's map view,
 * {@code asNavigableMap().subMap}) build nothing.
 *
 * <p>The keys are inserted in ascending order (a leaf filled in key order: its values lie side by
 * side, and a select copies them whole) or in a shuffled order ({@code inserted}: leaves filled in
 * place out of order, whose values a select copies one by one). Each structure holds its own boxes
 * (with shared boxes, a collection placed each box beside whichever structure it reached first, we
 * believe, and forks of one jar differed by up to 2.3x: Run W in BENCHMARKS.md).
 *
 * <p>Where each structure's objects lie in memory moves the skip list's iteration of shuffled keys
 * by up to 4x (Run Z): {@code layout} chooses it. To measure the order allocation left, with no
 * collection copying either structure, run {@code layout=compacted} with a young generation the
 * setup cannot fill ({@code -jvmArgsAppend "-Xms4g -Xmx4g -Xmn3g -XX:+AlwaysPreTouch"}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderedRangeLengthBenchmark {

  @Param({"1", "64", "512"})
  int length;

  @Param({"ascending", "shuffled"})
  String inserted;

  /**
   * Where the setup leaves both structures in memory: {@code compacted}, a full collection after
   * the build (each object where the setup's allocations, and whichever young collection fell
   * during them, put it: the layout varies between forks); {@code copied}, a young collection right
   * after the build and then a full one ({@link HeapLayout#copyOnce}: each object where a copying
   * collection reaching it from the roots puts it, the same in every fork).
   */
  @Param({"compacted", "copied"})
  String layout;

  private Integer[] slots;
  private OrderedTable<Integer, Integer> on;
  private ConcurrentNavigableMap<Integer, Integer> onView;
  private ConcurrentSkipListMap<Integer, Integer> skipList;

  @Setup
  public void populate() {
    Integer[] items = KeyLayout.denseItems();
    slots = KeyLayout.slots(items);
    on = OrderedBenchmark.ordered("ordered-on", WriteConcurrency.ON);
    onView = on.asNavigableMap();
    skipList = new ConcurrentSkipListMap<>();
    Integer[] order = items.clone();
    if (inserted.equals("shuffled")) {
      Collections.shuffle(Arrays.asList(order), new Random(11));
    }
    for (Integer key : order) {
      on.insert(key, key);
      Integer own = Integer.valueOf(key.intValue()); // the skip list's own box (beyond the cache)
      skipList.put(own, own);
    }
    if (layout.equals("copied")) {
      HeapLayout.copyOnce();
    } else {
      System.gc(); // both compacted, in whatever order the setup's allocations left them
    }
  }

  @TearDown
  public void drop() {
    on.delete();
  }

  @Benchmark
  public void selectOn(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    List<Integer> values =
        on.select(
            MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + length, false))
                .returnValue());
    for (Integer value : values) {
      sink.consume(value);
    }
  }

  /** A reverse select: the same keys, last to first. */
  @Benchmark
  public void selectReverseOn(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    List<Integer> values =
        on.selectReverse(
            MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + length, false))
                .returnValue());
    for (Integer value : values) {
      sink.consume(value);
    }
  }

  /**
   * The walk of a select without its result list: a range count whose guard takes every value, as
   * the iterations below take every value; nothing built.
   */
  @Benchmark
  public long walkOn(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    return on.selectCount(
        MatchSpec.<Integer, Integer>where(KeyPattern.range(from, true, from + length, false))
            .guard(
                (key, value) -> {
                  sink.consume(value);
                  return true;
                })
            .returnTrue());
  }

  /** The same keys through the table's map view: a cursor on the leaves, nothing built. */
  @Benchmark
  public void mapViewSubMapOn(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    for (Integer value : onView.subMap(from, true, from + length, false).values()) {
      sink.consume(value);
    }
  }

  @Benchmark
  public void skipListSubMap(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    for (Integer value : skipList.subMap(from, true, from + length, false).values()) {
      sink.consume(value);
    }
  }

  /** The baseline of a reverse select: the skip list's {@code subMap} iterated last to first. */
  @Benchmark
  public void skipListSubMapDescending(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    for (Integer value :
        skipList.subMap(from, true, from + length, false).descendingMap().values()) {
      sink.consume(value);
    }
  }

  /** The skip list's counterpart of a select: the same values copied into a list, then read. */
  @Benchmark
  public void skipListSubMapToList(ThreadCursor cursor, Blackhole sink) {
    int from = slots[cursor.next()];
    List<Integer> values =
        new ArrayList<>(skipList.subMap(from, true, from + length, false).values());
    for (Integer value : values) {
      sink.consume(value);
    }
  }
}
