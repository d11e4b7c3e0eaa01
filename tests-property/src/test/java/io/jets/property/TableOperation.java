package io.jets.property;

import io.jets.table.BagTable;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.SetTable;
import io.jets.table.Table;
import io.jets.table.TableType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One step of a random operation sequence: what to do, with which arguments. Immutable, so a
 * failing sequence can be replayed and shrunk. {@link #onTable} and {@link #onModel} must return
 * equal results.
 */
record TableOperation(Kind kind, int key, int value, List<Map.Entry<Integer, Integer>> batch) {

  enum Kind {
    INSERT,
    INSERT_NEW,
    INSERT_ALL,
    INSERT_NEW_ALL,
    LOOKUP,
    MEMBER,
    DELETE,
    DELETE_OBJECT,
    TAKE,
    SIZE,
    SELECT_DELETE,
    TRAVERSE,
    DELETE_ALL_OBJECTS,
    // set types only
    UPDATE_COUNTER,
    COMPARE_AND_SET,
    GET,
    // bag types only
    COUNT
  }

  /** Keys of random sequences: enough for resizes and CA-tree splits, few enough for conflicts. */
  static final int KEYS = 40;

  /** A random operation valid for {@code type}. */
  static TableOperation random(Random random, TableType type) {
    boolean bag = type == TableType.BAG || type == TableType.DUPLICATE_BAG;
    int key = 1 + random.nextInt(KEYS);
    int value = random.nextInt(6);
    int roll = random.nextInt(100);
    Kind kind;
    if (roll < 22) {
      kind = Kind.INSERT;
    } else if (roll < 30) {
      kind = Kind.INSERT_NEW;
    } else if (roll < 37) {
      kind = Kind.INSERT_ALL;
    } else if (roll < 42) {
      kind = Kind.INSERT_NEW_ALL;
    } else if (roll < 52) {
      kind = Kind.LOOKUP;
    } else if (roll < 55) {
      kind = Kind.MEMBER;
    } else if (roll < 62) {
      kind = Kind.DELETE;
    } else if (roll < 68) {
      kind = Kind.DELETE_OBJECT;
    } else if (roll < 73) {
      kind = Kind.TAKE;
    } else if (roll < 76) {
      kind = Kind.SIZE;
    } else if (roll < 78) {
      kind = Kind.SELECT_DELETE;
    } else if (roll < 81) {
      kind = Kind.TRAVERSE;
    } else if (roll < 82) {
      kind = Kind.DELETE_ALL_OBJECTS;
    } else if (bag) {
      kind = roll < 91 ? Kind.COUNT : Kind.INSERT;
    } else {
      kind = roll < 88 ? Kind.UPDATE_COUNTER : roll < 95 ? Kind.COMPARE_AND_SET : Kind.GET;
    }
    List<Map.Entry<Integer, Integer>> batch = List.of();
    if (kind == Kind.INSERT_ALL || kind == Kind.INSERT_NEW_ALL) {
      // insertNewAll and set types take distinct keys; bags' insertAll may repeat a key
      boolean repeatKeys = bag && kind == Kind.INSERT_ALL;
      int size = 1 + random.nextInt(5);
      Set<Integer> used = new LinkedHashSet<>();
      List<Map.Entry<Integer, Integer>> objects = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int k = 1 + random.nextInt(KEYS);
        if (repeatKeys || used.add(k)) {
          objects.add(Map.entry(k, random.nextInt(6)));
        }
      }
      batch = List.copyOf(objects);
    }
    return new TableOperation(kind, key, value, batch);
  }

  /** Runs on the table; the result is compared with {@link #onModel}'s. */
  Object onTable(Table<Integer, Integer> table) {
    return switch (kind) {
      case INSERT -> {
        table.insert(key, value);
        yield null;
      }
      case INSERT_NEW -> table.insertNew(key, value);
      case INSERT_ALL -> {
        table.insertAll(batch);
        yield null;
      }
      case INSERT_NEW_ALL -> table.insertNewAll(batch);
      case LOOKUP -> table.lookup(key);
      case MEMBER -> table.member(key);
      case DELETE -> table.delete(key);
      case DELETE_OBJECT -> table.deleteObject(key, value);
      case TAKE -> table.take(key);
      case SIZE -> table.size();
      case SELECT_DELETE -> table.selectDelete(divisibleBy(value + 2));
      case TRAVERSE -> traverse(table);
      case DELETE_ALL_OBJECTS -> {
        table.deleteAllObjects();
        yield null;
      }
      case UPDATE_COUNTER -> ((SetTable<Integer, Integer>) table).updateCounter(key, value - 2, 0);
      case COMPARE_AND_SET ->
          table.selectReplace(
              MatchSpec.<Integer, Integer>where(KeyPattern.exact(key))
                  .guard((k, v) -> v == value)
                  .replaceValue((k, v) -> v + 1));
      case GET -> ((SetTable<Integer, Integer>) table).get(key);
      case COUNT -> ((BagTable<Integer, Integer>) table).count(key);
    };
  }

  /** Runs on the reference model. */
  Object onModel(EtsModel model) {
    return switch (kind) {
      case INSERT -> {
        model.insert(key, value);
        yield null;
      }
      case INSERT_NEW -> model.insertNew(key, value);
      case INSERT_ALL -> {
        model.insertAll(batch);
        yield null;
      }
      case INSERT_NEW_ALL -> model.insertNewAll(batch);
      case LOOKUP -> model.lookup(key);
      case MEMBER -> model.member(key);
      case DELETE -> model.delete(key);
      case DELETE_OBJECT -> model.deleteObject(key, value);
      case TAKE -> model.take(key);
      case SIZE -> model.size();
      case SELECT_DELETE -> model.selectDeleteDivisible(value + 2);
      case TRAVERSE -> traverse(model);
      case DELETE_ALL_OBJECTS -> {
        model.deleteAllObjects();
        yield null;
      }
      case UPDATE_COUNTER -> model.updateCounter(key, value - 2, 0);
      case COMPARE_AND_SET -> model.compareAndSet(key, value, value + 1);
      case GET -> {
        List<Integer> values = model.lookup(key);
        yield values.isEmpty() ? null : values.get(0);
      }
      case COUNT -> model.count(key);
    };
  }

  private static MatchSpec<Integer, Integer, Boolean> divisibleBy(int divisor) {
    return MatchSpec.<Integer, Integer>anyKey().guard((k, v) -> v % divisor == 0).returnTrue();
  }

  /**
   * Every traversal agrees with the content: toList, foldl, a first/next walk, selectReverse and
   * foldr give the same objects per key, in key order for ORDERED_SET (last to first for the
   * reverse ones), with each key once; a reverse select of a key range gives that range's objects.
   */
  private static Object traverse(Table<Integer, Integer> table) {
    List<Map.Entry<Integer, Integer>> listed = table.toList();
    Map<Integer, List<Integer>> byKey = group(listed, table.type(), "toList");
    List<Map.Entry<Integer, Integer>> folded =
        table.foldl(
            new ArrayList<>(),
            (k, v, acc) -> {
              acc.add(Map.entry(k, v));
              return acc;
            });
    List<Map.Entry<Integer, Integer>> walked = new ArrayList<>();
    for (Integer k = table.first(); k != null; k = table.next(k)) {
      for (Integer v : table.lookup(k)) {
        walked.add(Map.entry(k, v));
      }
    }
    // Last to first: an ordered set's reverse traversals are its forward ones reversed (a range's
    // too); on a hash table they are the forward ones (ETS: select_reverse is select there).
    boolean ordered = table.type() == TableType.ORDERED_SET;
    List<Map.Entry<Integer, Integer>> reversed =
        forward(table.selectReverse(MatchSpec.<Integer, Integer>anyKey().returnObject()), ordered);
    List<Map.Entry<Integer, Integer>> foldedRight =
        forward(
            table.foldr(
                new ArrayList<Map.Entry<Integer, Integer>>(),
                (k, v, acc) -> {
                  acc.add(Map.entry(k, v));
                  return acc;
                }),
            ordered);
    List<Map.Entry<Integer, Integer>> inRange = new ArrayList<>();
    for (Map.Entry<Integer, Integer> object : listed) {
      if (object.getKey() >= RANGE_LOW && object.getKey() < RANGE_HIGH) {
        inRange.add(object);
      }
    }
    List<Map.Entry<Integer, Integer>> rangeReversed =
        forward(
            table.selectReverse(
                MatchSpec.<Integer, Integer>where(KeyPattern.range(RANGE_LOW, RANGE_HIGH))
                    .returnObject()),
            ordered);
    if (!Objects.equals(byKey, group(folded, table.type(), "foldl"))
        || !Objects.equals(byKey, group(walked, table.type(), "first/next"))
        || !Objects.equals(byKey, group(reversed, table.type(), "selectReverse"))
        || !Objects.equals(byKey, group(foldedRight, table.type(), "foldr"))
        || !Objects.equals(
            group(inRange, table.type(), "toList in range"),
            group(rangeReversed, table.type(), "selectReverse of a range"))) {
      return "traversals disagree: toList="
          + listed
          + " foldl="
          + folded
          + " first/next="
          + walked
          + " selectReverse="
          + reversed
          + " foldr="
          + foldedRight
          + " selectReverse of ["
          + RANGE_LOW
          + ", "
          + RANGE_HIGH
          + ")="
          + rangeReversed;
    }
    return byKey;
  }

  /** The bounds of the key range a traversal also walks last to first. */
  private static final int RANGE_LOW = KEYS / 4;

  private static final int RANGE_HIGH = 3 * KEYS / 4;

  /** A reverse traversal's objects in forward order: reversed back on an ordered set. */
  private static List<Map.Entry<Integer, Integer>> forward(
      List<Map.Entry<Integer, Integer>> objects, boolean ordered) {
    List<Map.Entry<Integer, Integer>> copy = new ArrayList<>(objects);
    return ordered ? copy.reversed() : copy;
  }

  /** The content by traversal, or a description of why the traversals disagree. */
  static Object traverseOrFailure(Table<Integer, Integer> table) {
    try {
      return traverse(table);
    } catch (AssertionError e) {
      return e.getMessage();
    }
  }

  private static Object traverse(EtsModel model) {
    return model.snapshot();
  }

  /**
   * Groups objects by key, failing on keys that are not contiguous or out of order (ordered set).
   */
  private static Map<Integer, List<Integer>> group(
      List<Map.Entry<Integer, Integer>> objects, TableType type, String how) {
    Map<Integer, List<Integer>> byKey = new TreeMap<>();
    Integer previous = null;
    for (Map.Entry<Integer, Integer> object : objects) {
      Integer k = object.getKey();
      if (!k.equals(previous) && byKey.containsKey(k)) {
        throw new AssertionError(how + " visits key " + k + " in two runs: " + objects);
      }
      if (type == TableType.ORDERED_SET && previous != null && k <= previous) {
        throw new AssertionError(how + " is not in key order: " + objects);
      }
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(object.getValue());
      previous = k;
    }
    return byKey;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case INSERT_ALL, INSERT_NEW_ALL -> kind + batch.toString();
      case SIZE, TRAVERSE, DELETE_ALL_OBJECTS -> kind.toString();
      case SELECT_DELETE -> kind + "(value % " + (value + 2) + " == 0)";
      default -> kind + "(" + key + ", " + value + ")";
    };
  }
}
