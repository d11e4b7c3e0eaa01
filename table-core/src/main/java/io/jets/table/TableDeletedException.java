package io.jets.table;

/** The table has been deleted (explicitly, or because its owner exited without an heir). */
public class TableDeletedException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} on the deleted table {@code tableName}.
   *
   * @param tableName the deleted table's name
   * @param operation the operation that was called on it
   */
  public TableDeletedException(String tableName, String operation) {
    super(tableName, operation + " on a deleted table");
  }
}
