package io.jets.examples;

import io.jets.owner.OwnerScope;
import io.jets.term.PersistentTerm;
import io.jets.term.Term;
import java.util.List;

/** The README's tour of persistent terms. */
public final class TourPersistentTerm {

  /** Immutable configuration. */
  record Config(String host, int port) {}

  // spotless:off

  // tag::term-handle[]
  static final Term<Config> CONFIG = PersistentTerm.handle("config"); // CONFIG.get() folds to a constant
  // end::term-handle[]
  // spotless:on

  private TourPersistentTerm() {}

  /** Runs the tour; returns the port read through the handle. */
  public static int run() {
    // spotless:off
    // tag::term[]
    PersistentTerm.put("config", new Config("db1", 5432)); // immutable values only; slow on purpose
    Config config = PersistentTerm.get("config"); // lock-free, allocation-free
    int port = CONFIG.get().port(); // about the cost of reading a static final field
    try (OwnerScope session = OwnerScope.open("session")) {
      PersistentTerm.put(session, "session-keys", List.of("k1", "k2")); // erased when session exits
    }
    boolean gone = PersistentTerm.get("session-keys", null) == null; // true
    // end::term[]
    // spotless:on
    PersistentTerm.erase("config");
    if (!gone || !config.host().equals("db1")) {
      throw new IllegalStateException("the persistent-term tour went wrong");
    }
    return port;
  }
}
