package io.jets.table.internal.hash;

import io.jets.table.spi.StoredObject;

/**
 * The chains of nodes that fill the buckets of a {@link StripedBuckets}, sorted by unsigned order
 * ({@link #order}: the bit-reversed spread hash, which is what a node's {@code hash} holds). A
 * key's bucket is the low bits of its spread hash, the top bits of its order reversed, so traversal
 * by order is the same whatever the capacity, and doubling splits each chain into a prefix and a
 * suffix without reordering anything (the "split-ordered" idea of Shalev and Shavit). Keys of equal
 * order are ordered by {@link #chainOrder}.
 *
 * <p>A writer never changes a node's key or link: it copies the nodes before the one it inserts or
 * removes and shares the rest, so a reader may walk a chain it loaded without any lock. Only a
 * present key's value is written in place (a release store; readers load it with acquire).
 */
public final class BucketChain {

  private BucketChain() {}

  /** A chain link: its key, order and successor never change; its value may, in place. */
  public static final class Node extends StoredObject {
    public final int hash;
    public final Node next;

    Node(int hash, Object key, Object value, Node next) {
      super(key, value);
      this.hash = hash;
      this.next = next;
    }

    /** Writes a new value in place; the caller holds the key's stripe. */
    void replaceValue(Object value) {
      srValue(value);
    }
  }

  /**
   * The key's hash code with its high half folded into its low half, as ConcurrentHashMap spreads
   * it: a key's bucket is the low bits of this value (a mask the JIT bounds-check-eliminates).
   */
  public static int spread(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  /**
   * The key's order: its spread hash bit-reversed. Chains are sorted by it and a traversal visits
   * buckets by its top bits, so a bucket (the low bits of the spread hash, the top bits of the
   * order reversed) splits into two in place when the table doubles, and the traversal order is the
   * same whatever the capacity.
   */
  public static int order(Object key) {
    return Integer.reverse(spread(key));
  }

  /** The node of {@code chain} holding {@code key}, or null. */
  public static Node find(Node chain, int hash, Object key) {
    for (Node n = chain; n != null; n = n.next) {
      if (n.hash == hash) {
        if (n.key == key || n.key.equals(key)) {
          return n;
        }
      } else if (Integer.compareUnsigned(n.hash, hash) > 0) {
        return null;
      }
    }
    return null;
  }

  // ---- a bucket's content: a chain (a Node, or null) or a TreeBin ----

  /** The object of bucket content {@code bucket} holding {@code key}, of order {@code hash}. */
  static StoredObject find(Object bucket, int hash, Object key) {
    return bucket instanceof TreeBin tree ? tree.find(hash, key) : find((Node) bucket, hash, key);
  }

  /** The first object of bucket content {@code bucket}, or null. */
  static StoredObject first(Object bucket) {
    return bucket instanceof TreeBin tree ? tree.first() : (Node) bucket;
  }

  /** The first object of bucket content {@code bucket} positioned after {@code (hash, key)}. */
  static StoredObject skipThrough(Object bucket, int hash, Object key) {
    return bucket instanceof TreeBin tree ? tree.after(key) : skipThrough((Node) bucket, hash, key);
  }

  /**
   * Bucket content {@code bucket} with {@code key} holding {@code value} (removed when null), as
   * {@link #edit(Node, int, Object, Object, Node)}; {@code present} is the object of {@code bucket}
   * holding the key, or null. A chain that reaches {@link TreeBin#TREE_AT} keys becomes a tree if
   * its keys allow it; a tree may become a chain again. {@code batch} is the multi-object write
   * staging the change, or null for a single write (which changes a tree in place: see {@link
   * TreeBin}).
   */
  static Object edit(
      Object bucket, int hash, Object key, Object value, StoredObject present, Object batch) {
    if (bucket instanceof TreeBin tree) {
      return tree.edit(hash, key, value, present, batch);
    }
    Node edited = edit((Node) bucket, hash, key, value, (Node) present);
    if (present == null && value != null) {
      int length = 0;
      for (Node n = edited; n != null; n = n.next) {
        length++;
      }
      if (length >= TreeBin.TREE_AT) {
        TreeBin tree = TreeBin.of(edited, length, batch);
        if (tree != null) {
          return tree;
        }
      }
    }
    return edited;
  }

  /**
   * Orders two keys of equal order ({@link #order}), so that next() can find where a deleted key
   * stood: by class name, then by compareTo for Comparable keys, otherwise by the identity hash of
   * the key instance. Returns 0 only when no order is known (same-named classes of two loaders,
   * compareTo 0, equal identity hashes); a chain orders such keys by {@link #chainOrder}.
   *
   * <p>The identity hash works because the stored key instance is the one first/next hand out, so a
   * walk that deleted the key it stands on passes that very instance back to next(). Before, keys
   * without an order all tied, and next() of a deleted one skipped the rest of the run, missing
   * keys present for the whole walk.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int tieOrder(Object a, Object b) {
    Class<?> ca = a.getClass();
    Class<?> cb = b.getClass();
    if (ca != cb) {
      return Integer.signum(ca.getName().compareTo(cb.getName()));
    }
    if (a instanceof Comparable) {
      return Integer.signum(((Comparable) a).compareTo(b));
    }
    return identityOrder(a, b);
  }

  /** Orders two key instances by identity hash: 0 only when their identity hashes are equal. */
  static int identityOrder(Object a, Object b) {
    return Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
  }

  /**
   * Orders two unequal keys of equal order within a chain: by {@link #tieOrder}, then, where that
   * ties them (a compareTo inconsistent with equals, same-named classes of two loaders), by the
   * identity hash of the key instances, as keys with no order. Returns 0 only for equal identity
   * hashes; such keys keep insertion order.
   *
   * <p>Without the identity hash, next() of a deleted key skipped every key its compareTo tied
   * with, missing keys present for the whole walk. A {@link TreeBin} keeps ordering by tieOrder
   * alone, which finds keys: it never holds two keys tieOrder ties (it turns back into a chain), so
   * both forms of a bucket order alike.
   */
  static int chainOrder(Object a, Object b) {
    int c = tieOrder(a, b);
    return c != 0 ? c : identityOrder(a, b);
  }

  /** The first node of {@code chain} positioned after {@code (hash, key)}. */
  public static Node skipThrough(Node chain, int hash, Object key) {
    Node n = chain;
    while (n != null && Integer.compareUnsigned(n.hash, hash) < 0) {
      n = n.next;
    }
    if (n == null || n.hash != hash) {
      return n;
    }
    // A run of equal hashes: continue after the key if it is there, otherwise after every run
    // member ordered before it or tied with it.
    for (Node m = n; m != null && m.hash == hash; m = m.next) {
      if (m.key == key || m.key.equals(key)) {
        return m.next;
      }
    }
    while (n != null && n.hash == hash && chainOrder(n.key, key) <= 0) {
      n = n.next;
    }
    return n;
  }

  /**
   * The chain {@code head} with {@code key} holding {@code value}, or without {@code key} when
   * {@code value} is null; {@code present} is the node of {@code head} holding the key, or null
   * (the caller found it, and needs it for the key count). Copies the nodes before the changed one
   * and shares the rest; returns {@code head} itself when removing an absent key. Allocates nothing
   * beyond the nodes.
   */
  static Node edit(Node head, int hash, Object key, Object value, Node present) {
    if (present != null) {
      Node tail = value == null ? present.next : new Node(hash, present.key, value, present.next);
      return copyBefore(head, present, tail);
    }
    if (value == null) {
      return head;
    }
    Node after = head; // the first node that follows the key's position
    while (after != null
        && (Integer.compareUnsigned(after.hash, hash) < 0
            || (after.hash == hash && chainOrder(after.key, key) <= 0))) {
      after = after.next;
    }
    return copyBefore(head, after, new Node(hash, key, value, after));
  }

  /** The change in the number of keys when a key holding {@code present} gets {@code value}. */
  static int keyDelta(StoredObject present, Object value) {
    return present != null ? (value == null ? -1 : 0) : (value == null ? 0 : 1);
  }

  /** Copies the nodes of {@code head} before {@code stop}, ending the copy with {@code tail}. */
  public static Node copyBefore(Node head, Node stop, Node tail) {
    int count = 0;
    for (Node n = head; n != stop; n = n.next) {
      count++;
    }
    if (count <= 16) {
      return copyShort(head, stop, tail); // most chains: no array to remember the nodes in
    }
    Node[] prefix = new Node[count];
    int k = 0;
    for (Node n = head; n != stop; n = n.next) {
      prefix[k++] = n;
    }
    Node result = tail;
    for (int j = count - 1; j >= 0; j--) {
      Node n = prefix[j];
      result = new Node(n.hash, n.key, n.laValue(), result);
    }
    return result;
  }

  private static Node copyShort(Node n, Node stop, Node tail) {
    return n == stop ? tail : new Node(n.hash, n.key, n.laValue(), copyShort(n.next, stop, tail));
  }

  /**
   * A bucket array of twice the capacity of {@code old} (2^oldBits buckets) holding the same chains
   * and trees, split; {@code old} is unchanged.
   */
  public static Object[] doubled(Object[] old, int oldBits) {
    Object[] grown = new Object[old.length << 1];
    for (int i = 0; i < old.length; i++) {
      if (old[i] instanceof TreeBin tree) {
        Object[] halves = tree.split(31 - oldBits);
        grown[i] = halves[0];
        grown[i + old.length] = halves[1];
        continue;
      }
      Node head = (Node) old[i];
      // Chains are sorted by order, so the nodes whose next order bit is 0 form a prefix: bucket
      // i, the rest bucket i + old.length (that bit is the next spread bit). Both are copied, in
      // bucket order, as ConcurrentHashMap's transfer copies nearly every node: the nodes of the
      // grown table then sit together in memory whatever was allocated between the inserts that
      // made them (BENCHMARKS.md Run K: lookups 1.16-1.20x the map's time in ON and OFF tables
      // filled beside other structures with the suffix shared, 1.04-1.06x with both copied).
      Node split = head;
      while (split != null && ((split.hash >>> (31 - oldBits)) & 1) == 0) {
        split = split.next;
      }
      grown[i] = copyBefore(head, split, null);
      grown[i + old.length] = copyBefore(split, null, null);
    }
    return grown;
  }
}
