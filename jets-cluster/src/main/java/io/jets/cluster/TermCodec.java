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
 *
 * <p>Every form reads back equal to what was written, and is canonical (equal keys, equal bytes): a
 * string is UTF-8 when it is well-formed UTF-16, which UTF-8 carries exactly, and otherwise (it
 * holds an unpaired surrogate, which UTF-8 would turn into '?') its UTF-16 code units as they are.
 */
final class TermCodec {

  /**
   * A key or value the codec cannot write, or bytes it cannot read back. Internal: its message is
   * the detail only ("is not Serializable: ..."), and every caller reports it in its own family,
   * naming the table or the term key, the operation and the argument.
   *
   * @serial exclude (never leaves this package)
   */
  static final class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CodecException(String detail, Throwable cause) {
      super(detail, cause);
    }
  }

  private final ObjectInputFilter filter;

  /**
   * @param filterPattern a pattern in {@link ObjectInputFilter.Config#createFilter}'s syntax
   * @throws CodecException if the pattern is malformed or names no class at all (read with no
   *     filter, a member would build any class)
   */
  TermCodec(String filterPattern) {
    ObjectInputFilter created;
    try {
      created = ObjectInputFilter.Config.createFilter(filterPattern);
    } catch (IllegalArgumentException e) {
      throw new CodecException("is malformed: " + e.getMessage(), e);
    }
    if (created == null) {
      throw new CodecException("names no class: keys and values would be read unfiltered", null);
    }
    this.filter = created;
  }

  private static final byte SERIALIZED = 0;
  private static final byte STRING = 1;
  private static final byte INTEGER = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;

  /** A string holding an unpaired surrogate: its chars, two big-endian bytes each. */
  private static final byte CHARS = 5;

  /**
   * The bytes of {@code object} (not null).
   *
   * @throws CodecException if it is not serializable
   */
  byte[] encode(Object object) {
    switch (object) {
      case String s -> {
        if (!isWellFormed(s)) {
          ByteBuffer out = ByteBuffer.allocate(1 + 2 * s.length()).put(CHARS);
          out.asCharBuffer().put(s);
          return out.array();
        }
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
        return serialize(object);
      }
    }
  }

  /** Whether every surrogate of {@code s} is half of a pair, so that UTF-8 carries it exactly. */
  private static boolean isWellFormed(String s) {
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

  private static byte[] serialize(Object object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(SERIALIZED);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (NotSerializableException e) {
      throw new CodecException("is not Serializable: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CodecException("cannot be serialized: " + e, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Checks that {@code bytes}, a key or value just encoded, reads back through the filter: a write
   * that its own member could not read is refused before sending.
   *
   * @throws CodecException if it does not
   */
  void check(byte[] bytes) {
    if (bytes[0] != SERIALIZED) {
      return; // a compact form: nothing for the filter to refuse, nothing to read back
    }
    decode(bytes);
  }

  /**
   * The object {@code bytes} hold, read through the filter.
   *
   * @throws CodecException if the filter refuses a class they hold, or they cannot be read
   */
  Object decode(byte[] bytes) {
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
      case CHARS:
        return buffer.asCharBuffer().toString();
      default:
        break;
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
      in.setObjectInputFilter(filter);
      return in.readObject();
    } catch (InvalidClassException e) {
      throw new CodecException(
          "holds a class the serialization filter refuses (" + e.getMessage() + ")", e);
    } catch (IOException | ClassNotFoundException e) {
      throw new CodecException("cannot be read back: " + e, e);
    }
  }
}
