package io.jets.table.internal.tree;

import io.jets.table.MatchSpec;
import io.jets.table.internal.select.MatchEvaluation;
import io.jets.table.internal.select.MatchEvaluation.KeyRange;
import io.jets.table.internal.tree.ContentionAdaptingTree.BaseNode;
import io.jets.table.internal.tree.ContentionAdaptingTree.Seek;
import io.jets.table.internal.tree.LeafTree.Edit;
import io.jets.table.internal.tree.LeafTree.Node;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ordered engine of {@code ordered_set} tables: a {@link Store} on a {@link
 * ContentionAdaptingTree}, whose design comment says how reads, writes and adaptation work. A
 * single-key write holds the lock of the key's base; multi-object writes freeze the set of bases
 * with the tree's structure lock.
 */
public final class TreeStore implements Store {

  private final ContentionAdaptingTree tree;
  private final Comparator<Object> order;
  private List<BaseNode> lockedForAll; // guarded by the tree's structureLock

  /**
   * @param comparator the key order; null for natural order
   * @param adaptive split and join bases under contention (writeConcurrency ON or AUTO)
   * @param decentralizedCounters count objects in striped cells rather than one atomic counter
   */
  @SuppressWarnings("unchecked")
  public TreeStore(Comparator<?> comparator, boolean adaptive, boolean decentralizedCounters) {
    this.tree =
        new ContentionAdaptingTree(
            (Comparator<Object>) comparator, adaptive, decentralizedCounters);
    this.order = tree.order();
  }

  // ---- reads ----

  @Override
  public StoredObject find(Object key) {
    return tree.find(key);
  }

  @Override
  public StoredObject step(Object key, boolean forward) {
    return OrderedTraversal.step(tree, key, forward);
  }

  /**
   * Visits only the key interval the spec's clauses can match (see MatchEvaluation.keyRange); a
   * bound the comparator cannot order surfaces as KeyOrderException, which the table names.
   */
  @Override
  public boolean scan(
      MatchSpec<?, ?, ?> spec, boolean reverse, boolean resume, Object after, Visitor visitor) {
    return OrderedTraversal.walk(tree, keyRange(spec), reverse, resume, after, visitor);
  }

  /**
   * The walk of {@link #scan} as a cursor that keeps its path ({@link RangeCursor}).
   *
   * @throws KeyOrderException if the spec's key bounds cannot be compared with the keys
   */
  public RangeCursor cursor(MatchSpec<?, ?, ?> spec, boolean reverse) {
    return new RangeCursor(tree, keyRange(spec), reverse);
  }

  /** The key interval {@code spec}'s clauses can match: all of it for no spec. */
  private KeyRange keyRange(MatchSpec<?, ?, ?> spec) {
    return spec == null
        ? KeyRange.ALL
        : MatchEvaluation.keyRange(spec, order, KeyOrder.isNatural(order));
  }

  /**
   * A spec of one bare key range returning {@code TRUE} is counted from leaf lengths: a binary
   * search in each leaf at an end of the range, the length of each leaf between, no object visited
   * and nothing allocated per object.
   */
  @Override
  public long count(MatchSpec<?, ?, ?> spec) {
    KeyRange range = MatchEvaluation.countedRange(spec);
    return range == null ? -1 : OrderedTraversal.count(tree, range);
  }

  /** The walk visits exactly the keys inside the spec's key range (OrderedTraversal.walk). */
  @Override
  public boolean scanWalksKeyRange() {
    return true;
  }

  /** A slot is one object: the one at {@code index} in key order (0 is the first). */
  @Override
  public long slot(long index, Visitor visitor) {
    StoredObject object = OrderedTraversal.nodeAt(tree, index);
    if (object == null) {
      return Math.min(tree.objects(), index); // had no more than index objects when it looked
    }
    visitor.visit(object);
    return Math.max(tree.objects(), index + 1);
  }

  @Override
  public Comparator<Object> keyOrder() {
    return order;
  }

  // ---- single-key writes ----

  @Override
  public Object lock(Object key) {
    BaseNode base = tree.lockBase(key);
    if (base.userCode) { // held by this very thread, which is running an update's function
      tree.unlockBase(base);
      throw new WriteInUserCodeException();
    }
    return base;
  }

  @Override
  public void userCode(Object lock, boolean running) {
    ((BaseNode) lock).userCode = running;
  }

  /**
   * Fails if this thread holds a base: user code (an update's function) starting a batch or a clear
   * (not a lifecycle change, which may run there). It would wait for the structure lock, which
   * another batch may hold while it waits for that very base: a deadlock. A base this thread holds
   * stays in the tree (adaptation only tries base locks), so the scan finds it.
   */
  private void refuseNested() {
    List<BaseNode> bases = new ArrayList<>();
    ContentionAdaptingTree.collectBases(tree.root, bases);
    for (BaseNode base : bases) {
      if (base.lock.isHeldByCurrentThread()) {
        throw new WriteInUserCodeException();
      }
    }
  }

  /** Fails if user code runs under one of {@code bases}, which the caller holds. */
  private static void refuseUserCode(List<BaseNode> bases) {
    for (BaseNode base : bases) {
      if (base.userCode) {
        throw new WriteInUserCodeException();
      }
    }
  }

  @Override
  public StoredObject findLocked(Object lock, Object key) {
    BaseNode base = (BaseNode) lock;
    return base.edit.findForWrite(ContentionAdaptingTree.dataLocked(base), key, order);
  }

  @Override
  public void putLocked(
      Object lock, StoredObject present, Object key, Object value, long objectDelta) {
    BaseNode base = (BaseNode) lock;
    Node data = ContentionAdaptingTree.dataLocked(base);
    Edit edit = base.edit;
    Node written =
        value == null
            ? LeafTree.remove(data, key, order, edit)
            : LeafTree.put(data, key, value, order, edit);
    // The count moves by what this very descent did, not by the caller's earlier look: under a
    // comparator that breaks its contract the two can disagree.
    tree.publish(base, data, written, edit.delta);
  }

  @Override
  public void unlock(Object lock) {
    BaseNode base = (BaseNode) lock;
    base.edit.path.clear(); // a kept path lives for one lock hold, and keeps no key or node alive
    tree.unlockBase(base);
  }

  // ---- multi-object writes ----

  /**
   * Takes the structure lock (freezing the set of bases) and the locks of the bases the keys fall
   * in, runs {@code lockedCheck}, builds every new base version (every comparison runs here, so a
   * failing one changes nothing), then publishes them all through one commit flag.
   */
  @Override
  public boolean writeAll(Object[] keys, Merge merge, boolean onlyNew, Runnable lockedCheck) {
    if (keys.length == 0) {
      return true;
    }
    refuseNested();
    tree.structureLock.lock();
    try {
      // BaseNode keeps identity equality. Not an IdentityHashMap: Lincheck 3.7's model checker
      // fails on one (tests-property), and a LinkedHashMap also locks in a deterministic order.
      Map<BaseNode, Node> staged = new LinkedHashMap<>();
      for (Object key : keys) {
        BaseNode base = placed(key, () -> tree.descend(key, Seek.AT_OR_ABOVE));
        staged.put(base, null); // filled in once the base is locked
      }
      List<BaseNode> locked = new ArrayList<>(staged.keySet());
      for (BaseNode base : locked) {
        base.lock.lock(); // only multi-object writers, serialized by structureLock, hold several
      }
      try {
        refuseUserCode(locked);
        lockedCheck.run();
        staged.replaceAll((base, unread) -> ContentionAdaptingTree.dataLocked(base));
        if (onlyNew) {
          // Every key is looked up, not only those before the first present one: a key the order
          // cannot place is bad input whatever else the batch holds.
          boolean anyPresent = false;
          for (Object key : keys) {
            Node data = staged.get(tree.descend(key, Seek.AT_OR_ABOVE));
            anyPresent |= placed(key, () -> LeafTree.find(data, key, order)) != null;
          }
          if (anyPresent) {
            return false;
          }
        }
        Edit edit = Edit.batch(); // copies what it changes: the live versions stay as they are
        long delta = 0; // from the writing descents themselves, as for a single-key write
        for (int i = 0; i < keys.length; i++) {
          Object key = keys[i];
          BaseNode base = tree.descend(key, Seek.AT_OR_ABOVE);
          Node data = staged.get(base);
          StoredObject present = placed(key, () -> LeafTree.find(data, key, order));
          Object merged = merge.merge(i, present);
          if (merged != null) {
            staged.put(base, placed(key, () -> LeafTree.put(data, key, merged, order, edit)));
            delta += edit.delta;
          }
        }
        BasePublication publication = new BasePublication();
        for (Map.Entry<BaseNode, Node> version : staged.entrySet()) {
          publication.stage(version.getKey(), version.getValue());
        }
        publication.commit();
        publication.finish();
        tree.countObjects(delta);
        return true;
      } finally {
        for (BaseNode base : locked) {
          base.lock.unlock();
        }
      }
    } finally {
      tree.structureLock.unlock();
    }
  }

  /** Runs a step that orders {@code key}, naming the key if the order fails. */
  private static <T> T placed(Object key, Supplier<T> step) {
    try {
      return step.get();
    } catch (KeyOrderException e) {
      throw new KeyOrderException(e.getCause(), key);
    }
  }

  @Override
  public void clear(Runnable lockedCheck) {
    refuseNested();
    lockAll();
    try {
      refuseUserCode(lockedForAll);
      lockedCheck.run();
      dropLocked();
    } finally {
      unlockAll();
    }
  }

  // ---- the table's lifecycle ----

  /** Takes the structure lock and every base lock, in key order. */
  @Override
  public void lockAll() {
    tree.structureLock.lock();
    List<BaseNode> bases = new ArrayList<>();
    ContentionAdaptingTree.collectBases(tree.root, bases);
    for (BaseNode base : bases) {
      base.lock.lock();
    }
    lockedForAll = bases;
  }

  @Override
  public void unlockAll() {
    List<BaseNode> bases = lockedForAll;
    lockedForAll = null;
    for (int i = bases.size() - 1; i >= 0; i--) {
      bases.get(i).lock.unlock();
    }
    tree.structureLock.unlock();
  }

  /** Empties every base, published as one multi-object write. */
  @Override
  public void dropLocked() {
    long removed = 0;
    BasePublication publication = new BasePublication();
    for (BaseNode base : lockedForAll) {
      removed += LeafTree.size(ContentionAdaptingTree.dataLocked(base));
      publication.stage(base, null);
    }
    publication.commit();
    publication.finish();
    tree.countObjects(-removed);
  }

  // ---- counts ----

  @Override
  public long objects() {
    return tree.objects();
  }

  @Override
  public long memoryBytes() {
    // Per object: its key and value inline in a leaf (8 bytes, about 12 at the usual two-thirds
    // fill), plus its share of leaf and inner headers: about 16. A base node with its lock about 96
    // bytes; a route node 32.
    int bases = tree.baseCount();
    return 64L + 16L * tree.objects() + 96L * bases + 32L * (bases - 1);
  }

  @Override
  public int lockCount() {
    return tree.baseCount();
  }
}
