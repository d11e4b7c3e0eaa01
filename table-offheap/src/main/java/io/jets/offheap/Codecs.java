package io.jets.offheap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** The ready codecs, and lookup by name for table files. */
final class Codecs {

  private Codecs() {}

  static final Codec<String> STRING =
      new Fixed<>("jets.string") {
        @Override
        public byte[] encode(String value) {
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

  /** Tags of the serializable codec: the JDK types most keys are get a compact form. */
  private static final byte TAG_SERIALIZED = 0;

  private static final byte TAG_STRING = 1;
  private static final byte TAG_INTEGER = 2;
  private static final byte TAG_LONG = 3;

  static final Codec<Object> SERIALIZABLE =
      new Fixed<>("jets.serializable") {
        @Override
        public byte[] encode(Object value) {
          // Strings, Integers and Longs skip Java serialization (its stream header alone costs
          // microseconds and dozens of bytes). The tag keeps the encoding canonical: equal values
          // have equal types, so equal bytes.
          if (value instanceof String string) {
            return tagged(TAG_STRING, string.getBytes(StandardCharsets.UTF_8));
          }
          if (value instanceof Integer integer) {
            return ByteBuffer.allocate(1 + Integer.BYTES).put(TAG_INTEGER).putInt(integer).array();
          }
          if (value instanceof Long number) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(TAG_LONG).putLong(number).array();
          }
          if (!(value instanceof Serializable)) {
            throw new IllegalArgumentException(
                value.getClass().getName() + " is not Serializable: give the table a codec for it");
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream(64);
          out.write(TAG_SERIALIZED);
          try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
          } catch (NotSerializableException e) {
            throw new IllegalArgumentException(
                "a part of "
                    + value.getClass().getName()
                    + " is not Serializable: "
                    + e.getMessage(),
                e);
          } catch (IOException e) {
            throw new IllegalArgumentException(
                "cannot serialize " + value.getClass().getName() + ": " + e, e);
          }
          return out.toByteArray();
        }

        @Override
        public Object decode(byte[] bytes) {
          if (bytes.length == 0) {
            throw new IllegalArgumentException("empty encoding");
          }
          switch (bytes[0]) {
            case TAG_STRING:
              return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case TAG_INTEGER:
              return ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt();
            case TAG_LONG:
              return ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
            case TAG_SERIALIZED:
              try (ObjectInputStream objects =
                  new ObjectInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return objects.readObject();
              } catch (IOException | ClassNotFoundException e) {
                throw new IllegalArgumentException("not a serialized object: " + e, e);
              }
            default:
              throw new IllegalArgumentException("unknown tag " + bytes[0]);
          }
        }
      };

  private static byte[] tagged(byte tag, byte[] body) {
    byte[] bytes = new byte[body.length + 1];
    bytes[0] = tag;
    System.arraycopy(body, 0, bytes, 1, body.length);
    return bytes;
  }

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
