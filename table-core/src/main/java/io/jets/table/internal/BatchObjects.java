package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.spi.KeyOrderException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/** The objects of a multi-object write, checked before anything changes: one rule, every table. */
public final class BatchObjects {

  private BatchObjects() {}

  /**
   * The keys ({@code [0]}) and values ({@code [1]}) of {@code objects}, in iteration order.
   *
   * @param order the table's key order, or null; every key must compare under it
   * @throws BadArgumentException naming the table and the first object that is null, has a null key
   *     or value, or has a key {@code order} cannot compare
   */
  public static Object[][] checked(
      AbstractTable<?, ?> table,
      Collection<? extends Map.Entry<?, ?>> objects,
      Comparator<Object> order,
      String operation) {
    table.requireArgument(objects, "object collection", operation);
    Object[] entries = objects.toArray();
    Object[] keys = new Object[entries.length];
    Object[] values = new Object[entries.length];
    for (int i = 0; i < entries.length; i++) {
      Map.Entry<?, ?> entry = (Map.Entry<?, ?>) entries[i];
      if (entry == null || entry.getKey() == null || entry.getValue() == null) {
        throw new BadArgumentException(
            table.name(),
            operation
                + ": object "
                + i
                + " is "
                + (entry == null ? "null" : "a null key or value: " + entry));
      }
      keys[i] = entry.getKey();
      values[i] = entry.getValue();
      if (order != null) {
        try {
          order.compare(keys[i], keys[i]);
        } catch (KeyOrderException e) {
          throw new BadArgumentException(
              table.name(),
              operation
                  + ": key "
                  + keys[i]
                  + " cannot be ordered by the table's comparator: "
                  + e.getCause(),
              e.getCause());
        }
      }
    }
    return new Object[][] {keys, values};
  }
}
