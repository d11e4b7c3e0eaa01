package io.jets.table.internal;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.NotOwnerException;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableInfo;
import io.jets.table.TableStats;
import io.jets.table.TableTransfer;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every table type shares: name, owner, heir, access checks and the lifecycle (deletion,
 * inheritance, give-away). Storage lives in the subclasses.
 *
 * <p>Lifecycle changes (owner, heir, name, deletion) are serialized by {@code adminLock}; the
 * fields they change are volatile so that the access checks on the operation paths read them
 * without a lock. Deletion also takes every writer lock of the storage, so a write racing a
 * deletion either completes before it or fails with {@link TableDeletedException}.
 */
public abstract class AbstractTable<K, V> implements Table<K, V> {

  private final ReentrantLock adminLock = new ReentrantLock();
  private final TableType type;
  private final boolean named;
  private final boolean readConcurrency;
  private final WriteConcurrency writeConcurrency;
  private final boolean decentralizedCounters;
  private final TableStatsCounters statsCounters; // null unless recordStats: one predictable branch

  private volatile String name;

  @SuppressWarnings("unused") // read and written through ACCESS only: loAccess, soAccess
  private Access access;

  private static final VarHandle ACCESS;

  static {
    try {
      ACCESS = MethodHandles.lookup().findVarHandle(AbstractTable.class, "access", Access.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The protection, load-opaque: no volatile read on the read path, yet never hoisted out of a
   * reader's loop. A write re-checks it under its writer lock, which {@link #setAccess} takes.
   */
  private Access loAccess() {
    return (Access) ACCESS.getOpaque(this);
  }

  /** Store-opaque of a new protection; the caller holds adminLock and every writer lock. */
  private void soAccess(Access newAccess) {
    ACCESS.setOpaque(this, newAccess);
  }

  private volatile Owner owner;
  private volatile Owner heir;
  private volatile Object heirData; // NO_MESSAGE: the heir inherits without a TableTransfer

  /** The heir data of an heir that inherits in silence (OTP 27's {@code {heir, Pid}}). */
  private static final Object NO_MESSAGE = new Object();

  private volatile boolean deleted;
  private Owner.Registration ownerRegistration; // guarded by adminLock
  private final Map<Owner, Fixation> fixations = new HashMap<>(); // guarded by adminLock
  private volatile boolean fixed;
  private long fixedSinceNanos; // guarded by adminLock; meaningful while fixed

  /** One owner's safeFixtable count, and the exit listener that drops it. */
  private static final class Fixation {
    int count;
    Owner.Registration onExit;
  }

  protected AbstractTable(TableOptions options) {
    this.type = options.type();
    this.named = options.named();
    this.readConcurrency = options.readConcurrency();
    this.writeConcurrency = options.writeConcurrency();
    this.decentralizedCounters = options.decentralizedCounters();
    this.statsCounters = options.recordStats() ? new TableStatsCounters() : null;
    this.name = options.name();
    soAccess(options.access());
    this.owner = options.owner();
    TableOptions.Heir requested = options.heir();
    if (requested != null && requested.owner().isAlive()) {
      this.heir = requested.owner();
      this.heirData = requested.transferMessage() ? requested.data() : NO_MESSAGE;
    }
  }

  /**
   * Registers the table by name and with its owner. Called once by the factory after construction,
   * so that no listener sees a half-built table.
   */
  protected final void open() {
    adminLock.lock();
    try {
      TableRegistry.register(this, name, named);
      Optional<Owner.Registration> registration = owner.onExit(this::onOwnerExit);
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

  // ---- storage hooks ----

  /** Takes every writer lock of the storage, in a fixed order. */
  protected abstract void lockAllWriters();

  /** Releases what {@link #lockAllWriters()} took. */
  protected abstract void unlockAllWriters();

  /** Drops every object; called with every writer lock held, once the table is marked deleted. */
  protected abstract void dropStorage();

  /** The number of writer-lock stripes now in use. */
  protected abstract int lockStripes();

  /** An estimate of the bytes the structure uses. */
  protected abstract long memoryBytes();

  /** The number of objects, with no access check (for {@link #info}). */
  protected abstract long objectCount();

  /** True while any owner has the table fixed. */
  protected boolean isFixed() {
    return fixed;
  }

  // ---- stats hooks: each costs one branch on a final field when stats are off ----

  /** Counts one read of one key. */
  protected final void countLookup(boolean hit) {
    if (statsCounters != null) {
      statsCounters.lookup(hit);
    }
  }

  /** Counts {@code objects} objects written. */
  protected final void countInserts(long objects) {
    if (statsCounters != null) {
      statsCounters.inserted(objects);
    }
  }

  /** Counts one delete call that removed something. */
  protected final void countDelete() {
    if (statsCounters != null) {
      statsCounters.deleted();
    }
  }

  @Override
  public final TableStats stats() {
    checkRead("stats");
    return statsCounters == null ? TableStats.NOT_RECORDING : statsCounters.snapshot();
  }

  // ---- checks on the operation paths ----

  /** Throws unless the calling owner may read. */
  public final void checkRead(String operation) {
    if (deleted) {
      throw new TableDeletedException(name, operation);
    }
    checkReadAccess(operation);
  }

  /**
   * Throws if the table is PRIVATE and the caller is not its owner. Without the deletion check of
   * {@link #checkRead}: a single-key read detects deletion through the data instead (a deleted
   * table's store finds nothing, so only a miss needs to look at the flag).
   */
  protected final void checkReadAccess(String operation) {
    if (loAccess() == Access.PRIVATE && Owner.current() != owner) {
      if (deleted) {
        throw new TableDeletedException(name, operation); // deletion first, as checkRead says
      }
      throw new AccessDeniedException(
          name,
          operation
              + ": PRIVATE table owned by "
              + owner.name()
              + ", called by "
              + Owner.current().name());
    }
  }

  /**
   * Throws unless the calling owner may write; returns the owner the check saw, or null on a PUBLIC
   * table, for {@link #checkWriteLocked}.
   */
  protected final Owner checkWrite(String operation) {
    if (deleted) {
      throw new TableDeletedException(name, operation);
    }
    Access protection = loAccess();
    if (protection == Access.PUBLIC) {
      return null;
    }
    Owner seen = owner;
    if (Owner.current() != seen) {
      throw new AccessDeniedException(
          name,
          operation
              + ": "
              + protection
              + " table owned by "
              + seen.name()
              + ", called by "
              + Owner.current().name());
    }
    return seen;
  }

  /**
   * Re-checks, with the writer lock held, that the table is not deleted and that its owner is still
   * {@code writer} (what {@link #checkWrite} returned): a hand-over takes every writer lock, so a
   * write that passed its check before one either completes before it or fails here.
   */
  protected final void checkWriteLocked(String operation, Owner writer) {
    if (deleted) {
      throw new TableDeletedException(name, operation);
    }
    if (writer != null && owner != writer) {
      throw new AccessDeniedException(
          name,
          operation
              + ": the table passed from "
              + writer.name()
              + " to "
              + owner.name()
              + " before the write could take its lock");
    }
    if (writer == null && loAccess() != Access.PUBLIC && Owner.current() != owner) {
      throw new AccessDeniedException(
          name,
          operation
              + ": the table became "
              + loAccess()
              + " before the write could take its lock, and "
              + Owner.current().name()
              + " is not its owner");
    }
  }

  /** Re-checks deletion with the writer lock held. */
  protected final void checkNotDeletedLocked(String operation) {
    if (deleted) {
      throw new TableDeletedException(name, operation);
    }
  }

  protected final <T> T requireArgument(T argument, String what, String operation) {
    if (argument == null) {
      throw new BadArgumentException(name, operation + ": " + what + " is null");
    }
    return argument;
  }

  // ---- metadata ----

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final TableType type() {
    return type;
  }

  @Override
  public final Owner owner() {
    return owner;
  }

  @Override
  public final boolean isDeleted() {
    return deleted;
  }

  protected final boolean readConcurrency() {
    return readConcurrency;
  }

  protected final WriteConcurrency writeConcurrency() {
    return writeConcurrency;
  }

  protected final boolean decentralizedCounters() {
    return decentralizedCounters;
  }

  @Override
  public final TableInfo info() {
    // As ets:info/1: no read access needed, so an heir or a monitor can see who owns a PRIVATE
    // table.
    if (deleted) {
      throw new TableDeletedException(name, "info");
    }
    return new TableInfo(
        name,
        named,
        type,
        loAccess(),
        owner,
        Optional.ofNullable(heir),
        readConcurrency,
        writeConcurrency,
        decentralizedCounters,
        lockStripes(),
        objectCount(),
        memoryBytes(),
        isFixed(),
        safeFixation());
  }

  /** Since when and by whom the table is fixed, or empty. */
  private Optional<TableInfo.SafeFixation> safeFixation() {
    adminLock.lock();
    try {
      if (fixations.isEmpty()) {
        return Optional.empty();
      }
      Map<Owner, Integer> counts = new HashMap<>();
      fixations.forEach((fixer, fixation) -> counts.put(fixer, fixation.count));
      return Optional.of(new TableInfo.SafeFixation(fixedSinceNanos, counts));
    } finally {
      adminLock.unlock();
    }
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
                + caller.name());
      }
      throw new AccessDeniedException(
          name,
          operation
              + ": no write access to a "
              + loAccess()
              + " table owned by "
              + owner.name()
              + ", called by "
              + caller.name());
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
    adminLock.lock();
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
      fixed = !fixations.isEmpty();
    } finally {
      adminLock.unlock();
    }
  }

  private void dropFixations(Owner exited) {
    adminLock.lock();
    try {
      fixations.remove(exited);
      fixed = !fixations.isEmpty();
    } finally {
      adminLock.unlock();
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
    for (Fixation fixation : fixations.values()) {
      if (fixation.onExit != null) {
        fixation.onExit.cancel();
      }
    }
    fixations.clear();
    fixed = false;
  }

  @Override
  public String toString() {
    return "Table["
        + name
        + ", "
        + type
        + (deleted ? ", deleted" : ", owner " + owner.name())
        + "]";
  }
}
