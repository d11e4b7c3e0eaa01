package io.jets.table.internal.hash;

/**
 * Left in every bucket of a {@link StripedBuckets} array that has been replaced: continue in {@code
 * table}.
 */
final class Forward {
  final Object[] table;

  Forward(Object[] table) {
    this.table = table;
  }
}
