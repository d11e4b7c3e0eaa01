package io.jets.table;

import io.jets.owner.Owner;

/**
 * A table's ownership and lifecycle, ETS's {@code give_away}, {@code setopts} of heir and
 * protection, {@code rename} and {@code delete}: every {@link Table} has them. Each is serialized
 * with the table's other ownership changes and its deletion, and exclusive with its writes; the
 * checks and exceptions are those of {@link Table}'s class documentation.
 */
public interface TableLifecycle {

  /**
   * Makes {@code receiver} the owner and delivers it a {@link TableTransfer} carrying {@code
   * giftData}. Only the owner may call it; the heir is unchanged. Atomic: ownership changes, heir
   * changes, renames and deletion of a table happen one at a time, and a hand-over is exclusive
   * with writes (a write in flight completes before it, under the old owner's rights, or fails).
   *
   * @param receiver the new owner
   * @param giftData the {@link TableTransfer#data() data} of the transfer message; may be null
   * @throws AccessDeniedException if the caller is not the owner ({@link NotOwnerException} on a
   *     {@code PUBLIC} table, which the caller may write)
   * @throws BadArgumentException if {@code receiver} is null, has exited or already owns the table
   */
  void giveAway(Owner receiver, Object giftData);

  /**
   * Sets the owner that inherits the table when the owner exits; {@code heirData} goes into the
   * {@link TableTransfer} it receives. Only the owner may call it. An heir that has already exited
   * means no heir. Atomic with the owner's exit: the exit sees the heir before or after the change,
   * never a mix of old heir and new data.
   *
   * @param heir the owner that inherits the table
   * @param heirData the {@link TableTransfer#data() data} of the heir's transfer message; may be
   *     null
   * @throws AccessDeniedException if the caller is not the owner ({@link NotOwnerException} on a
   *     {@code PUBLIC} table)
   * @throws BadArgumentException if {@code heir} is null
   */
  void setHeir(Owner heir, Object heirData);

  /**
   * Sets the owner that inherits the table when the owner exits, with no {@link TableTransfer}
   * message: it becomes the owner in silence (OTP 27's {@code {heir, Pid}}). Only the owner may
   * call it. An heir that has already exited means no heir.
   *
   * @param heir the owner that inherits the table
   * @throws AccessDeniedException if the caller is not the owner ({@link NotOwnerException} on a
   *     {@code PUBLIC} table)
   * @throws BadArgumentException if {@code heir} is null
   */
  void setHeir(Owner heir);

  /**
   * Removes the heir: the table will die with its owner. Only the owner may call it; atomic with
   * the owner's exit, as {@link #setHeir(Owner, Object)}.
   *
   * @throws AccessDeniedException if the caller is not the owner ({@link NotOwnerException} on a
   *     {@code PUBLIC} table)
   */
  void clearHeir();

  /**
   * Changes the table's protection (ETS's {@code setopts(T, {protection, P})}). Only the owner may
   * call it. Exclusive with writes: a write in flight completes under the old protection, and every
   * later write is checked against the new one; a read that has already passed its check completes
   * (reads take no lock), every later one is checked against the new one.
   *
   * @param access the new protection
   * @throws AccessDeniedException if the caller is not the owner ({@link NotOwnerException} on a
   *     {@code PUBLIC} table)
   * @throws BadArgumentException if {@code access} is null
   */
  void setAccess(Access access);

  /**
   * Renames the table. For a named table the new name is registered before the old one is freed, so
   * at every moment the table is found under one of them. Serialized with the table's other
   * ownership changes and its deletion. Requires write access.
   *
   * @param newName the table's new name
   * @throws AccessDeniedException without write access
   * @throws BadArgumentException if {@code newName} is null or empty, or the table is named and
   *     {@code newName} is in use
   */
  void rename(String newName);

  /**
   * Deletes the table: its objects are dropped, its name is freed at once, and every later
   * operation on it throws {@link TableDeletedException}. Requires write access. Atomic and
   * exclusive with writes: a write either completes before the deletion or fails.
   *
   * @throws AccessDeniedException without write access
   */
  void delete();
}
