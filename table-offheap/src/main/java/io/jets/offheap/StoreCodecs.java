package io.jets.offheap;

import io.jets.table.BadArgumentException;
import io.jets.table.spi.StoredObject;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The key and value codecs of an off-heap table, as its store uses them: an object goes in as
 * bytes, with an error naming the table if its codec cannot encode it, and every read decodes a new
 * copy.
 */
final class StoreCodecs {

  private final Codec<Object> keyCodec;
  private final Codec<Object> valueCodec;
  private final Supplier<String> tableName;

  @SuppressWarnings("unchecked")
  StoreCodecs(Codec<?> keyCodec, Codec<?> valueCodec, Supplier<String> tableName) {
    this.keyCodec = (Codec<Object>) keyCodec;
    this.valueCodec = (Codec<Object>) valueCodec;
    this.tableName = tableName;
  }

  Codec<Object> keyCodec() {
    return keyCodec;
  }

  Codec<Object> valueCodec() {
    return valueCodec;
  }

  private byte[] encode(Codec<Object> codec, Object object, String what) {
    byte[] bytes;
    try {
      bytes = codec.encode(object);
    } catch (RuntimeException e) {
      throw new BadArgumentException(
          tableName.get(),
          what + " " + object + " cannot be encoded by " + codec.name() + ": " + e.getMessage(),
          e);
    }
    if (bytes == null) { // against Codec.encode's contract; a write would take it for a removal
      throw new BadArgumentException(
          tableName.get(), what + " " + object + ": codec " + codec.name() + " encoded it to null");
    }
    return bytes;
  }

  byte[] encodeKey(Object key) {
    return encode(keyCodec, key, "key");
  }

  byte[] encodeValue(Object value) {
    return encode(valueCodec, value, "value");
  }

  StoredObject decoded(Object key, byte[] value) {
    return value == null ? null : new StoredObject(key, valueCodec.decode(value));
  }

  StoredObject decoded(byte[][] object) {
    return object == null ? null : decoded(keyCodec.decode(object[0]), object[1]);
  }

  /**
   * Equal, or equal once encoded: every read decodes a new copy, so a value read back earlier is
   * never the stored one, and for a value whose {@code equals} is identity ({@code byte[]}) only
   * the bytes tell that it is.
   */
  boolean sameValue(Object stored, Object expected) {
    if (stored.equals(expected)) {
      return true;
    }
    try {
      return Arrays.equals(valueCodec.encode(stored), valueCodec.encode(expected));
    } catch (RuntimeException e) {
      return false; // a value the codec cannot encode is not stored
    }
  }
}
