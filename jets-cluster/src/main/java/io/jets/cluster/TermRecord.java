package io.jets.cluster;

import java.io.Serializable;

/**
 * What the cluster stores per term key: the key's and value's serialized forms and a version that
 * every write of the key increments, so that a member applies each key's writes once and in order
 * however the snapshot it joined with and the events it receives interleave. An erased key keeps a
 * record with a null value (a tombstone) so that its version keeps growing.
 *
 * @param version how many writes the key has had, this one included
 * @param key the key's serialized form
 * @param value the value's serialized form; null once the key is erased
 * @serial exclude (an internal wire form, not part of the API)
 */
record TermRecord(long version, byte[] key, byte[] value) implements Serializable {}
