package io.jets.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One key of a replicated table as its mirror map holds it: every value under the key (one for a
 * {@code set}, any number for a bag), and the log sequence of the last write reflected, so that a
 * joining copy replays only the writes the entry does not already show (a {@code duplicate_bag}
 * insert applied twice would count twice). In the map it is one {@code byte[]} ({@link #bytes()}):
 * a long, a count, then each value's length and bytes; Java serialization of a record per entry
 * cost more than the values themselves.
 *
 * @param sequence the log sequence of the last write to this key that the entry reflects
 * @param values the serialized values, in the table's order
 */
record MirrorEntry(long sequence, List<byte[]> values) {

  byte[] bytes() {
    int size = Long.BYTES + Integer.BYTES;
    for (byte[] value : values) {
      size += Integer.BYTES + value.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(sequence).putInt(values.size());
    for (byte[] value : values) {
      out.putInt(value.length).put(value);
    }
    return out.array();
  }

  static MirrorEntry of(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long sequence = in.getLong();
    int count = in.getInt();
    List<byte[]> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] value = new byte[in.getInt()];
      in.get(value);
      values.add(value);
    }
    return new MirrorEntry(sequence, values);
  }
}
