package io.jets.cluster;

/** Keys and values of one replicated table on the wire: {@link TermCodec}'s serialization. */
final class TableCodecs {

  private final TermCodec codec;
  private final String table;

  TableCodecs(String table, String filterPattern) {
    this.table = table;
    this.codec = new TermCodec(filterPattern);
  }

  byte[] encode(Object object, String role) {
    byte[] bytes = codec.encode(object, "of table " + table + ": " + role);
    codec.check(bytes, object, role + " of table " + table);
    return bytes;
  }

  @SuppressWarnings("unchecked")
  <K> K key(byte[] bytes) {
    return (K) codec.decode(bytes, "key of table " + table);
  }

  @SuppressWarnings("unchecked")
  <V> V value(byte[] bytes) {
    return (V) codec.decode(bytes, "value of table " + table);
  }
}
