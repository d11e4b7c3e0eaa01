package io.jets.offheap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** The ready codecs, and lookup by name for table files. */
final class Codecs {

  private Codecs() {}

  /** Whether every surrogate of {@code s} is half of a pair, so that UTF-8 carries it exactly. */
  static boolean isWellFormed(String s) {
    for (int i = 0, length = s.length(); i < length; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  static final Codec<String> STRING =
      new Fixed<>("jets.string") {
        @Override
        public byte[] encode(String value) {
          if (!isWellFormed(value)) { // UTF-8 would write '?' for it: two keys would be one
            throw new IllegalArgumentException(
                "a string with an unpaired surrogate has no UTF-8 form (Codec.serializable()"
                    + " carries it)");
          }
          return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
      };

  static final Codec<Long> LONG =
      new Fixed<>("jets.long") {
        @Override
        public byte[] encode(Long value) {
          return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long decode(byte[] bytes) {
          if (bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("a long needs 8 bytes, got " + bytes.length);
          }
          return ByteBuffer.wrap(bytes).getLong();
        }
      };

  static final Codec<Integer> INTEGER =
      new Fixed<>("jets.int") {
        @Override
        public byte[] encode(Integer value) {
          return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
        }

        @Override
        public Integer decode(byte[] bytes) {
          if (bytes.length != Integer.BYTES) {
            throw new IllegalArgumentException("an int needs 4 bytes, got " + bytes.length);
          }
          return ByteBuffer.wrap(bytes).getInt();
        }
      };

  static final Codec<byte[]> BYTES =
      new Fixed<>("jets.bytes") {
        @Override
        public byte[] encode(byte[] value) {
          return value.clone();
        }

        @Override
        public byte[] decode(byte[] bytes) {
          return bytes.clone();
        }
      };

  static final Codec<Object> SERIALIZABLE = new SerializableCodec();

  private static final Map<String, Codec<?>> BY_NAME =
      Map.of(
          STRING.name(), STRING,
          LONG.name(), LONG,
          INTEGER.name(), INTEGER,
          BYTES.name(), BYTES,
          SERIALIZABLE.name(), SERIALIZABLE);

  /** The ready codec called {@code name}, or null. */
  static Codec<?> byName(String name) {
    return BY_NAME.get(name);
  }

  /** A codec with a fixed name. */
  private abstract static class Fixed<T> implements Codec<T> {
    private final String name;

    Fixed(String name) {
      this.name = name;
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final String toString() {
      return name;
    }
  }

  /** The order of traversal within a segment: unsigned lexicographic order of the key bytes. */
  static int compareBytes(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
