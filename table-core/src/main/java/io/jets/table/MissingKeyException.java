package io.jets.table;

/** The operation needs an object under the key and there is none (ETS's {@code badkey}). */
public class MissingKeyException extends TableException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  /** Creates the exception for the absent {@code key} met by {@code operation}. */
  public MissingKeyException(String tableName, String operation, Object key) {
    super(tableName, operation + ": no object with key " + key);
    this.key = key;
  }

  /** The key that was not found. */
  public Object key() {
    return key;
  }
}
