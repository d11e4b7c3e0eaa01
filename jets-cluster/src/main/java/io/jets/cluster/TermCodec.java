package io.jets.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How keys and values of cluster terms and replicated tables cross the wire: a tag byte, then
 * strings, integers, longs and doubles in a compact form of their own (no class descriptors, about
 * a tenth of Java serialization's cost to read), and everything else by Java serialization, read
 * back through an {@link ObjectInputFilter} so that a member only ever builds classes its owner
 * allowed.
 */
final class TermCodec {

  private final ObjectInputFilter filter;

  /**
   * @param filterPattern a pattern in {@link ObjectInputFilter.Config#createFilter}'s syntax
   */
  TermCodec(String filterPattern) {
    this.filter = ObjectInputFilter.Config.createFilter(filterPattern);
  }

  private static final byte SERIALIZED = 0;
  private static final byte STRING = 1;
  private static final byte INTEGER = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;

  byte[] encode(Object object, String what) {
    switch (object) {
      case String s -> {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        out[0] = STRING;
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
      }
      case Integer i -> {
        return ByteBuffer.allocate(5).put(INTEGER).putInt(i).array();
      }
      case Long l -> {
        return ByteBuffer.allocate(9).put(LONG).putLong(l).array();
      }
      case Double d -> {
        return ByteBuffer.allocate(9).put(DOUBLE).putDouble(d).array();
      }
      default -> {
        return serialize(object, what);
      }
    }
  }

  private static byte[] serialize(Object object, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(SERIALIZED);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "cluster term " + what + " " + object + " is not Serializable: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cluster term " + what + " " + object + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Checks that {@code bytes}, the serialized {@code role} of the term under {@code key}, reads
   * back through the filter: a write that its own member could not read is refused before sending.
   */
  void check(byte[] bytes, Object key, String role) {
    if (bytes[0] != SERIALIZED) {
      return; // a compact form: nothing for the filter to refuse, nothing to read back
    }
    try {
      decode(bytes, role);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "cluster term "
              + key
              + ": the "
              + role
              + " does not pass the serialization filter ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  Object decode(byte[] bytes, String what) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    switch (bytes[0]) {
      case STRING:
        return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
      case INTEGER:
        return buffer.getInt();
      case LONG:
        return buffer.getLong();
      case DOUBLE:
        return buffer.getDouble();
      default:
        break;
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
      in.setObjectInputFilter(filter);
      return in.readObject();
    } catch (InvalidClassException e) {
      throw new IllegalStateException(
          "cluster term " + what + ": a class the serialization filter rejects: " + e.getMessage(),
          e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cluster term " + what + " cannot be read: " + e, e);
    }
  }
}
