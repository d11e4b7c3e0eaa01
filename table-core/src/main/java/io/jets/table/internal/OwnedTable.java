package io.jets.table.internal;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.NotOwnerException;
import io.jets.table.TableDeletedException;
import io.jets.table.TableTransfer;
import java.util.Optional;

/**
 * The table's lifecycle on top of {@link AbstractTable}'s state and checks: registration, owner
 * exit, inheritance, give-away, heirs, protection changes, renaming, deletion and safe fixation.
 * Every change but safe fixation is serialized by {@code adminLock}; hand-over, protection changes
 * and deletion also take every writer lock of the storage, so a write racing one either completes
 * before it or fails its re-check under its lock. Safe fixation has a lock of its own ({@code
 * fixationLock}), so that it never waits for a writer that a lifecycle change is waiting for.
 */
public abstract class OwnedTable<K, V> extends AbstractTable<K, V> {

  protected OwnedTable(TableOptions options) {
    super(options);
  }

  /**
   * Registers the table by name and with its owner. Called once by the factory after construction,
   * so that no listener sees a half-built table.
   */
  protected final void open() {
    adminLock.lock();
    try {
      TableRegistry.register(this, name, named, standalone);
      Optional<Owner.Registration> registration;
      try {
        registration = owner.onExit(this::onOwnerExit);
      } catch (RuntimeException | Error e) { // the owner's code: the table stays unregistered
        TableRegistry.unregister(this, name, named);
        throw e;
      }
      if (registration.isEmpty()) {
        TableRegistry.unregister(this, name, named);
        throw new BadArgumentException(name, "owner " + owner.name() + " has already exited");
      }
      ownerRegistration = registration.get();
    } finally {
      adminLock.unlock();
    }
    TableEvents.created(this, owner, loAccess().name());
  }

  // ---- ownership and lifecycle ----

  private void checkOwner(String operation) {
    if (deleted) {
      throw new TableDeletedException(name, operation);
    }
    Owner caller = Owner.current();
    if (caller != owner) {
      // As ETS: write access first (a stranger to a PROTECTED or PRIVATE table has none), and
      // not_owner only for a caller that may write, on a PUBLIC table.
      if (loAccess() == Access.PUBLIC) {
        throw new NotOwnerException(
            name,
            operation
                + ": only the owner "
                + owner.name()
                + " may do this, called by "
                + Owner.describeCaller());
      }
      throw new AccessDeniedException(
          name,
          operation
              + ": no write access to a "
              + loAccess()
              + " table owned by "
              + owner.name()
              + ", called by "
              + Owner.describeCaller());
    }
  }

  @Override
  public final void giveAway(Owner receiver, Object giftData) {
    adminLock.lock();
    try {
      checkOwner("giveAway");
      requireArgument(receiver, "receiver", "giveAway");
      if (receiver == owner) {
        throw new BadArgumentException(
            name, "giveAway: receiver " + receiver.name() + " already owns the table");
      }
      if (!receiver.isAlive()) {
        throw new BadArgumentException(
            name, "giveAway: receiver " + receiver.name() + " has exited");
      }
      if (!transferTo(receiver, giftData, false)) {
        throw new BadArgumentException(
            name, "giveAway: receiver " + receiver.name() + " has exited");
      }
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void setHeir(Owner newHeir, Object newHeirData) {
    setHeir(newHeir, newHeirData, true);
  }

  @Override
  public final void setHeir(Owner newHeir) {
    setHeir(newHeir, null, false);
  }

  private void setHeir(Owner newHeir, Object newHeirData, boolean transferMessage) {
    adminLock.lock();
    try {
      checkOwner("setHeir");
      requireArgument(newHeir, "heir", "setHeir");
      // As in ETS, an heir that is already dead means no heir.
      heir = newHeir.isAlive() ? newHeir : null;
      heirData = heir == null ? null : transferMessage ? newHeirData : NO_MESSAGE;
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void clearHeir() {
    adminLock.lock();
    try {
      checkOwner("clearHeir");
      heir = null;
      heirData = null;
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void setAccess(Access newAccess) {
    adminLock.lock();
    try {
      checkOwner("setAccess");
      requireArgument(newAccess, "access", "setAccess");
      // Exclusive with writes, as a hand-over: a write in flight completes under the old
      // protection, one that has not taken its lock yet re-checks the new one.
      lockAllWriters();
      try {
        soAccess(newAccess);
        accessChanged(newAccess);
      } finally {
        unlockAllWriters();
      }
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void rename(String newName) {
    adminLock.lock();
    try {
      checkWrite("rename");
      requireArgument(newName, "new name", "rename");
      if (newName.isEmpty()) {
        throw new BadArgumentException(name, "rename: new name is empty");
      }
      if (named) {
        TableRegistry.rename(this, name, newName);
      }
      name = newName;
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void delete() {
    adminLock.lock();
    try {
      checkWrite("delete");
      deleteLocked();
    } finally {
      adminLock.unlock();
    }
  }

  @Override
  public final void safeFixtable(boolean fix) {
    fixationLock.lock(); // not adminLock: see fixationLock
    try {
      checkRead("safeFixtable");
      Owner caller = Owner.current();
      Fixation fixation = fixations.get(caller);
      if (fix) {
        if (fixations.isEmpty()) {
          fixedSinceNanos = System.nanoTime(); // as ETS: the time the table was first fixed
        }
        if (fixation == null) {
          fixation = new Fixation();
          fixation.onExit = caller.onExit((exited, reason) -> dropFixations(exited)).orElse(null);
          fixations.put(caller, fixation);
        }
        fixation.count++;
      } else if (fixation != null && --fixation.count == 0) {
        fixations.remove(caller);
        if (fixation.onExit != null) {
          fixation.onExit.cancel();
        }
      }
      fixationsChanged();
    } finally {
      fixationLock.unlock();
    }
  }

  private void dropFixations(Owner exited) {
    fixationLock.lock();
    try {
      fixations.remove(exited);
      fixationsChanged();
    } finally {
      fixationLock.unlock();
    }
  }

  /** Moves ownership to {@code receiver}, which must be alive; false if it exited meanwhile. */
  private boolean transferTo(Owner receiver, Object data, boolean inherited) {
    Optional<Owner.Registration> registration = receiver.onExit(this::onOwnerExit);
    if (registration.isEmpty()) {
      return false;
    }
    Owner from = owner;
    if (ownerRegistration != null) {
      ownerRegistration.cancel();
    }
    ownerRegistration = registration.get();
    if (standalone) { // owned from now on: the registry keeps it, as any owned table
      standalone = false;
      TableRegistry.adopt(this);
    }
    // Exclusive with writes, as deletion is: a write in flight completes before the hand-over (the
    // receiver sees it), and one that has not taken its lock yet fails its re-check.
    lockAllWriters();
    try {
      owner = receiver;
    } finally {
      unlockAllWriters();
    }
    if (data != NO_MESSAGE) {
      receiver.deliver(new TableTransfer(this, from, data));
    }
    TableEvents.transferred(name, from, receiver, inherited);
    return true;
  }

  private void onOwnerExit(Owner exited, ExitReason reason) {
    adminLock.lock();
    try {
      if (deleted || exited != owner) {
        return;
      }
      ownerRegistration = null;
      Owner inheritor = heir;
      if (inheritor != null
          && inheritor != exited
          && inheritor.isAlive()
          && transferTo(inheritor, heirData, true)) {
        return; // ETS keeps the heir as heir after it inherits
      }
      deleteLocked();
    } finally {
      adminLock.unlock();
    }
  }

  private void deleteLocked() {
    lockAllWriters();
    try {
      deleted = true;
      dropStorage();
    } finally {
      unlockAllWriters();
    }
    TableRegistry.unregister(this, name, named);
    TableEvents.deleted(name, owner);
    if (ownerRegistration != null) {
      ownerRegistration.cancel();
      ownerRegistration = null;
    }
    heir = null;
    heirData = null;
    // A safeFixtable that takes fixationLock after this sees the table deleted and fails.
    fixationLock.lock();
    try {
      for (Fixation fixation : fixations.values()) {
        if (fixation.onExit != null) {
          fixation.onExit.cancel();
        }
      }
      fixations.clear();
      fixationsChanged();
    } finally {
      fixationLock.unlock();
    }
  }
}
