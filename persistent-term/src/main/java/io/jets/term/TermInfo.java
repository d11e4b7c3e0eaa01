package io.jets.term;

/**
 * What {@link PersistentTerm#info()} reports, like {@code persistent_term:info/0}.
 *
 * @param count the number of terms stored
 * @param memoryBytes an estimate of the heap the store retains: its table, and every key and value
 *     (strings, boxed numbers and JDK collections counted deeply, other objects by their shallow
 *     size, compressed references assumed)
 */
public record TermInfo(int count, long memoryBytes) {}
