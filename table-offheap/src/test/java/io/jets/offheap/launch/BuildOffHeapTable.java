package io.jets.offheap.launch;

import io.jets.offheap.Codec;
import io.jets.offheap.OffHeapTables;
import io.jets.offheap.OffHeapUnavailableException;
import io.jets.table.SetTable;
import java.nio.file.Path;

/**
 * Builds an off-heap table in a JVM of its own and prints what happened, for {@code JvmFlagsTest}:
 * {@code built}, or {@code thrown <class>}, {@code message <message>} and one {@code missing
 * <flag>} line per flag the exception names. With an argument, the table is file-backed by that
 * file. Its package is not {@code io.jets.offheap}, so that it also runs from the class path beside
 * that module on the module path.
 */
public final class BuildOffHeapTable {

  private BuildOffHeapTable() {}

  /**
   * Builds the table {@code flagless}.
   *
   * @param args the table file, or nothing for a table only in memory
   */
  public static void main(String[] args) {
    try {
      var builder = OffHeapTables.set("flagless").keyCodec(Codec.string()).entries(1_000);
      if (args.length > 0) {
        builder.persistedTo(Path.of(args[0]));
      }
      SetTable<String, Object> table = builder.build();
      table.insert("k", "v");
      System.out.println(table.get("k").equals("v") ? "built" : "built, but lost its object");
      table.delete();
    } catch (Throwable e) {
      System.out.println("thrown " + e.getClass().getName());
      System.out.println("message " + String.valueOf(e.getMessage()).replace('\n', ' '));
      if (e instanceof OffHeapUnavailableException unavailable) {
        for (String flag : unavailable.missingFlags()) {
          System.out.println("missing " + flag);
        }
      }
    }
    System.out.flush();
    System.exit(0); // Chronicle may leave threads behind
  }
}
