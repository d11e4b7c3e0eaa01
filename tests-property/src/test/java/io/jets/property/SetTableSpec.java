package io.jets.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sequential specification of {@link SetTableOperations}: the same operations on an {@link
 * EtsModel}.
 */
public class SetTableSpec {

  private final EtsModel model = new EtsModel(SetTableOperations.configs.get(0).type());

  public void insert(int key, int value) {
    model.insert(key, value);
  }

  public boolean insertNew(int key, int value) {
    return model.insertNew(key, value);
  }

  public List<Integer> lookup(int key) {
    return model.lookup(key);
  }

  public List<Map.Entry<Integer, Integer>> lookupObjects(int key) {
    return objects(key, model.lookup(key));
  }

  public Integer getOrDefault(int key, int value) {
    Integer stored = get(key);
    return stored == null ? -value : stored;
  }

  public Integer lookupElement(int key) {
    Integer stored = get(key);
    return stored == null ? null : stored * 10;
  }

  public List<Map.Entry<Integer, Integer>> takeObjects(int key) {
    return objects(key, model.take(key));
  }

  public boolean update(int key, int increment) {
    Integer stored = get(key);
    if (stored == null) {
      return false;
    }
    model.insert(key, stored + increment);
    return true;
  }

  static List<Map.Entry<Integer, Integer>> objects(int key, List<Integer> values) {
    List<Map.Entry<Integer, Integer>> objects = new ArrayList<>(values.size());
    for (Integer value : values) {
      objects.add(Map.entry(key, value));
    }
    return objects;
  }

  public Integer get(int key) {
    List<Integer> values = model.lookup(key);
    return values.isEmpty() ? null : values.get(0);
  }

  public boolean member(int key) {
    return model.member(key);
  }

  public boolean delete(int key) {
    return model.delete(key);
  }

  public boolean deleteObject(int key, int value) {
    return model.deleteObject(key, value);
  }

  public List<Integer> take(int key) {
    return model.take(key);
  }

  public long updateCounter(int key, int increment) {
    return model.updateCounter(key, increment, 0);
  }

  public void insertAll(int key, int value) {
    model.insertAll(LincheckTables.pair(key, value));
  }

  public boolean insertNewAll(int key, int value) {
    return model.insertNewAll(LincheckTables.pair(key, value));
  }

  public void deleteAllObjects() {
    model.deleteAllObjects();
  }

  public long compareAndSet(int key, int expected) {
    return model.compareAndSet(key, expected, expected + 1);
  }
}
