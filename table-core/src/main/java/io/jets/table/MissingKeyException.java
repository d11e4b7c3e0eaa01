package io.jets.table;

/** The operation needs an object under the key and there is none (ETS's {@code badkey}). */
public class MissingKeyException extends TableException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  /**
   * Creates the exception for the absent {@code key} met by {@code operation}.
   *
   * @param tableName the name of the table the operation was called on
   * @param operation the operation that needed the key
   * @param key the key with no object
   */
  public MissingKeyException(String tableName, String operation, Object key) {
    super(tableName, operation + ": no object with key " + key);
    this.key = key;
  }

  /**
   * The key that was not found.
   *
   * @return the key; null in a deserialized exception, since the key is not serialized
   */
  public Object key() {
    return key;
  }
}
