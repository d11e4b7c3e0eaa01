package io.jets.table;

/** The four ETS table types. */
public enum TableType {
  /** One object per key, no order; {@code insert} replaces. */
  SET,
  /** One object per key, ordered by key; keys that compare equal are the same key. */
  ORDERED_SET,
  /** Many objects per key, but never two equal objects under one key; insertion order per key. */
  BAG,
  /** Many objects per key, equal objects allowed; insertion order per key. */
  DUPLICATE_BAG
}
