package io.jets.offheap;

import io.jets.table.TableException;
import java.util.List;

/**
 * Chronicle Map cannot run on this JVM, so no off-heap table can be built: the JVM lacks flags that
 * Chronicle needs ({@link #missingFlags()}, all named in the message, each as it goes on the java
 * command line), or Chronicle failed to start with them. Nothing was created: no table, no file, no
 * lock.
 *
 * <p>The flags are those of the README's "JVM flags for {@code table-offheap}": {@code
 * --add-exports} and {@code --add-opens} naming {@code ALL-UNNAMED} when Chronicle's jars are on
 * the class path, or Chronicle's automatic modules when they are on the module path, and {@code
 * -Dchronicle.analytics.disable=true}.
 */
public class OffHeapUnavailableException extends TableException {

  private static final long serialVersionUID = 1L;

  /** The flags the JVM lacks; part of the serialized form. */
  private final List<String> missingFlags;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>':}.
   *
   * @param tableName the name of the table that could not be built
   * @param message what is missing or what failed
   * @param missingFlags the flags the JVM lacks, as they go on the command line; empty if Chronicle
   *     failed with every flag present
   * @param cause Chronicle's failure, or null if it was not started
   */
  public OffHeapUnavailableException(
      String tableName, String message, List<String> missingFlags, Throwable cause) {
    super(tableName, message, cause);
    this.missingFlags = List.copyOf(missingFlags);
  }

  /**
   * The flags the JVM lacks, each as it goes on the java command line (for example {@code
   * --add-opens=java.base/java.lang=ALL-UNNAMED}), in the README's order.
   *
   * @return the flags; empty if Chronicle failed with every flag present
   */
  public List<String> missingFlags() {
    return missingFlags;
  }
}
