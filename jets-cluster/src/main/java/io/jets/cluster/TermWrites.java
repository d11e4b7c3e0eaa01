package io.jets.cluster;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The writes of cluster terms, run by Hazelcast on the member that owns the key's partition, one at
 * a time per key: each returns the record the key holds afterwards.
 */
final class TermWrites {

  private TermWrites() {}

  /**
   * Stores a value (or, with a null value, erases), unless {@code onlyNew} finds a live term.
   *
   * @param key the key's serialized form
   * @param value the value's serialized form; null to erase
   * @param onlyNew whether a live term under the key stays (putNew)
   * @serial exclude (an internal wire form, not part of the API)
   */
  record Write(byte[] key, byte[] value, boolean onlyNew)
      implements EntryProcessor<String, TermRecord, Outcome> {

    @Override
    public Outcome process(Map.Entry<String, TermRecord> entry) {
      TermRecord current = entry.getValue();
      long version = current == null ? 0 : current.version();
      boolean live = current != null && current.value() != null;
      if (onlyNew && live) {
        return new Outcome(current, false); // the caller compares: equal is a no-op, else conflict
      }
      if (value == null && !live) {
        return new Outcome(current, false); // erasing nothing: no new version, no event
      }
      if (live && value != null && Arrays.equals(current.value(), value)) {
        return new Outcome(current, false); // an equal value, as a local put of an equal term
      }
      TermRecord next = new TermRecord(version + 1, key, value);
      entry.setValue(next);
      return new Outcome(next, true);
    }
  }

  /**
   * The record a key holds after a write, and whether the write changed it.
   *
   * @param record the record the key holds after the write; null if it never held one
   * @param changed whether the write stored a new version
   * @serial exclude (an internal wire form, not part of the API)
   */
  record Outcome(TermRecord record, boolean changed) implements Serializable {}
}
