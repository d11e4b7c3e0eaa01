package io.jets.examples;

import io.jets.term.PersistentTerm;
import io.jets.term.Term;

/**
 * The demo's configuration, kept as a persistent term: written once at start-up, read everywhere.
 * {@link #CURRENT} is a handle in a {@code static final} field, so the JIT folds {@code
 * CURRENT.get()} to the stored value: a read costs about what reading a constant costs.
 *
 * @param currency the currency of every balance
 * @param overdraftLimit how far below zero a balance may go
 */
record DemoSettings(String currency, long overdraftLimit) {

  /** The persistent-term key. */
  static final String KEY = "jets.demo.settings";

  /** The handle every reader uses; re-bound (and compiled readers deoptimized) by each put. */
  static final Term<DemoSettings> CURRENT = PersistentTerm.handle(KEY);

  /** Stores the settings; a put is deliberately expensive, so do it once, at start-up. */
  static void publish(DemoSettings settings) {
    PersistentTerm.put(KEY, settings);
  }
}
