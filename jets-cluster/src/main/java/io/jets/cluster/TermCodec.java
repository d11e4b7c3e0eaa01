package io.jets.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * How keys and values of cluster terms cross the wire: Java serialization, read back through an
 * {@link ObjectInputFilter} so that a member only ever builds classes its owner allowed.
 */
final class TermCodec {

  private final ObjectInputFilter filter;

  /**
   * @param filterPattern a pattern in {@link ObjectInputFilter.Config#createFilter}'s syntax
   */
  TermCodec(String filterPattern) {
    this.filter = ObjectInputFilter.Config.createFilter(filterPattern);
  }

  byte[] encode(Object object, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
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
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
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
