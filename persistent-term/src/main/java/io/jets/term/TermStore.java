package io.jets.term;

import io.jets.owner.ExitListener;
import io.jets.owner.Owner;
import io.jets.term.internal.TermSnapshot;
import io.jets.term.internal.ValueInspector;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One term store: the engine behind {@link PersistentTerm}, which holds the only instance outside
 * tests. Reads are lock-free; writes are serialized by one lock.
 */
final class TermStore {

  /*
   * Concurrency
   *
   * The whole content is one immutable TermSnapshot. Readers load it with an acquire read and look
   * the key up: no lock, no allocation, no store to shared memory. Writers hold writeLock, build the
   * next snapshot from the current one (copy-on-write) and publish it with a release store, so
   * everything a writer did before the put (building the value) happens-before any read that
   * returns the value. writeLock is a ReentrantLock, not synchronized, so a virtual thread that
   * writes never pins its carrier on Java 21.
   *
   * Handles
   *
   * Each key that has a live handle has one MutableCallSite whose target is
   * MethodHandles.constant(value) (ABSENT when the key is not stored). A writer publishes in three
   * steps (publish): it re-targets the key's site to a read-through of the snapshot and calls
   * MutableCallSite.syncAll; it publishes the snapshot; it re-targets the site to the new constant
   * and calls syncAll again. While the snapshot changes, a handle therefore reads what get reads,
   * so the two never go back in time relative to each other (before: a reader saw get = 22 and
   * then the handle = 21), and after the write returns every thread sees the new constant. Re-targeting makes HotSpot deoptimize the compiled
   * methods that inlined the old target: that is the "invalidation of compiled code" in the cost
   * model, and why a write of an equal value must not touch the site. The registry holds handles
   * weakly: a handle nobody references is dropped on the next write, and its site with it.
   *
   * Ownership
   *
   * ownerOfKey and keysOfOwner, guarded by writeLock, record which keys an owner put and have not
   * been replaced by a later put of another owner or a global put, nor erased. The first owned put
   * of an owner registers one exit listener; the listener erases all its keys with one snapshot
   * copy. When an owner's last key is taken from it, the listener is cancelled, so long-lived owners
   * do not accumulate listeners.
   *
   * Memory
   *
   * A snapshot keeps the running sum of its terms' estimates; bytesOfKey, guarded by writeLock,
   * keeps the figure each stored key was added with, which erase, a replacing put and the exit
   * listener subtract. None of them measures the stored value again: the check that measured it
   * may fail by now (an unmodifiable view whose backing collection has since been given a mutable
   * element), yet a term must be removable whatever its value holds; and a new measure of a value
   * that has grown would not take back what its put added.
   */

  /** What a handle's call site returns while its key is not stored; never a stored value. */
  static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "absent";
        }
      };

  private static final VarHandle SNAPSHOT;

  static {
    try {
      SNAPSHOT =
          MethodHandles.lookup().findVarHandle(TermStore.class, "snapshot", TermSnapshot.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Read with SNAPSHOT.getAcquire, written with SNAPSHOT.setRelease under writeLock; never
  // directly.
  private TermSnapshot snapshot = TermSnapshot.EMPTY;

  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<Object, HandleRef> handles = new HashMap<>();
  private final ReferenceQueue<CallSiteTerm<?>> droppedHandles = new ReferenceQueue<>();
  private final Map<Object, Long> bytesOfKey = new HashMap<>();
  private final Map<Object, Owner> ownerOfKey = new HashMap<>();
  private final Map<Owner, OwnedKeys> keysOfOwner = new IdentityHashMap<>();
  private final ExitListener eraseOnExit = (owner, reason) -> eraseOwnedBy(owner);

  /** The value under {@code key}, or null. Lock-free, allocation-free, writes nothing. */
  Object find(Object key) {
    return find("get", key);
  }

  /** As {@link #find(Object)}, for {@code operation}: the name a null key's error gives. */
  Object find(String operation, Object key) {
    if (key == null) {
      throw nullKey(operation);
    }
    return current().get(key);
  }

  private static BadTermArgumentException nullKey(String operation) {
    return new BadTermArgumentException(null, "key", operation + ": key is null");
  }

  TermInfo info() {
    TermSnapshot current = current();
    return new TermInfo(current.size(), current.memoryBytes());
  }

  Map<Object, Object> all() {
    return current().asMap();
  }

  void put(Object key, Object value) {
    long keyBytes = ValueInspector.check("put", "key", key, key);
    long valueBytes = ValueInspector.check("put", "value", key, value);
    writeLock.lock();
    try {
      expungeDroppedHandles();
      store(key, value, keyBytes, valueBytes);
      disown(key);
    } finally {
      writeLock.unlock();
    }
  }

  void put(Owner owner, Object key, Object value) {
    if (owner == null) {
      throw new BadTermArgumentException(key, "owner", "put: owner is null; nothing was stored");
    }
    if (owner == Owner.application()) {
      put(key, value); // The application owner never exits: its terms are global terms.
      return;
    }
    long keyBytes = ValueInspector.check("put", "key", key, key);
    long valueBytes = ValueInspector.check("put", "value", key, value);
    writeLock.lock();
    try {
      expungeDroppedHandles();
      if (!owner.isAlive()) {
        // It has exited but its listeners may still be running, this store's not yet: without
        // this check the put would be accepted, then erased when this store's listener runs.
        throw exited(owner, key);
      }
      OwnedKeys owned = keysOfOwner.get(owner);
      if (owned == null) {
        Optional<Owner.Registration> registration = owner.onExit(eraseOnExit);
        if (registration.isEmpty()) {
          throw exited(owner, key);
        }
        owned = new OwnedKeys(registration.get());
        keysOfOwner.put(owner, owned);
      }
      try {
        store(key, value, keyBytes, valueBytes);
      } catch (RuntimeException | Error e) {
        if (owned.keys.isEmpty()) {
          keysOfOwner.remove(owner);
          owned.registration.cancel();
        }
        throw e;
      }
      Owner previous = ownerOfKey.put(key, owner);
      if (previous != owner) {
        if (previous != null) {
          removeOwnedKey(previous, key);
        }
        owned.keys.add(key);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static BadTermArgumentException exited(Owner owner, Object key) {
    return new BadTermArgumentException(
        key, "owner", "put: owner " + owner + " has exited; nothing was stored");
  }

  void putNew(Object key, Object value) {
    long keyBytes = ValueInspector.check("putNew", "key", key, key);
    long valueBytes = ValueInspector.check("putNew", "value", key, value);
    writeLock.lock();
    try {
      expungeDroppedHandles();
      Object stored = current().get(key);
      if (stored == null) {
        store(key, value, keyBytes, valueBytes);
      } else if (!sameValue(stored, value)) {
        throw new TermExistsException(key);
      }
    } finally {
      writeLock.unlock();
    }
  }

  boolean erase(Object key) {
    if (key == null) {
      throw nullKey("erase");
    }
    writeLock.lock();
    try {
      expungeDroppedHandles();
      TermSnapshot current = current();
      Object stored = current.get(key);
      if (stored == null) {
        return false;
      }
      publish(current.without(key, -bytesOfKey.get(key)), List.of(key), ABSENT);
      bytesOfKey.remove(key);
      disown(key);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  @SuppressWarnings("unchecked")
  <T> Term<T> handle(Object key) {
    ValueInspector.check("handle", "key", key, key);
    writeLock.lock();
    try {
      expungeDroppedHandles();
      HandleRef ref = handles.get(key);
      CallSiteTerm<?> term = ref == null ? null : ref.get();
      if (term == null) {
        Object stored = current().get(key);
        MutableCallSite site =
            new MutableCallSite(
                MethodHandles.constant(Object.class, stored == null ? ABSENT : stored));
        term = new CallSiteTerm<>(key, site.dynamicInvoker());
        handles.put(key, new HandleRef(term, key, site, droppedHandles));
      }
      return (Term<T>) term;
    } finally {
      writeLock.unlock();
    }
  }

  private TermSnapshot current() {
    return (TermSnapshot) SNAPSHOT.getAcquire(this);
  }

  /** Publishes key -> value unless an equal value is stored already. Caller holds writeLock. */
  private void store(Object key, Object value, long keyBytes, long valueBytes) {
    TermSnapshot current = current();
    Object stored = current.get(key);
    if (stored != null && sameValue(stored, value)) {
      return; // OTP's rule: an equal value is a no-op, and compiled code keeps its constant.
    }
    long bytes = keyBytes + valueBytes;
    long delta = stored == null ? bytes : bytes - bytesOfKey.get(key);
    publish(current.with(key, value, delta), List.of(key), value);
    bytesOfKey.put(key, bytes);
  }

  private static boolean sameValue(Object stored, Object value) {
    return stored == value || stored.equals(value);
  }

  /**
   * Publishes {@code next}, in which every key of {@code keys} now holds {@code value} (ABSENT:
   * none), and re-targets the call sites of those keys that have handles, through a read-through of
   * the snapshot while it changes (see the design notes). Caller holds writeLock.
   */
  private void publish(TermSnapshot next, List<Object> keys, Object value) {
    jdk.jfr.Event event = TermEvents.begin(value == ABSENT);
    List<MutableCallSite> changed = new ArrayList<>(keys.size());
    List<Object> changedKeys = new ArrayList<>(keys.size());
    for (Object key : keys) {
      HandleRef ref = handles.get(key);
      if (ref != null) {
        changed.add(ref.site);
        changedKeys.add(key);
      }
    }
    if (changed.isEmpty()) {
      SNAPSHOT.setRelease(this, next);
    } else {
      MutableCallSite[] sites = changed.toArray(MutableCallSite[]::new);
      for (int i = 0; i < sites.length; i++) {
        sites[i].setTarget(READ_THROUGH.bindTo(this).bindTo(changedKeys.get(i)));
      }
      MutableCallSite.syncAll(sites);
      SNAPSHOT.setRelease(this, next);
      for (MutableCallSite site : sites) {
        site.setTarget(MethodHandles.constant(Object.class, value));
      }
      MutableCallSite.syncAll(sites);
    }
    if (event != null) {
      TermEvents.end(
          event,
          keys.size() == 1 ? String.valueOf(keys.get(0)) : keys.size() + " keys",
          changed.size());
    }
  }

  /** A handle's target while its key's value changes: the snapshot's value, or ABSENT. */
  private static Object readThrough(TermStore store, Object key) {
    Object stored = store.current().get(key);
    return stored == null ? ABSENT : stored;
  }

  private static final MethodHandle READ_THROUGH;

  static {
    try {
      READ_THROUGH =
          MethodHandles.lookup()
              .findStatic(
                  TermStore.class,
                  "readThrough",
                  MethodType.methodType(Object.class, TermStore.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The owner exit listener: erases every key the owner still owns. */
  private void eraseOwnedBy(Owner owner) {
    writeLock.lock();
    try {
      OwnedKeys owned = keysOfOwner.remove(owner);
      if (owned == null) {
        return;
      }
      TermSnapshot current = current();
      long bytes = 0;
      List<Object> erased = new ArrayList<>(owned.keys.size());
      for (Object key : owned.keys) {
        ownerOfKey.remove(key);
        Object stored = current.get(key);
        if (stored != null) {
          bytes += bytesOfKey.get(key);
          erased.add(key);
        }
      }
      publish(current.withoutAll(erased, -bytes), erased, ABSENT);
      for (Object key : erased) {
        bytesOfKey.remove(key);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Makes {@code key} nobody's: a global put or an erase. Caller holds writeLock. */
  private void disown(Object key) {
    Owner previous = ownerOfKey.remove(key);
    if (previous != null) {
      removeOwnedKey(previous, key);
    }
  }

  private void removeOwnedKey(Owner owner, Object key) {
    OwnedKeys owned = keysOfOwner.get(owner);
    owned.keys.remove(key);
    if (owned.keys.isEmpty()) {
      keysOfOwner.remove(owner);
      owned.registration.cancel();
    }
  }

  private void expungeDroppedHandles() {
    for (Reference<?> dropped; (dropped = droppedHandles.poll()) != null; ) {
      HandleRef ref = (HandleRef) dropped;
      handles.remove(ref.key, ref);
    }
  }

  /** A registry entry: the handle, weakly, and what a writer needs to re-target it. */
  private static final class HandleRef extends WeakReference<CallSiteTerm<?>> {
    final Object key;
    final MutableCallSite site;

    HandleRef(
        CallSiteTerm<?> term,
        Object key,
        MutableCallSite site,
        ReferenceQueue<CallSiteTerm<?>> queue) {
      super(term, queue);
      this.key = key;
      this.site = site;
    }
  }

  /** The keys one owner owns, and its exit-listener registration. */
  private static final class OwnedKeys {
    final Owner.Registration registration;
    final Set<Object> keys = new HashSet<>();

    OwnedKeys(Owner.Registration registration) {
      this.registration = registration;
    }
  }
}
