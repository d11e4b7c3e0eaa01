package io.jets.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * One write of a replicated table's owner, as it travels through the table's ringbuffer: applied on
 * every member by one jets operation, so atomically where jets' operation is.
 *
 * @param epoch the owner's epoch ({@link TableOwnership.Owner#epoch()}): copies that see it rise
 *     check that what they applied is still the log's (see {@link Replica})
 * @param kind what the owner did
 * @param keys the serialized keys (one for INSERT, DELETE and DELETE_OBJECT, none for CLEAR and
 *     DROP)
 * @param values the serialized values, parallel to {@code keys} (empty for DELETE, CLEAR and DROP)
 * @serial exclude (an internal wire form, not part of the API)
 */
record TableBatch(long epoch, Kind kind, List<byte[]> keys, List<byte[]> values)
    implements Serializable {

  enum Kind {
    /** {@code insert(key, value)}. */
    INSERT,
    /** {@code insertAll(objects)}: every object or none, on every member. */
    INSERT_ALL,
    /** {@code delete(key)}. */
    DELETE,
    /** {@code deleteObject(key, value)}. */
    DELETE_OBJECT,
    /** The table is deleted on every member (its owner exited with no heir). */
    DROP,
    /** {@code deleteAllObjects()}. */
    CLEAR
  }
}
