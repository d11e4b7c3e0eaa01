package io.jets.offheap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The codec {@link Codec#serializable()}: a canonical tagged encoding for the value types keys are
 * made of, Java serialization for every other {@link Serializable} object.
 */
final class SerializableCodec implements Codec<Object> {
  /*
   * Design notes
   *
   * Canonical. Java serialization is not canonical even for value types: it writes the concrete
   * class (List.of and ArrayList are two keys) and a back-reference for an object met twice (a
   * record of two identical strings and one of two equal strings are two keys). So the value types
   * get an encoding that depends only on equals state: a tag, then the value. Lists are encoded as
   * lists, whatever their class; records by class name and components, each component encoded
   * recursively; only other objects are serialized, each one alone (a list's two serialized
   * elements share nothing).
   *
   * Strings. UTF-8 writes an unpaired surrogate as '?', so a string holding one (which only such
   * strings do) is written as its chars, two big-endian bytes each, under a tag of its own: the
   * form depends on the string alone, so equal strings still encode alike.
   *
   * Layout. A top-level encoding is tag + body; inside a list or a record every element is
   * preceded by its length (4 bytes), so bodies need no terminator. Strings, Integers, Longs and
   * serialized objects keep the top-level form of the first version of this codec (tags 0 to 3),
   * so such keys written by it are still found.
   *
   * Records are rebuilt through their canonical constructor, found and made accessible by
   * reflection; a record this module cannot reflect on (in a named module that does not open its
   * package to io.jets.offheap) is serialized instead.
   */

  private static final byte TAG_SERIALIZED = 0;
  private static final byte TAG_STRING = 1;
  private static final byte TAG_INTEGER = 2;
  private static final byte TAG_LONG = 3;
  private static final byte TAG_SHORT = 4;
  private static final byte TAG_BYTE = 5;
  private static final byte TAG_DOUBLE = 6;
  private static final byte TAG_FLOAT = 7;
  private static final byte TAG_BOOLEAN = 8;
  private static final byte TAG_CHARACTER = 9;
  private static final byte TAG_NULL = 10; // an element of a list or a component of a record
  private static final byte TAG_LIST = 11;
  private static final byte TAG_RECORD = 12;
  private static final byte TAG_CHARS = 13; // a string with an unpaired surrogate: its chars

  /** A record's accessors and canonical constructor, or null if they cannot be made accessible. */
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return RecordShape.of(type);
        }
      };

  private record RecordShape(Method[] accessors, Constructor<?> constructor) {
    static RecordShape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
        if (!accessors[i].trySetAccessible()) {
          return null;
        }
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.trySetAccessible() ? new RecordShape(accessors, constructor) : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }

  @Override
  public String name() {
    return "jets.serializable";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public byte[] encode(Object value) {
    // Strings, Integers and Longs skip the stream (their tag and bytes are the whole encoding).
    if (value instanceof String string && Codecs.isWellFormed(string)) {
      byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[utf8.length + 1];
      bytes[0] = TAG_STRING;
      System.arraycopy(utf8, 0, bytes, 1, utf8.length);
      return bytes;
    }
    if (value instanceof Integer integer) {
      return ByteBuffer.allocate(1 + Integer.BYTES).put(TAG_INTEGER).putInt(integer).array();
    }
    if (value instanceof Long number) {
      return ByteBuffer.allocate(1 + Long.BYTES).put(TAG_LONG).putLong(number).array();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try {
      write(new DataOutputStream(bytes), value);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + value.getClass().getName() + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(TAG_NULL);
    } else if (value instanceof String string && Codecs.isWellFormed(string)) {
      out.writeByte(TAG_STRING);
      out.write(string.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof String string) {
      out.writeByte(TAG_CHARS);
      out.writeChars(string);
    } else if (value instanceof Integer integer) {
      out.writeByte(TAG_INTEGER);
      out.writeInt(integer);
    } else if (value instanceof Long number) {
      out.writeByte(TAG_LONG);
      out.writeLong(number);
    } else if (value instanceof Short number) {
      out.writeByte(TAG_SHORT);
      out.writeShort(number);
    } else if (value instanceof Byte number) {
      out.writeByte(TAG_BYTE);
      out.writeByte(number);
    } else if (value instanceof Double number) {
      out.writeByte(TAG_DOUBLE);
      out.writeLong(Double.doubleToLongBits(number)); // as Double.equals: one NaN, -0.0 != 0.0
    } else if (value instanceof Float number) {
      out.writeByte(TAG_FLOAT);
      out.writeInt(Float.floatToIntBits(number));
    } else if (value instanceof Boolean bool) {
      out.writeByte(TAG_BOOLEAN);
      out.writeBoolean(bool);
    } else if (value instanceof Character character) {
      out.writeByte(TAG_CHARACTER);
      out.writeChar(character);
    } else if (value instanceof Record record
        && record instanceof Serializable
        && SHAPES.get(record.getClass()) != null) {
      writeRecord(out, record, SHAPES.get(record.getClass()));
    } else if (value instanceof List<?> list) {
      out.writeByte(TAG_LIST);
      out.writeInt(list.size());
      for (Object element : list) {
        writeElement(out, element);
      }
    } else {
      writeSerialized(out, value);
    }
  }

  private static void writeRecord(DataOutputStream out, Record record, RecordShape shape)
      throws IOException {
    out.writeByte(TAG_RECORD);
    byte[] name = record.getClass().getName().getBytes(StandardCharsets.UTF_8);
    out.writeInt(name.length);
    out.write(name);
    for (Method accessor : shape.accessors()) {
      Object component;
      try {
        component = accessor.invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("cannot read " + accessor + ": " + e, e);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(
            "the accessor " + accessor + " failed: " + e.getCause(), e.getCause());
      }
      writeElement(out, component);
    }
  }

  /** An element of a list or a component of a record: its length, then its encoding. */
  private static void writeElement(DataOutputStream out, Object element) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    write(new DataOutputStream(bytes), element);
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  private static void writeSerialized(DataOutputStream out, Object value) throws IOException {
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException(
          value.getClass().getName() + " is not Serializable: give the table a codec for it");
    }
    out.writeByte(TAG_SERIALIZED);
    // A stream per object, closed before the next is written, so objects share no references.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "a part of " + value.getClass().getName() + " is not Serializable: " + e.getMessage(), e);
    }
    bytes.writeTo(out);
  }

  @Override
  public Object decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty encoding");
    }
    try {
      return read(bytes, 0, bytes.length);
    } catch (IOException | RuntimeException e) {
      throw e instanceof IllegalArgumentException iae
          ? iae
          : new IllegalArgumentException("not an encoding of jets.serializable: " + e, e);
    }
  }

  /** The object encoded in {@code bytes[from, from + length)}, a tag and its body. */
  private static Object read(byte[] bytes, int from, int length) throws IOException {
    int at = from + 1;
    int bodyLength = length - 1;
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, at, bodyLength));
    switch (bytes[from]) {
      case TAG_SERIALIZED:
        try (ObjectInputStream objects =
            new ObjectInputStream(new ByteArrayInputStream(bytes, at, bodyLength))) {
          return objects.readObject();
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException("not a serialized object: " + e, e);
        }
      case TAG_STRING:
        return new String(bytes, at, bodyLength, StandardCharsets.UTF_8);
      case TAG_CHARS: // read char by char: a UTF-16 decoder would replace the unpaired surrogate
        char[] chars = new char[bodyLength / 2];
        for (int k = 0; k < chars.length; k++) {
          chars[k] = in.readChar();
        }
        return new String(chars);
      case TAG_INTEGER:
        return in.readInt();
      case TAG_LONG:
        return in.readLong();
      case TAG_SHORT:
        return in.readShort();
      case TAG_BYTE:
        return in.readByte();
      case TAG_DOUBLE:
        return Double.longBitsToDouble(in.readLong());
      case TAG_FLOAT:
        return Float.intBitsToFloat(in.readInt());
      case TAG_BOOLEAN:
        return in.readBoolean();
      case TAG_CHARACTER:
        return in.readChar();
      case TAG_NULL:
        return null;
      case TAG_LIST:
        return readList(bytes, at, in);
      case TAG_RECORD:
        return readRecord(bytes, at, in);
      default:
        throw new IllegalArgumentException("unknown tag " + bytes[from]);
    }
  }

  /** A list as an unmodifiable {@link List} (that of {@link List#of} when it holds no null). */
  private static List<Object> readList(byte[] bytes, int at, DataInputStream in)
      throws IOException {
    Object[] elements = new Object[in.readInt()];
    at += Integer.BYTES;
    boolean nulls = false;
    for (int i = 0; i < elements.length; i++) {
      int length = in.readInt();
      at += Integer.BYTES;
      elements[i] = read(bytes, at, length);
      nulls |= elements[i] == null;
      at += length;
      in.skipNBytes(length);
    }
    return nulls ? Collections.unmodifiableList(Arrays.asList(elements)) : List.of(elements);
  }

  private static Object readRecord(byte[] bytes, int at, DataInputStream in) throws IOException {
    byte[] name = new byte[in.readInt()];
    in.readFully(name);
    at += Integer.BYTES + name.length;
    String className = new String(name, StandardCharsets.UTF_8);
    Class<?> type = recordClass(className);
    RecordShape shape =
        type.isRecord() && Serializable.class.isAssignableFrom(type) ? SHAPES.get(type) : null;
    if (shape == null) {
      throw new IllegalArgumentException(
          "cannot rebuild the record " + className + ": its constructor is not accessible");
    }
    Class<?>[] types = shape.constructor().getParameterTypes();
    Object[] components = new Object[types.length];
    for (int i = 0; i < components.length; i++) {
      int length = in.readInt();
      at += Integer.BYTES;
      components[i] = asType(read(bytes, at, length), types[i]);
      at += length;
      in.skipNBytes(length);
    }
    try {
      return shape.constructor().newInstance(components);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalArgumentException("cannot rebuild the record " + className + ": " + e, e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "the constructor of the record " + className + " failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * A decoded list for a record component declared as a concrete list class ({@code ArrayList}): a
   * new one of that class holding the elements.
   */
  private static Object asType(Object decoded, Class<?> type) {
    if (!(decoded instanceof List<?> list) || type.isInstance(decoded) || type.isPrimitive()) {
      return decoded;
    }
    try {
      @SuppressWarnings("unchecked")
      List<Object> copy = (List<Object>) type.getConstructor().newInstance();
      copy.addAll(list);
      return copy;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "cannot rebuild a list component of type " + type.getName() + ": " + e, e);
    }
  }

  /** The record class, loaded as Java serialization would find it: the caller's context first. */
  private static Class<?> recordClass(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(name, false, context);
    } catch (ClassNotFoundException | RuntimeException e) {
      try {
        return Class.forName(name, false, SerializableCodec.class.getClassLoader());
      } catch (ClassNotFoundException notHereEither) {
        throw new IllegalArgumentException("the record class " + name + " is not found", e);
      }
    }
  }
}
