package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableInfo;
import io.jets.table.TableStats;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every table type shares: its options, name, owner, heir and protection, the access checks on
 * the operation paths, stats and {@code info}. The lifecycle that changes them is {@link
 * OwnedTable}'s; storage lives in the subclasses below it.
 *
 * <p>Lifecycle changes (owner, heir, protection, name, deletion) are serialized by {@code
 * adminLock}; the fields they change are volatile (the protection opaque) so that the access checks
 * on the operation paths, and {@code info}, read them without a lock. Deletion, hand-over and
 * protection changes also take every writer lock of the storage, so a write racing one either
 * completes before it or fails its re-check under its lock.
 */
public abstract class AbstractTable<K, V> implements Table<K, V> {

  final ReentrantLock adminLock = new ReentrantLock(); // serializes lifecycle changes
  private final TableType type;
  final boolean named;

  /** Owned by no lifecycle and held weakly by the registry, until a giveAway makes it owned. */
  volatile boolean standalone;

  private final boolean readConcurrency;
  private final WriteConcurrency writeConcurrency;
  private final boolean decentralizedCounters;
  private final TableStatsCounters statsCounters; // null unless recordStats: one predictable branch

  volatile String name;

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
   * reader's loop. A write re-checks it under its writer lock, which setAccess takes.
   */
  final Access loAccess() {
    return (Access) ACCESS.getOpaque(this);
  }

  /** Store-opaque of a new protection; the caller holds adminLock and every writer lock. */
  final void soAccess(Access newAccess) {
    ACCESS.setOpaque(this, newAccess);
  }

  /**
   * Called by {@code setAccess} after the protection changed, under the same locks; a table class
   * that caches what the protection allows updates it here.
   *
   * @param access the new protection
   */
  protected void accessChanged(Access access) {}

  volatile Owner owner;
  volatile Owner heir;
  volatile Object heirData; // NO_MESSAGE: the heir inherits without a TableTransfer

  /** The heir data of an heir that inherits in silence (OTP 27's {@code {heir, Pid}}). */
  static final Object NO_MESSAGE = new Object();

  volatile boolean deleted;
  Owner.Registration ownerRegistration; // guarded by adminLock

  /**
   * Serializes safeFixtable's changes. Not adminLock: a lifecycle change holds that while it waits
   * for every writer, and safeFixtable, which needs only read access, must not wait for a writer.
   * Never held while waiting for another lock of the table.
   */
  final ReentrantLock fixationLock = new ReentrantLock();

  final Map<Owner, Fixation> fixations = new HashMap<>(); // guarded by fixationLock
  long fixedSinceNanos; // guarded by fixationLock; meaningful while fixed

  /** What info reports of the fixes, null while none: a snapshot taken under fixationLock. */
  private volatile TableInfo.SafeFixation fixation;

  /** One owner's safeFixtable count, and the exit listener that drops it. */
  static final class Fixation {
    int count;
    Owner.Registration onExit;
  }

  protected AbstractTable(TableOptions options) {
    this.type = options.type();
    this.named = options.named();
    this.standalone = options.standalone();
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
    return fixation != null;
  }

  /** Publishes {@link #fixations} for info after a change; the caller holds fixationLock. */
  final void fixationsChanged() {
    if (fixations.isEmpty()) {
      fixation = null;
      return;
    }
    Map<Owner, Integer> counts = new HashMap<>();
    fixations.forEach((fixer, fixes) -> counts.put(fixer, fixes.count));
    fixation = new TableInfo.SafeFixation(fixedSinceNanos, counts);
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
              + Owner.describeCaller());
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
              + Owner.describeCaller());
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
              + Owner.describeCaller()
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
    TableInfo.SafeFixation fixed = fixation; // read once: fixed() and safeFixation() agree
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
        fixed != null,
        Optional.ofNullable(fixed),
        standalone);
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
