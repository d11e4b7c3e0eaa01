package io.jets.term;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The model-checking subject for persistent terms: a fresh {@link TermStore}, the class behind
 * every static method of {@link PersistentTerm} (which holds one global instance and delegates to
 * it), per Lincheck invocation. It lives in {@code io.jets.term} because the store is
 * package-private.
 *
 * <p>Why not the global store, as the stress test uses: Lincheck 3.7's model checker hangs on state
 * that was created before the test and is reachable from a static field (the thread inside the
 * store's write lock stays parked in Lincheck's own scheduler hook). A store per invocation is the
 * same code without that state, and needs no clean-up between invocations.
 *
 * <p>Its operations and results are those of {@code io.jets.property.PersistentTermOperations}, so
 * both are checked against the same sequential specification.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public class TermStoreOperations {

  private final TermStore store = new TermStore();

  @Operation
  public void put(@Param(name = "key") int key, @Param(name = "value") int value) {
    store.put(key, value);
  }

  /** "stored", or "exists" when a different value was there (TermExistsException). */
  @Operation
  public String putNew(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      store.putNew(key, value);
      return "stored";
    } catch (TermExistsException e) {
      return "exists";
    }
  }

  @Operation
  public Integer getOrNull(@Param(name = "key") int key) {
    return (Integer) store.find(key);
  }

  /** The value, or -1 when there is none (where PersistentTerm.get throws MissingTermException). */
  @Operation
  public int get(@Param(name = "key") int key) {
    Object value = store.find(key);
    return value == null ? -1 : (Integer) value;
  }

  @Operation
  public boolean erase(@Param(name = "key") int key) {
    return store.erase(key);
  }
}
