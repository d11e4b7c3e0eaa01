package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.BagTable;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.WrongTableTypeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The owner's handle of a replicated table ({@code set}, {@code ordered_set}, {@code bag} or {@code
 * duplicate_bag}): the only way to write it. Every member, this one included, reads its own local
 * copy ({@link #local()}), a jets table read directly.
 *
 * <p><b>Acknowledgement.</b> A write returns once the cluster holds it durably (the table's
 * ringbuffer on the partition owner and its synchronous backup, so it survives any one member's
 * crash) and this member's local table shows it. Other members apply it shortly after, in the
 * owner's order, a multi-object write all at once. Writes through one handle are serialized.
 *
 * <p><b>Failures.</b> jets reports its failures as {@link TableException}s whose message names the
 * table, the operation and the argument. A write throws {@link BadArgumentException} for a null
 * key, value or object collection, for a key or value that is not serializable or that the table's
 * serialization filter refuses, and for a key an {@code ordered_set}'s order cannot compare with
 * its keys (an exception a key's own {@code hashCode} or {@code equals} throws reaches the caller
 * as thrown, as from a local table); {@link TableDeletedException} once the table was deleted
 * ({@link #close()} with no live heir); {@link AccessDeniedException} once this handle passed the
 * table to an heir ({@link #close()} with one) or was deposed during a network partition; and
 * {@link TableMergingException} while this member merges into the cluster after one. These are
 * checked before the write is logged and change nothing. On the minority side of a partition the
 * log refuses the write with Hazelcast's {@code SplitBrainProtectionException}, which changes
 * nothing either. If this member's copy stops before it shows the write, or the thread is
 * interrupted while it waits for its copy (its interrupt status stays set), the write throws a
 * plain {@link TableException} with the cause although the log holds the write: the other copies
 * apply it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReplicatedTable<K, V> implements AutoCloseable {

  private final String name;
  private final TableCodecs codecs;
  private final Ringbuffer<TableBatch> log;
  private final IMap<String, byte[]> mirror;
  private final Replica<K, V> replica;
  private final HazelcastInstance member;
  private final TableOwnership.Owner owner;
  private volatile long sequence = -1;
  private final boolean bag;
  private boolean dropped;
  private boolean closed;
  private boolean deposed;
  private volatile boolean merging; // between Hazelcast's MERGING and MERGED
  private volatile boolean recheck; // MERGED: look at the ownership record before writing
  private final UUID lifecycle;

  /**
   * The heir record of the heir this handle took the table over from, or null: never a live heir
   * for this handle's own close, though the cluster may have refused its removal (a minority side).
   */
  private final TableOwnership.HeirMark formerMark;

  ReplicatedTable(
      HazelcastInstance member,
      String name,
      TableCodecs codecs,
      Replica<K, V> replica,
      TableOwnership.Owner owner,
      TableOwnership.HeirMark formerMark) {
    this.formerMark = formerMark;
    this.member = member;
    this.owner = owner;
    this.name = name;
    this.codecs = codecs;
    this.log = member.getRingbuffer(ReplicatedTables.logName(name));
    this.mirror = member.getMap(ReplicatedTables.mirrorName(name));
    this.replica = replica;
    this.bag = owner.type() == TableType.BAG || owner.type() == TableType.DUPLICATE_BAG;
    this.lifecycle =
        member
            .getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
                    merging = true;
                  } else if (event.getState() == LifecycleEvent.LifecycleState.MERGED
                      || event.getState() == LifecycleEvent.LifecycleState.MERGE_FAILED) {
                    recheck = true;
                    merging = false;
                  }
                });
  }

  /**
   * This member's copy of a {@code set} or {@code ordered_set}: read it directly; only this handle
   * writes it.
   *
   * @return the local table; its writes are refused ({@link AccessDeniedException})
   * @throws WrongTableTypeException if the table is a bag: read it with {@link #localBag()}
   */
  public SetTable<K, V> local() {
    return TableViews.set(name, replica.table(), "local", "localBag()");
  }

  /**
   * This member's copy of an {@code ordered_set} ({@link ReplicatedTables#ownOrdered}).
   *
   * @return the local table, with its ordered reads; its writes are refused
   * @throws WrongTableTypeException if the table is not one
   */
  public OrderedTable<K, V> localOrdered() {
    return TableViews.ordered(name, replica.table(), "localOrdered", "local()", "localBag()");
  }

  /**
   * This member's copy of a {@code bag} or {@code duplicate_bag}.
   *
   * @return the local table; its writes are refused
   * @throws WrongTableTypeException if the table is not one: read it with {@link #local()}
   */
  public BagTable<K, V> localBag() {
    return TableViews.bag(name, replica.table(), "localBag", "local()");
  }

  /**
   * Stores the object {@code key}, {@code value} on every member, as the table's type does (a set
   * or ordered_set replaces the key's object, a bag adds it unless an equal one is there, a
   * duplicate_bag adds it). Returns once the write is durable and this member's copy shows it.
   *
   * @param key the key
   * @param value the value
   * @throws BadArgumentException if {@code key} or {@code value} is null, not serializable, or
   *     refused by the table's serialization filter
   * @throws TableDeletedException if the table was deleted (this handle closed it with no heir)
   * @throws AccessDeniedException if this handle passed the table to an heir or was deposed
   * @throws TableMergingException while this member merges after a network partition
   * @throws TableException if this member's copy stopped, or the thread was interrupted, before the
   *     copy showed the logged write
   */
  public synchronized void insert(K key, V value) {
    checkWritable("insert");
    byte[] k = codecs.encode(key, "key", "insert");
    checkKey(key, "insert");
    byte[] v = codecs.encode(value, "value", "insert");
    checkInsertedValues(List.of(key), List.of(v), "insert");
    long sequence = write("insert", TableBatch.Kind.INSERT, List.of(k), List.of(v));
    mirror(sequence, Map.of(key, k), setValue(key, v), "insert");
  }

  /**
   * Stores every object on every member, each member all at once (no reader sees part), as {@link
   * io.jets.table.Table#insertAll} does. Returns once the write is durable and this member's copy
   * shows it.
   *
   * @param objects the objects, in order; no object, key or value may be null
   * @throws BadArgumentException if {@code objects}, an object in it, or a key or value is null, or
   *     a key or value is not serializable or refused by the table's serialization filter; no
   *     object is written then
   * @throws TableDeletedException if the table was deleted (this handle closed it with no heir)
   * @throws AccessDeniedException if this handle passed the table to an heir or was deposed
   * @throws TableMergingException while this member merges after a network partition
   * @throws TableException if this member's copy stopped, or the thread was interrupted, before the
   *     copy showed the logged write
   */
  public synchronized void insertAll(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWritable("insertAll");
    if (objects == null) {
      throw new BadArgumentException(name, "insertAll: objects is null");
    }
    List<byte[]> keys = new ArrayList<>(objects.size());
    List<byte[]> values = new ArrayList<>(objects.size());
    Map<K, byte[]> touched = new HashMap<>();
    Map<K, byte[]> known = new HashMap<>();
    List<K> batchKeys = new ArrayList<>(objects.size());
    for (Map.Entry<? extends K, ? extends V> object : objects) {
      if (object == null) {
        throw new BadArgumentException(name, "insertAll: an object in objects is null");
      }
      if (object.getKey() == null) {
        throw new BadArgumentException(name, "insertAll: a key in objects is null");
      }
      if (object.getValue() == null) {
        throw new BadArgumentException(name, "insertAll: a value in objects is null");
      }
      byte[] k = codecs.encode(object.getKey(), "key", "insertAll");
      checkKey(object.getKey(), "insertAll");
      byte[] v = codecs.encode(object.getValue(), "value", "insertAll");
      batchKeys.add(object.getKey());
      keys.add(k);
      values.add(v);
      if (touched.put(object.getKey(), k) == null) {
        known.put(object.getKey(), v);
      } else {
        known.remove(object.getKey()); // twice in one batch: the table decides; look it up
      }
    }
    checkBatchKeys(batchKeys, "insertAll");
    checkInsertedValues(batchKeys, values, "insertAll");
    long sequence = write("insertAll", TableBatch.Kind.INSERT_ALL, keys, values);
    mirror(sequence, touched, bag ? Map.of() : known, "insertAll");
  }

  /**
   * Deletes every object under {@code key} on every member. Returns once the write is durable and
   * this member's copy shows it.
   *
   * @param key the key
   * @throws BadArgumentException if {@code key} is null, not serializable, or refused by the
   *     table's serialization filter
   * @throws TableDeletedException if the table was deleted (this handle closed it with no heir)
   * @throws AccessDeniedException if this handle passed the table to an heir or was deposed
   * @throws TableMergingException while this member merges after a network partition
   * @throws TableException if this member's copy stopped, or the thread was interrupted, before the
   *     copy showed the logged write
   */
  public synchronized void delete(K key) {
    checkWritable("delete");
    byte[] k = codecs.encode(key, "key", "delete");
    checkKey(key, "delete");
    long sequence = write("delete", TableBatch.Kind.DELETE, List.of(k), List.of());
    mirror(sequence, Map.of(key, k), Map.of(), "delete");
  }

  /**
   * Deletes the object {@code key}, {@code value} (every copy of it) on every member. Returns once
   * the write is durable and this member's copy shows it.
   *
   * @param key the key
   * @param value the value, compared with {@code equals}
   * @throws BadArgumentException if {@code key} or {@code value} is null, not serializable, or
   *     refused by the table's serialization filter
   * @throws TableDeletedException if the table was deleted (this handle closed it with no heir)
   * @throws AccessDeniedException if this handle passed the table to an heir or was deposed
   * @throws TableMergingException while this member merges after a network partition
   * @throws TableException if this member's copy stopped, or the thread was interrupted, before the
   *     copy showed the logged write
   */
  public synchronized void deleteObject(K key, V value) {
    checkWritable("deleteObject");
    byte[] k = codecs.encode(key, "key", "deleteObject");
    checkKey(key, "deleteObject");
    byte[] v = codecs.encode(value, "value", "deleteObject");
    checkDeletedValue(key, v, "deleteObject");
    long sequence = write("deleteObject", TableBatch.Kind.DELETE_OBJECT, List.of(k), List.of(v));
    mirror(sequence, Map.of(key, k), Map.of(), "deleteObject");
  }

  /**
   * Deletes every object on every member, each member all at once.
   *
   * @throws TableDeletedException if the table was deleted (this handle closed it with no heir)
   * @throws AccessDeniedException if this handle passed the table to an heir or was deposed
   * @throws TableMergingException while this member merges after a network partition
   * @throws TableException if this member's copy stopped, or the thread was interrupted, before the
   *     copy showed the logged write
   */
  public synchronized void deleteAllObjects() {
    checkWritable("deleteAllObjects");
    write("deleteAllObjects", TableBatch.Kind.CLEAR, List.of(), List.of());
    mirror.clear();
  }

  /**
   * Refuses {@code operation} if this handle may not write: it deleted the table or gave it up, the
   * cluster is merging, or this owner was deposed. After a partition heals, this handle writes
   * again only if the merged ownership record still names it: an heir on the larger side may have
   * taken the table over meanwhile.
   */
  private void checkWritable(String operation) {
    if (dropped) {
      throw new TableDeletedException(name, operation);
    }
    if (closed) {
      throw new AccessDeniedException(
          name,
          operation + ": this handle is closed: owner " + owner.epoch() + " gave the table up");
    }
    if (merging) {
      throw new TableMergingException(name, operation);
    }
    if (deposed()) {
      throw new AccessDeniedException(
          name,
          operation
              + ": owner "
              + owner.epoch()
              + " was deposed during a network partition; the table's owner is now "
              + TableOwnership.owners(member).get(name));
    }
  }

  /** Whether this owner was deposed; after a merge, as the merged ownership record says. */
  private boolean deposed() {
    if (recheck) {
      deposed = !owner.equals(TableOwnership.owners(member).get(name));
      recheck = false;
    }
    return deposed;
  }

  /**
   * Runs, before anything is logged, the key's code that every copy's table runs when it applies
   * the write ({@code hashCode} and {@code equals}, or the table's order): else a key it refuses
   * would stop every copy. A key the order cannot compare is refused as a local table refuses it;
   * an exception the key's own code throws reaches the caller as thrown.
   */
  private void checkKey(K key, String operation) {
    try {
      replica.table().member(key);
    } catch (BadArgumentException e) {
      throw new BadArgumentException(
          name,
          operation
              + ": key "
              + key
              + " cannot be ordered by the table's comparator: "
              + e.getCause(),
          e.getCause());
    }
  }

  /** The copies' comparisons of a batch's keys: order, or earlier.equals(later) of equal hash. */
  private void checkBatchKeys(List<K> keys, String operation) {
    TreeMap<K, Boolean> sorted = new TreeMap<>(); // natural order, as the copies' tables
    Map<Integer, List<K>> byHash = new HashMap<>();
    for (K key : keys) {
      if (owner.type() != TableType.ORDERED_SET) {
        List<K> same = byHash.computeIfAbsent(key.hashCode(), hash -> new ArrayList<>());
        if (same.stream().noneMatch(earlier -> earlier.equals(key))) {
          same.add(key);
        }
        continue;
      }
      try {
        sorted.put(key, Boolean.TRUE);
      } catch (RuntimeException e) {
        String why = ": key " + key + " cannot be ordered by the table's comparator: " + e;
        throw new BadArgumentException(name, operation + why, e);
      }
    }
  }

  /**
   * Runs on this member's copy the comparisons every copy's bag will run to insert {@code values}
   * (encoded) under {@code keys}, in order, so that a value whose {@code equals} throws is refused
   * before it is logged, with its exception as thrown, rather than stopping every copy: a bag
   * compares each new value with the key's objects and the batch's earlier values under it, stored
   * one first ({@code stored.equals(new)}), until one is equal. The copy shows every earlier write
   * (one write in flight at a time), and the values are decoded as the copies decode them. Sets and
   * duplicate bags compare no values on insert.
   */
  private void checkInsertedValues(List<K> keys, List<byte[]> values, String operation) {
    if (owner.type() != TableType.BAG) {
      return;
    }
    Map<K, List<Object>> staged = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Object value = codecs.value(values.get(i), operation);
      List<Object> present =
          staged.computeIfAbsent(keys.get(i), key -> new ArrayList<>(replica.table().lookup(key)));
      boolean equal = false;
      for (int p = 0; p < present.size() && !equal; p++) {
        equal = present.get(p).equals(value);
      }
      if (!equal) {
        present.add(value);
      }
    }
  }

  /**
   * Runs on this member's copy the comparisons every copy's table will run for a deleteObject of
   * {@code value} (encoded) under {@code key}, each of the key's objects with it ({@code
   * stored.equals(value)}), so that a value whose {@code equals} throws is refused before it is
   * logged, with its exception as thrown, as {@link #checkInsertedValues} does for inserts.
   */
  private void checkDeletedValue(K key, byte[] value, String operation) {
    Object expected = codecs.value(value, operation);
    for (Object present : replica.table().lookup(key)) {
      boolean ignored = present.equals(expected); // only whether the comparison throws matters
    }
  }

  /** Logs one write (durable when add returns) and waits until this member's copy shows it. */
  private long write(
      String operation, TableBatch.Kind kind, List<byte[]> keys, List<byte[]> values) {
    long written = log.add(new TableBatch(owner.epoch(), kind, keys, values));
    this.sequence = written;
    replica.awaitApplied(written, owner.epoch(), operation);
    return written;
  }

  /** For a set, the one value {@code key} holds after an insert of {@code value}; none for bags. */
  private Map<K, byte[]> setValue(K key, byte[] value) {
    return bag ? Map.of() : Map.of(key, value);
  }

  /**
   * Mirrors the keys a write touched as this member's copy now holds them (the copy shows the write
   * at {@code sequence} and nothing later: one write in flight at a time); {@code known} gives a
   * set's value for keys the write stored once, which need no lookup.
   */
  private void mirror(
      long sequence, Map<K, byte[]> touched, Map<K, byte[]> known, String operation) {
    Map<String, byte[]> present = new HashMap<>();
    for (Map.Entry<K, byte[]> key : touched.entrySet()) {
      String id = ReplicatedTables.id(key.getValue());
      byte[] value = known.get(key.getKey());
      if (value != null) {
        present.put(id, new MirrorEntry(sequence, List.of(value)).bytes());
        continue;
      }
      List<V> now = replica.table().lookup(key.getKey());
      if (now.isEmpty()) {
        mirror.delete(id);
      } else {
        List<byte[]> values = new ArrayList<>(now.size());
        for (V held : now) {
          values.add(codecs.encode(held, "value", operation));
        }
        present.put(id, new MirrorEntry(sequence, values).bytes());
      }
    }
    if (present.size() == 1) {
      Map.Entry<String, byte[]> only = present.entrySet().iterator().next();
      mirror.set(only.getKey(), only.getValue());
    } else if (!present.isEmpty()) {
      mirror.putAll(present);
    }
  }

  /**
   * The table's name, the same on every member.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The sequence number of this handle's last acknowledged write, -1 before the first: pass it to
   * {@link ReplicatedTables.Copy#awaitApplied} to read your write on another member.
   *
   * @return the sequence number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * How many owners the table has had, this one included (1 for its first owner).
   *
   * @return the epoch
   */
  public long epoch() {
    return owner.epoch();
  }

  /**
   * The owner exits. If a live heir is registered ({@link ReplicatedTables#heir}), the table passes
   * to it; otherwise the table is deleted on every member, as ETS deletes a table whose owner dies
   * with no heir: each copy's local table is deleted (its readers get {@code
   * TableDeletedException}), the name is free, and a later {@link ReplicatedTables#own} starts an
   * empty table. This member's replica stops either way.
   */
  @Override
  public synchronized void close() {
    boolean first = !closed;
    closed = true; // from now on a write is refused before it is logged
    if (member.getLifecycleService().isRunning()) {
      member.getLifecycleService().removeLifecycleListener(lifecycle);
    }
    if (first && member.getLifecycleService().isRunning() && !dropped && !deposed()) {
      if (TableOwnership.hasLiveHeir(member, name, formerMark)) {
        TableOwnership.release(member, name, owner);
      } else {
        dropped = true;
        ReplicatedTables.drop(member, name, owner);
      }
    }
    replica.close();
  }
}
