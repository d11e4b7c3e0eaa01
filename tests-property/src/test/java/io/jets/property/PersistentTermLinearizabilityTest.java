package io.jets.property;

import io.jets.term.TermStoreOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Lincheck, stress and model checking, on the persistent term store's put, putNew, get and erase.
 */
@Isolated
class PersistentTermLinearizabilityTest {

  @AfterEach
  void eraseTheSubjectsTerms() {
    PersistentTermOperations.clear();
  }

  @Test
  void termsAreLinearizableUnderStress() {
    Budget.stress()
        .sequentialSpecification(PersistentTermSpec.class)
        .check(PersistentTermOperations.class);
  }

  /**
   * Model checking runs on a fresh {@code TermStore} per invocation, the implementation behind
   * every static method of {@link io.jets.term.PersistentTerm}: see {@link TermStoreOperations} for
   * why not on the global store.
   */
  @Test
  void termsAreLinearizableUnderModelChecking() {
    Budget.modelChecking()
        .sequentialSpecification(PersistentTermSpec.class)
        .check(TermStoreOperations.class);
  }
}
