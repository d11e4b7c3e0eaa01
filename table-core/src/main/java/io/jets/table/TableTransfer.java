package io.jets.table;

import io.jets.owner.Owner;

/**
 * The message an owner receives through {@link Owner#deliver(Object)} when a table becomes its own:
 * by inheritance when the previous owner exited, or by {@link Table#giveAway}. The analogue of
 * ETS's {@code {'ETS-TRANSFER', Table, FromPid, Data}}.
 *
 * @param table the table that changed owner
 * @param from the previous owner
 * @param data the heir data or gift data given by the previous owner (may be null)
 */
public record TableTransfer(Table<?, ?> table, Owner from, Object data) {}
