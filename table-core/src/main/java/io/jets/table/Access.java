package io.jets.table;

/**
 * Who may read and write a table, checked against {@link io.jets.owner.Owner#current()} on every
 * operation, as ETS's protection option.
 */
public enum Access {
  /** Any owner reads and writes. */
  PUBLIC,
  /** The owner reads and writes; every other owner only reads. The default. */
  PROTECTED,
  /** Only the owner reads or writes. */
  PRIVATE
}
