package io.jets.property;

import io.jets.table.TableType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sequential reference for every table type: a map from key to the key's objects, with ETS's
 * semantics written as plainly as possible. No concurrency, no cleverness; the properties compare
 * the real tables with this.
 *
 * <ul>
 *   <li>SET, ORDERED_SET: at most one value per key; insert replaces.
 *   <li>BAG: values per key in insertion order; an object equal to one present is not added.
 *   <li>DUPLICATE_BAG: values per key in insertion order, equal objects allowed.
 *   <li>deleteObject removes every equal copy; insertNew(All) fails if any key has objects.
 *   <li>updateCounter (set types) inserts the default first if the key is absent.
 * </ul>
 */
final class EtsModel {

  private final TableType type;
  private final Map<Integer, List<Integer>> objects;

  EtsModel(TableType type) {
    this.type = type;
    this.objects = type == TableType.ORDERED_SET ? new TreeMap<>() : new LinkedHashMap<>();
  }

  TableType type() {
    return type;
  }

  private boolean isBag() {
    return type == TableType.BAG || type == TableType.DUPLICATE_BAG;
  }

  void insert(int key, int value) {
    List<Integer> values = objects.get(key);
    if (values == null || !isBag()) {
      values = new ArrayList<>();
      objects.put(key, values);
    }
    if (type == TableType.BAG && values.contains(value)) {
      return;
    }
    values.add(value);
  }

  boolean insertNew(int key, int value) {
    if (objects.containsKey(key)) {
      return false;
    }
    insert(key, value);
    return true;
  }

  void insertAll(Collection<? extends Map.Entry<Integer, Integer>> batch) {
    for (Map.Entry<Integer, Integer> object : batch) {
      insert(object.getKey(), object.getValue());
    }
  }

  boolean insertNewAll(Collection<? extends Map.Entry<Integer, Integer>> batch) {
    for (Map.Entry<Integer, Integer> object : batch) {
      if (objects.containsKey(object.getKey())) {
        return false;
      }
    }
    insertAll(batch);
    return true;
  }

  List<Integer> lookup(int key) {
    return List.copyOf(objects.getOrDefault(key, List.of()));
  }

  boolean member(int key) {
    return objects.containsKey(key);
  }

  int count(int key) {
    return objects.getOrDefault(key, List.of()).size();
  }

  boolean delete(int key) {
    return objects.remove(key) != null;
  }

  boolean deleteObject(int key, int value) {
    List<Integer> values = objects.get(key);
    if (values == null || !values.removeIf(v -> v == value)) {
      return false;
    }
    if (values.isEmpty()) {
      objects.remove(key);
    }
    return true;
  }

  List<Integer> take(int key) {
    List<Integer> values = objects.remove(key);
    return values == null ? List.of() : List.copyOf(values);
  }

  void deleteAllObjects() {
    objects.clear();
  }

  /** updateCounter(key, increment, defaultValue) of a set type, on an Integer counter. */
  long updateCounter(int key, int increment, int defaultValue) {
    List<Integer> values = objects.get(key);
    int current = values == null ? defaultValue : values.get(0);
    int updated = Math.addExact(current, increment);
    objects.put(key, new ArrayList<>(List.of(updated)));
    return updated;
  }

  /** selectReplace as compare-and-set: replaces key's value if it equals expected; the count. */
  long compareAndSet(int key, int expected, int replacement) {
    List<Integer> values = objects.get(key);
    if (values == null || values.get(0) != expected) {
      return 0;
    }
    values.set(0, replacement);
    return 1;
  }

  /** selectDelete of every object whose value is divisible by divisor; the count. */
  long selectDeleteDivisible(int divisor) {
    long deleted = 0;
    var keys = new ArrayList<>(objects.keySet());
    for (Integer key : keys) {
      List<Integer> values = objects.get(key);
      int before = values.size();
      values.removeIf(v -> v % divisor == 0);
      deleted += before - values.size();
      if (values.isEmpty()) {
        objects.remove(key);
      }
    }
    return deleted;
  }

  long size() {
    long size = 0;
    for (List<Integer> values : objects.values()) {
      size += values.size();
    }
    return size;
  }

  /** The content as key -> values (values in the table's per-key order), keys sorted. */
  Map<Integer, List<Integer>> snapshot() {
    Map<Integer, List<Integer>> copy = new TreeMap<>();
    objects.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }
}
