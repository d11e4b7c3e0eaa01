package io.jets.property;

import io.jets.term.MissingTermException;
import io.jets.term.PersistentTerm;
import io.jets.term.Term;
import io.jets.term.TermExistsException;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The Lincheck subject for the global term store: put, putNew, get (both forms), erase and a
 * handle's read are each linearizable, the handle's read together with get (a handle never reads an
 * older value than a get before it, nor a get than a handle read before it). The store is global,
 * so the subject works on keys of its own prefix and erases them in its constructor, which Lincheck
 * calls before every invocation. Its sequential specification is {@link PersistentTermSpec}.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public class PersistentTermOperations {

  static final String PREFIX = "tests-property/lincheck/";

  private final List<Term<Integer>> handles = new ArrayList<>();

  public PersistentTermOperations() {
    clear();
    for (int key = 1; key <= 3; key++) {
      handles.add(PersistentTerm.handle(PREFIX + key));
    }
  }

  static void clear() {
    for (int key = 1; key <= 3; key++) {
      PersistentTerm.erase(PREFIX + key);
    }
  }

  @Operation
  public void put(@Param(name = "key") int key, @Param(name = "value") int value) {
    PersistentTerm.put(PREFIX + key, value);
  }

  /** "stored", or "exists" when a different value was there (TermExistsException). */
  @Operation
  public String putNew(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      PersistentTerm.putNew(PREFIX + key, value);
      return "stored";
    } catch (TermExistsException e) {
      return "exists";
    }
  }

  @Operation
  public Integer getOrNull(@Param(name = "key") int key) {
    return PersistentTerm.get(PREFIX + key, null);
  }

  /** The value, or -1 when get throws MissingTermException. */
  @Operation
  public int get(@Param(name = "key") int key) {
    try {
      Integer value = PersistentTerm.get(PREFIX + key);
      return value;
    } catch (MissingTermException e) {
      return -1;
    }
  }

  /** A handle's read of the key: the value, or null. */
  @Operation
  public Integer handleGet(@Param(name = "key") int key) {
    return handles.get(key - 1).getOrDefault(null);
  }

  @Operation
  public boolean erase(@Param(name = "key") int key) {
    return PersistentTerm.erase(PREFIX + key);
  }
}
