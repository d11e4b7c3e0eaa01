package io.jets.table.internal;

import io.jets.table.TableBuilder;
import java.util.function.BiFunction;

/**
 * How jets' engine modules read the settings a {@link TableBuilder} subclass collected: the builder
 * installs its reader here when its class initializes, so the settings stay out of the public API.
 */
public final class BuilderSettings {

  private static volatile BiFunction<TableBuilder<?>, Boolean, TableOptions> reader;

  private BuilderSettings() {}

  /** Called once, by {@link TableBuilder}'s static initializer. */
  public static void install(BiFunction<TableBuilder<?>, Boolean, TableOptions> settings) {
    reader = settings;
  }

  /**
   * The builder's settings, validated (throws {@code BadArgumentException} naming the table on a
   * conflict). With {@code mayStandalone}, a builder with no owner, binding, registered name or
   * heir gives a standalone table's options (see {@code TableOptions#standalone}).
   */
  public static TableOptions options(TableBuilder<?> builder, boolean mayStandalone) {
    // The builder exists, so its class, and with it the reader, is initialized.
    return reader.apply(builder, mayStandalone);
  }
}
