package io.jets.property;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sequential specification of {@link PersistentTermOperations}: a plain map with OTP's put_new
 * rule.
 */
public class PersistentTermSpec {

  private final Map<Integer, Integer> terms = new HashMap<>();

  public void put(int key, int value) {
    terms.put(key, value);
  }

  public String putNew(int key, int value) {
    Integer present = terms.get(key);
    if (present == null) {
      terms.put(key, value);
      return "stored";
    }
    return Objects.equals(present, value) ? "stored" : "exists";
  }

  public Integer getOrNull(int key) {
    return terms.get(key);
  }

  public int get(int key) {
    return terms.getOrDefault(key, -1);
  }

  public Integer handleGet(int key) {
    return terms.get(key);
  }

  public boolean erase(int key) {
    return terms.remove(key) != null;
  }
}
