package io.jets.offheap;

/**
 * Turns keys or values into bytes and back, so that off-heap tables and table files hold copies, as
 * ETS copies every object in and out of a table.
 *
 * <p>A key codec must be <em>canonical</em>: keys that are {@code equals} encode to equal bytes,
 * and different keys to different bytes, since off-heap tables compare keys by their bytes. Every
 * codec must round-trip: {@code decode(encode(x))} equals {@code x}. Implementations must be
 * thread-safe (stateless is best).
 *
 * @param <T> the type encoded
 */
public interface Codec<T> {

  /**
   * The codec's name, written into table files so that {@link TableFiles#file2tab} can check it is
   * reading with the codec that wrote. Ready codecs use {@code jets.*}; choose your own names.
   *
   * @return the name, the same for every instance that reads and writes the same bytes
   */
  String name();

  /**
   * The bytes of {@code value}; never null. A new array the caller may keep.
   *
   * @param value the key or value to encode; never null
   * @return its encoding
   * @throws IllegalArgumentException if {@code value} cannot be encoded (reported to the caller of
   *     the table operation as a {@link io.jets.table.BadArgumentException} naming the table)
   */
  byte[] encode(T value);

  /**
   * The value {@code bytes} encode.
   *
   * @param bytes an encoding this codec wrote; the codec must not keep or change the array
   * @return a new object equal to the one encoded
   * @throws IllegalArgumentException if the bytes are not an encoding of this codec
   */
  T decode(byte[] bytes);

  /**
   * UTF-8 strings. A string holding an unpaired surrogate, which UTF-8 cannot encode, is refused
   * ({@code IllegalArgumentException}, which a table reports as a bad argument naming itself and
   * changes nothing); {@link #serializable()} carries such strings exactly.
   *
   * @return the codec named {@code jets.string}
   */
  static Codec<String> string() {
    return Codecs.STRING;
  }

  /**
   * {@link Long}s as 8 big-endian bytes; canonical.
   *
   * @return the codec named {@code jets.long}
   */
  static Codec<Long> longs() {
    return Codecs.LONG;
  }

  /**
   * {@link Integer}s as 4 big-endian bytes; canonical.
   *
   * @return the codec named {@code jets.int}
   */
  static Codec<Integer> integers() {
    return Codecs.INTEGER;
  }

  /**
   * Byte arrays, copied in and out. Keys are compared by content, not by identity.
   *
   * @return the codec named {@code jets.bytes}
   */
  static Codec<byte[]> bytes() {
    return Codecs.BYTES;
  }

  /**
   * Any {@link java.io.Serializable} object. As a key codec it is canonical (equal keys, equal
   * bytes) for these kinds, which it encodes by value, with a tag that keeps their type: {@link
   * String}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link Float}, {@link
   * Double} (as their {@code equals}: one NaN, {@code -0.0} unlike {@code 0.0}), {@link Boolean},
   * {@link Character}, any {@link java.util.List} of these kinds (whatever its class: {@code
   * List.of(1, 2)} and an {@code ArrayList} of 1 and 2 are one key), and {@code Serializable}
   * records whose components are of these kinds, recursively. Every other object, a record whose
   * constructor this module cannot reflect on included (in a named module that does not open its
   * package to {@code io.jets.offheap}), goes through Java serialization and is compared by its
   * serialized form, which can differ for equal objects (identity, shared references, a
   * hash-ordered collection with different insertion histories): it is not a safe key. A list
   * decodes as an unmodifiable {@code List} (a record's component declared as a concrete list
   * class, as a new instance of it). Decoding never runs on untrusted bytes: it reads only what a
   * table of this JVM or a table file wrote.
   *
   * @param <T> the type encoded
   * @return the codec named {@code jets.serializable}: the default of off-heap tables, and of table
   *     files written from heap tables
   */
  @SuppressWarnings("unchecked")
  static <T> Codec<T> serializable() {
    return (Codec<T>) Codecs.SERIALIZABLE;
  }
}
