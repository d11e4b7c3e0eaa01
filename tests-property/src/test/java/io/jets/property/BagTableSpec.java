package io.jets.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sequential specification of {@link BagTableOperations}: the same operations on an {@link
 * EtsModel}.
 */
public class BagTableSpec {

  private final EtsModel model = new EtsModel(BagTableOperations.configs.get(0).type());

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
    return SetTableSpec.objects(key, model.lookup(key));
  }

  public List<Integer> lookupElement(int key) {
    List<Integer> values = model.lookup(key);
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> elements = new ArrayList<>(values.size());
    for (Integer value : values) {
      elements.add(value * 10);
    }
    return elements;
  }

  public List<Map.Entry<Integer, Integer>> takeObjects(int key) {
    return SetTableSpec.objects(key, model.take(key));
  }

  public int count(int key) {
    return model.count(key);
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

  public void insertAll(int key, int value) {
    model.insertAll(LincheckTables.pair(key, value));
  }

  public boolean insertNewAll(int key, int value) {
    return model.insertNewAll(LincheckTables.pair(key, value));
  }

  public void deleteAllObjects() {
    model.deleteAllObjects();
  }
}
