package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.Access;
import io.jets.table.internal.hash.BucketChain;
import io.jets.table.internal.hash.HashStore;
import io.jets.table.spi.StoredObject;

/**
 * A hash {@code set} table that records no statistics: {@link SetStoreTable} with {@code get},
 * {@code insert}, {@code delete} and {@code updateCounter(key, n)} specialized for that
 * configuration, as Caffeine picks a class per feature set. A read reaches the hash engine through
 * one field that also says whether anyone may read (no type guard on an interface call, no separate
 * protection check, no key-order or stats branch); a write is one call into the engine, with this
 * table as the gate it asks under the key's stripe. Anything else (a null argument, a caller that
 * may not read or write, a miss on a deleted table, a write the engine refuses) takes the general
 * path, which checks and reports as every table does.
 */
final class HashSetTable<K, V> extends SetStoreTable<K, V> implements HashStore.WriteGate {

  private final HashStore hash;

  /**
   * The engine while the table is not PRIVATE, null while it is. Volatile, so a reader's loop sees
   * a change promptly; on x86 its load costs what a plain one does, where an opaque VarHandle load
   * (as the protection's own) constrains the compiler's scheduling of the loads around it.
   */
  private volatile HashStore open;

  /** Whether the table is PUBLIC: anyone writes, no owner to check. */
  private volatile boolean publicWrites;

  HashSetTable(TableOptions options, HashStore hash) {
    super(options, hash);
    this.hash = hash;
    accessChanged(options.access());
  }

  @Override
  protected void accessChanged(Access access) {
    open = access == Access.PRIVATE ? null : hash;
    publicWrites = access == Access.PUBLIC;
  }

  /**
   * Whether the caller may write now: the table is live, and PUBLIC or the caller owns it (ETS's
   * owner writing its protected table, the common case). Asked under the key's stripe: setAccess,
   * giveAway, an heir's inheritance and deletion take every stripe, so the answer holds until the
   * write unlocks.
   */
  @Override
  public boolean mayWrite() {
    return !isDeleted() && (publicWrites || Owner.current() == owner());
  }

  /**
   * One call into the engine (see {@link HashStore#writeSet}); anything it refuses (a caller that
   * may not write, a deleted table, user code running under the stripe), having changed nothing,
   * takes the general path, which checks and reports.
   */
  @Override
  public void insert(K key, V value) {
    if (key == null
        || value == null
        || hash.writeSet(key, BucketChain.spread(key), value, this) == HashStore.REFUSED) {
      super.insert(key, value);
    }
  }

  @Override
  public long updateCounter(K key, long increment) {
    if (key != null) {
      Long sum = hash.addToCounter(key, BucketChain.spread(key), increment, this);
      if (sum != null) {
        return sum;
      }
    }
    return super.updateCounter(key, increment);
  }

  @Override
  public boolean delete(K key) {
    if (key != null) {
      StoredObject removed = hash.writeSet(key, BucketChain.spread(key), null, this);
      if (removed != HashStore.REFUSED) {
        return removed != null;
      }
    }
    return super.delete(key);
  }

  /**
   * A hit on a table that is not PRIVATE returns at once: the engine finds nothing once the table
   * is deleted, so a hit proves the table was live when the read took effect. A miss reports a
   * deletion as the general path does.
   */
  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    HashStore readable = open;
    if (readable != null && key != null) {
      StoredObject found = readable.find(key, BucketChain.spread(key));
      if (found != null) {
        return (V) found.laValue();
      } else if (!isDeleted()) {
        return null;
      }
    }
    return super.get(key);
  }
}
