package io.jets.table.internal.tree;

import io.jets.table.internal.CommitMarker;
import io.jets.table.internal.tree.LeafTree.Node;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An ordered map whose readers never lock and never write shared memory, and whose writers lock one
 * base node each; the base nodes split where writers contend and join where they do not.
 *
 * <p>Any thread may read. Writers follow the protocol {@link #lockBase} / {@link #publish} / {@link
 * #unlockBase}; multi-object writers hold {@link #structureLock} and the locks of their bases and
 * publish through a {@link BasePublication}. Keys are compared with the table's order wrapped so
 * that a failing comparison surfaces as {@link KeyOrderException}.
 */
final class ContentionAdaptingTree {
  /*
   * Design notes
   *
   * Structure. A contention-adapting search tree (CA tree) [1][2]: route nodes (a key, volatile
   * children) over base nodes. Keys below a route node's key go left, the others right. A base
   * node holds a lock, a contention statistic, a volatile valid flag and a B+tree of slotted
   * leaves (LeafTree, Leaf) whose root it publishes with a release store. ETS's ordered_set
   * with write_concurrency uses the same routing structure [3] (with AVL trees as bases).
   *
   * Concurrency. A reader descends from the root, loads the base's data with an acquire load and
   * descends its LeafTree to one leaf (acquire loads of the slots on its way); that is all: it
   * takes no lock, writes nothing, never waits and never retries. A base being published by a
   * multi-object write holds a CommitMarker instead of a tree: the reader takes the
   * version before or after the write by the write's commit flag (BasePublication). A base that an
   * adaptation replaced (a split or a join) shares its nodes with the bases that replaced it, so
   * only their writes still change what it holds, each a newer version of one leaf's interval; a
   * reader that reached it started before it was replaced, so the reader is concurrent with every
   * one of those writes and may return the retired base's data. The range a base covers never
   * changes, and the interval implied by the route keys on a reader's path is always inside it
   * (splits create new bases, joins only widen ranges), which is what lets a traversal continue
   * from a path bound.
   *
   * A writer locks the base (tryLock first, to measure contention), re-checks `valid` (retrying
   * from the root if it lost a race with an adaptation), builds the new leaf and stores it into
   * its slot, or changes the leaf in place through its order word (LeafTree's and Leaf's design
   * notes). A reader loads each leaf's order word once, so the leaf it reads is its interval at one
   * instant; a present key's value is replaced in place, one object at a time.
   *
   * Adaptation. After its write, a writer whose base statistic passed SPLIT_LIMIT splits the base
   * near its middle (at a separator of its LeafTree's root); one below JOIN_LIMIT joins it with its
   * neighbour. Structural changes serialize on structureLock, which adapters only ever tryLock: an
   * adapter that would have to wait gives up (its statistic keeps the evidence and the next write
   * tries again), so adaptation never blocks a write. The new bases of a split (and the joined base
   * of a join) are locked before they are linked and unlocked only after the old bases are marked
   * invalid: a writer that waited on an old base finds it invalid and retries from the root. A join
   * also tryLocks the neighbour and gives up if it is busy, and needs it written by no other
   * thread: a base records who locked it to write since the last look (nobody, one thread,
   * several), and a join that finds another thread's mark clears it and looks again after as many
   * quiet writes.
   * Otherwise two threads on disjoint ranges each find their own base quiet, join it with the
   * other's, contend, split, and park threads every cycle (BENCHMARKS.md, Run Q). Parent pointers
   * exist only for adapters and are guarded by structureLock.
   *
   * Multi-object writes (insertAll, insertNewAll, deleteAllObjects) take structureLock (which
   * freezes the set of bases), lock the bases they touch, stage every new version (running every
   * comparison) and only then publish them through one commit flag (BasePublication). Single-key
   * writers never touch structureLock; nothing waits while holding a base lock except for the lock
   * of a brand-new base, so there is no deadlock.
   *
   * [1] K. Sagonas, K. Winblad. Contention Adapting Search Trees. ISPDC 2015.
   * [2] K. Sagonas, K. Winblad. More Scalable Ordered Set for ETS Using Adaptation. Erlang
   *     Workshop 2014.
   * [3] erts/emulator/beam/erl_db_catree.c.
   */

  /** A failed tryLock: strong evidence, so four in a row outweigh ~1000 quiet writes. */
  static final int LOCK_FAILURE_CONTRIBUTION = 250;

  /** An uncontended acquire: weak evidence, so a base joins only after a long quiet stretch. */
  static final int LOCK_SUCCESS_CONTRIBUTION = 1;

  /** Split above this statistic: the paper's and ETS's value. */
  static final int SPLIT_LIMIT = 1000;

  /** Join below this statistic: symmetric to SPLIT_LIMIT, as in the paper and ETS. */
  static final int JOIN_LIMIT = -1000;

  /** A base's statistic after one acquisition, within twice its limits: it must never wrap. */
  static int nextStatistic(int statistic, boolean contended) {
    int step = contended ? LOCK_FAILURE_CONTRIBUTION : -LOCK_SUCCESS_CONTRIBUTION;
    return (int) Math.max(2L * JOIN_LIMIT, Math.min(2L * SPLIT_LIMIT, (long) statistic + step));
  }

  /** A base's {@code writers} when no thread has locked it to write since the last look. */
  static final long NO_WRITER = 0;

  /** A base's {@code writers} when more than one thread has (thread ids are positive). */
  static final long SHARED = -1;

  /** No split below this many route levels: bounds the depth (ETS caps its route layer too). */
  static final int MAX_ROUTE_DEPTH = 16;

  /** A node of the routing layer or a base. */
  abstract static sealed class TreeNode permits RouteNode, BaseNode {
    RouteNode parent; // guarded by structureLock
  }

  /** Routes keys below {@code key} left, the others right. */
  static final class RouteNode extends TreeNode {
    final Object key;
    volatile TreeNode left;
    volatile TreeNode right;

    RouteNode(Object key, TreeNode left, TreeNode right) {
      this.key = key;
      this.left = left;
      this.right = right;
    }
  }

  /** A leaf of the routing layer: a lock and a LeafTree. */
  static final class BaseNode extends TreeNode {
    final ReentrantLock lock = new ReentrantLock();
    int statistic; // guarded by lock
    long writers; // guarded by lock: who locked it to write since the last look (see mark)

    /** Records that the calling thread (id {@code me}) locked this base to write. */
    void mark(long me) {
      long w = writers;
      if (w != me) {
        writers = w == NO_WRITER ? me : SHARED;
      }
    }

    boolean userCode; // guarded by lock: an update's function runs under it (TreeStore)
    final LeafTree.Edit edit = LeafTree.Edit.live(); // single-key writes, under lock
    volatile boolean valid = true;

    private static final VarHandle DATA;

    static {
      try {
        DATA = MethodHandles.lookup().findVarHandle(BaseNode.class, "data", Object.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused")
    private Object data; // a LeafTree (Node, null when empty) or a CommitMarker; see laData

    BaseNode(Node data) {
      this.data = data;
    }

    /**
     * The base's data, load-acquire: a version is read only once fully built. While a multi-object
     * write publishes, the version before or after it, by its commit flag.
     */
    Node laData() {
      Object data = DATA.getAcquire(this);
      return data instanceof CommitMarker marker ? (Node) marker.content() : (Node) data;
    }

    /** Leaves {@code marker} while a multi-object write publishes; the caller holds the lock. */
    void srMarker(CommitMarker marker) {
      DATA.setRelease(this, marker);
    }

    /** Publishes {@code version}, store-release; the caller holds {@link #lock}. */
    void srData(Node version) {
      DATA.setRelease(this, version);
    }
  }

  /**
   * One base's data as a reader saw it, with the interval implied by the route keys on the reader's
   * path: {@code lower} (inclusive) and {@code upper} (exclusive), null when unbounded. Each leaf
   * the reader then loads from the data holds, inside the interval, all the table held there at one
   * instant.
   */
  record Snapshot(Node data, Object lower, Object upper) {}

  /** Where a reader descends. */
  enum Seek {
    /** To the base holding {@code key} and the keys just above it. */
    AT_OR_ABOVE,
    /** To the base holding the keys just below {@code key}. */
    BELOW,
    /** To the first base. */
    FIRST,
    /** To the last base. */
    LAST
  }

  private final Comparator<Object> order;
  private final boolean adaptive;
  final ReentrantLock structureLock = new ReentrantLock();
  private final AtomicLong centralObjects; // one of these two counts the objects
  private final LongAdder stripedObjects;
  volatile TreeNode root;
  volatile int baseCount = 1; // written under structureLock

  /**
   * @param comparator the key order, null for natural order; its exceptions are reported as {@link
   *     KeyOrderException}
   * @param adaptive split and join bases under contention; otherwise one base forever
   * @param decentralizedCount count objects in striped cells rather than one atomic counter
   */
  ContentionAdaptingTree(
      Comparator<Object> comparator, boolean adaptive, boolean decentralizedCount) {
    this.order = KeyOrder.of(comparator);
    this.adaptive = adaptive;
    this.centralObjects = decentralizedCount ? null : new AtomicLong();
    this.stripedObjects = decentralizedCount ? new LongAdder() : null;
    this.root = new BaseNode(null);
  }

  /** The wrapped key order that every tree operation uses. */
  Comparator<Object> order() {
    return order;
  }

  // ---- reads ----

  /** The object whose key compares equal to {@code key}, or null. Lock-free, linearizable. */
  StoredObject find(Object key) {
    return LeafTree.find(descend(key, Seek.AT_OR_ABOVE).laData(), key, order);
  }

  /** A snapshot of the base {@code seek} leads to from {@code key}. Lock-free. */
  Snapshot snapshot(Object key, Seek seek) {
    Object lower = null;
    Object upper = null;
    TreeNode n = root;
    while (n instanceof RouteNode route) {
      if (goesLeft(route, key, seek)) {
        upper = route.key;
        n = route.left;
      } else {
        lower = route.key;
        n = route.right;
      }
    }
    return new Snapshot(((BaseNode) n).laData(), lower, upper);
  }

  private boolean goesLeft(RouteNode route, Object key, Seek seek) {
    return switch (seek) {
      case AT_OR_ABOVE -> order.compare(key, route.key) < 0;
      case BELOW -> order.compare(key, route.key) <= 0;
      case FIRST -> true;
      case LAST -> false;
    };
  }

  BaseNode descend(Object key, Seek seek) {
    TreeNode n = root;
    while (n instanceof RouteNode route) {
      n = goesLeft(route, key, seek) ? route.left : route.right;
    }
    return (BaseNode) n;
  }

  // ---- single-base writes ----

  /** Locks and returns the valid base holding {@code key}, measuring contention; may block. */
  BaseNode lockBase(Object key) {
    for (; ; ) {
      BaseNode base = descend(key, Seek.AT_OR_ABOVE);
      boolean contended = false;
      if (!base.lock.tryLock()) {
        base.lock.lock();
        contended = true;
      }
      if (!base.valid) {
        base.lock.unlock(); // replaced by an adaptation meanwhile: start again from the root
        continue;
      }
      if (adaptive) {
        base.statistic = nextStatistic(base.statistic, contended);
        base.mark(Thread.currentThread().threadId());
      }
      return base;
    }
  }

  /** The base's current data; the caller holds its lock. */
  static Node dataLocked(BaseNode base) {
    return base.laData();
  }

  /**
   * Publishes {@code data} as the base's new version (unless the write went in place and the root
   * is the same) and counts the objects it added; the caller holds the base's lock.
   */
  void publish(BaseNode base, Node before, Node data, long objectDelta) {
    if (data != before) {
      base.srData(data);
    }
    countObjects(objectDelta);
  }

  /** Adapts the base if its statistic calls for it, then releases it. */
  void unlockBase(BaseNode base) {
    try {
      if (adaptive && base.valid) {
        if (base.statistic > SPLIT_LIMIT) {
          trySplit(base);
        } else if (base.statistic < JOIN_LIMIT) {
          tryJoin(base);
        }
      }
    } finally {
      base.lock.unlock();
    }
  }

  /** Adds {@code delta} to the object count; the caller holds the locks of the change it counts. */
  void countObjects(long delta) {
    if (delta == 0) {
      return;
    }
    if (centralObjects != null) {
      centralObjects.addAndGet(delta);
    } else {
      stripedObjects.add(delta);
    }
  }

  // ---- adaptation (the caller holds the base's lock) ----

  /** Splits {@code base} near its middle if the structure lock is free; returns whether it did. */
  boolean trySplit(BaseNode base) {
    if (!structureLock.tryLock()) {
      return false;
    }
    try {
      LeafTree.Split parts =
          depth(base) >= MAX_ROUTE_DEPTH ? null : LeafTreeSplits.split(dataLocked(base));
      if (parts == null) { // too deep, or fewer than two keys
        base.statistic = 0; // nothing to gain from splitting: stop asking
        return false;
      }
      BaseNode left = new BaseNode(parts.left());
      BaseNode right = new BaseNode(parts.right());
      left.lock.lock();
      right.lock.lock();
      try {
        RouteNode route = new RouteNode(parts.key(), left, right);
        route.parent = base.parent;
        left.parent = route;
        right.parent = route;
        replaceChild(base.parent, base, route);
        baseCount = baseCount + 1;
        base.valid = false;
      } finally {
        right.lock.unlock();
        left.lock.unlock();
      }
      return true;
    } finally {
      structureLock.unlock();
    }
  }

  /**
   * Joins {@code base} with its neighbour if the structure lock and the neighbour are free; returns
   * whether it did.
   */
  boolean tryJoin(BaseNode base) {
    if (!structureLock.tryLock()) {
      return false;
    }
    try {
      RouteNode parent = base.parent;
      if (parent == null) {
        base.statistic = 0; // the only base: nothing to join with
        return false;
      }
      boolean baseIsLeft = parent.left == base;
      TreeNode sibling = baseIsLeft ? parent.right : parent.left;
      BaseNode neighbour = baseIsLeft ? leftmostBase(sibling) : rightmostBase(sibling);
      // A neighbour this thread holds (an update's base, whose function wrote this one) is not
      // free: tryLock would take it again, and the join would retire it under its holder.
      if (neighbour.lock.isHeldByCurrentThread() || !neighbour.lock.tryLock()) {
        return false; // busy: joining now would make this writer wait
      }
      try {
        long writers = neighbour.writers;
        if (writers != NO_WRITER && writers != Thread.currentThread().threadId()) {
          // Another thread wrote the neighbour since the last look: joining would put two
          // writers on one lock. Look again after as many quiet writes, and join then only if
          // no other thread has written the neighbour meanwhile.
          neighbour.writers = NO_WRITER;
          base.statistic = 0;
          return false;
        }
        Node joinedData =
            baseIsLeft
                ? LeafTreeSplits.join(dataLocked(base), dataLocked(neighbour))
                : LeafTreeSplits.join(dataLocked(neighbour), dataLocked(base));
        BaseNode joined = new BaseNode(joinedData);
        joined.lock.lock();
        try {
          RouteNode grandparent = parent.parent;
          if (sibling == neighbour) {
            joined.parent = grandparent;
            replaceChild(grandparent, parent, joined);
          } else {
            RouteNode neighbourParent = neighbour.parent;
            joined.parent = neighbourParent;
            replaceChild(neighbourParent, neighbour, joined);
            sibling.parent = grandparent;
            replaceChild(grandparent, parent, sibling);
          }
          baseCount = baseCount - 1;
          neighbour.valid = false;
          base.valid = false;
        } finally {
          joined.lock.unlock();
        }
      } finally {
        neighbour.lock.unlock();
      }
      return true;
    } finally {
      structureLock.unlock();
    }
  }

  private void replaceChild(RouteNode parent, TreeNode old, TreeNode replacement) {
    if (parent == null) {
      root = replacement;
    } else if (parent.left == old) {
      parent.left = replacement;
    } else {
      parent.right = replacement;
    }
  }

  private static int depth(TreeNode node) {
    int depth = 0;
    for (RouteNode p = node.parent; p != null; p = p.parent) {
      depth++;
    }
    return depth;
  }

  private static BaseNode leftmostBase(TreeNode n) {
    while (n instanceof RouteNode route) {
      n = route.left;
    }
    return (BaseNode) n;
  }

  private static BaseNode rightmostBase(TreeNode n) {
    while (n instanceof RouteNode route) {
      n = route.right;
    }
    return (BaseNode) n;
  }

  static void collectBases(TreeNode n, List<BaseNode> into) {
    if (n instanceof RouteNode route) {
      collectBases(route.left, into);
      collectBases(route.right, into);
    } else {
      into.add((BaseNode) n);
    }
  }

  // ---- sizes ----

  /** The number of base nodes now: exact when no adaptation runs. */
  int baseCount() {
    return baseCount;
  }

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  long objects() {
    return centralObjects != null ? centralObjects.get() : stripedObjects.sum();
  }

  /** Whether bases split and join (writeConcurrency ON or AUTO). */
  boolean adaptive() {
    return adaptive;
  }
}
