package io.jets.offheap;

import io.jets.table.TableException;

/**
 * A table file could not be written or read back: the analogue of the {@code {error, Reason}} of
 * ETS's {@code tab2file}, {@code file2tab} and {@code tabfile_info}. {@link #reason()} says which;
 * the message names the table (or, before the header is read, the file) and the file.
 */
public class TabFileException extends TableException {

  private static final long serialVersionUID = 1L;

  /** Why the file was rejected. */
  public enum Reason {
    /**
     * The file cannot be read: missing, unreadable, truncated, or not a table file (ETS {@code
     * badfile}, {@code read_error}).
     */
    UNREADABLE,
    /**
     * The file was written by a format version this library does not read ({@code
     * unsupported_file_version}).
     */
    UNSUPPORTED_VERSION,
    /** The objects do not match the checksum written after them ({@code checksum_error}). */
    CHECKSUM_MISMATCH,
    /**
     * The number of objects does not match the count written after them ({@code
     * invalid_object_count}).
     */
    COUNT_MISMATCH,
    /**
     * The file's named table cannot be created: its name is in use ({@code cannot_create_table}).
     */
    NAME_IN_USE,
    /** An object cannot be encoded or decoded with the codecs given or recorded in the file. */
    CODEC,
    /** The file cannot be written. */
    WRITE_FAILED
  }

  /** Why the file was rejected; part of the serialized form. */
  private final Reason reason;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>': <reason>:}.
   *
   * @param tableName the table's name, or the file's path before the header is read
   * @param reason why the file was rejected
   * @param message what was wrong, naming the file
   * @param cause the underlying failure, or null
   */
  public TabFileException(String tableName, Reason reason, String message, Throwable cause) {
    super(tableName, reason + ": " + message, cause);
    this.reason = reason;
  }

  /**
   * Why the file was rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
