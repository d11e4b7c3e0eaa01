package io.jets.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * One key of a replicated table as its mirror map holds it: every value under the key (one for a
 * {@code set}, any number for a bag), and the log sequence of the last write reflected, so that a
 * joining copy replays only the writes the entry does not already show (a {@code duplicate_bag}
 * insert applied twice would count twice).
 *
 * @param sequence the log sequence of the last write to this key that the entry reflects
 * @param values the serialized values, in the table's order
 */
record MirrorEntry(long sequence, List<byte[]> values) implements Serializable {}
