package io.jets.property;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Isolated;

/** Lincheck, stress and model checking, on the persistent term store's put, putNew, get and erase. */
@Isolated
class PersistentTermLinearizabilityTest {

  @AfterEach
  void eraseTheSubjectsTerms() {
    PersistentTermOperations.clear();
  }

  @Test
  void termsAreLinearizableUnderStress() {
    Budget.stress().sequentialSpecification(PersistentTermSpec.class).check(PersistentTermOperations.class);
  }

  /**
   * Lincheck 3.7's model checker hangs here in its own scheduler: the thread inside the store's
   * write lock is parked in Lincheck's injected call hook ({@code Injections.onMethodCall} at the
   * snapshot read, {@code TermStore.current}) and never resumed while the other waits for the lock.
   * Kept runnable with {@code -Djets.property.termModelChecking=true} for the next Lincheck version.
   */
  @Test
  @EnabledIfSystemProperty(named = "jets.property.termModelChecking", matches = "true")
  void termsAreLinearizableUnderModelChecking() {
    Budget.modelChecking()
        .sequentialSpecification(PersistentTermSpec.class)
        .check(PersistentTermOperations.class);
  }
}
