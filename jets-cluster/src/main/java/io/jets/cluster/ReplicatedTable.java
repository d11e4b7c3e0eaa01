package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import io.jets.table.OrderedTable;
import io.jets.table.SetTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The owner's handle of a replicated {@code set} or {@code ordered_set} table: the only way to
 * write it. Every member, this one included, reads its own local copy ({@link #local()}), a jets
 * table read directly.
 *
 * <p><b>Acknowledgement.</b> A write returns once the cluster holds it durably (the table's
 * ringbuffer on the partition owner and its synchronous backup, so it survives any one member's
 * crash) and this member's local table shows it. Other members apply it shortly after, in the
 * owner's order, a multi-object write all at once. Writes through one handle are serialized.
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

  ReplicatedTable(
      HazelcastInstance member,
      String name,
      TableCodecs codecs,
      Replica<K, V> replica,
      TableOwnership.Owner owner) {
    this.member = member;
    this.owner = owner;
    this.name = name;
    this.codecs = codecs;
    this.log = member.getRingbuffer(ReplicatedTables.logName(name));
    this.mirror = member.getMap(ReplicatedTables.mirrorName(name));
    this.replica = replica;
  }

  /** This member's copy: read it directly; only this handle writes it. */
  public SetTable<K, V> local() {
    return replica.table();
  }

  /**
   * This member's copy of an {@code ordered_set} ({@link ReplicatedTables#ownOrdered}).
   *
   * @throws IllegalStateException if the table is a {@code set}
   */
  public OrderedTable<K, V> localOrdered() {
    return ReplicatedTables.ordered(replica.table());
  }

  /** Stores {@code value} under {@code key} on every member. */
  public synchronized void insert(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    byte[] k = codecs.encode(key, "key");
    byte[] v = codecs.encode(value, "value");
    long sequence =
        log.add(new TableBatch(owner.epoch(), TableBatch.Kind.INSERT, List.of(k), List.of(v)));
    this.sequence = sequence;
    mirror.set(ReplicatedTables.id(k), v);
    replica.awaitApplied(sequence, owner.epoch());
  }

  /** Stores every object on every member, each member all at once (no reader sees part). */
  public synchronized void insertAll(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    Objects.requireNonNull(objects, "objects");
    List<byte[]> keys = new ArrayList<>(objects.size());
    List<byte[]> values = new ArrayList<>(objects.size());
    Map<String, byte[]> state = new HashMap<>();
    for (Map.Entry<? extends K, ? extends V> object : objects) {
      Objects.requireNonNull(object.getKey(), "a key in objects");
      Objects.requireNonNull(object.getValue(), "a value in objects");
      byte[] k = codecs.encode(object.getKey(), "key");
      byte[] v = codecs.encode(object.getValue(), "value");
      keys.add(k);
      values.add(v);
      state.put(ReplicatedTables.id(k), v);
    }
    long sequence =
        log.add(new TableBatch(owner.epoch(), TableBatch.Kind.INSERT_ALL, keys, values));
    this.sequence = sequence;
    mirror.putAll(state);
    replica.awaitApplied(sequence, owner.epoch());
  }

  /** Deletes the object under {@code key} on every member. */
  public synchronized void delete(K key) {
    Objects.requireNonNull(key, "key");
    byte[] k = codecs.encode(key, "key");
    long sequence =
        log.add(new TableBatch(owner.epoch(), TableBatch.Kind.DELETE, List.of(k), List.of()));
    this.sequence = sequence;
    mirror.delete(ReplicatedTables.id(k));
    replica.awaitApplied(sequence, owner.epoch());
  }

  /** Deletes every object on every member, each member all at once. */
  public synchronized void deleteAllObjects() {
    long sequence =
        log.add(new TableBatch(owner.epoch(), TableBatch.Kind.CLEAR, List.of(), List.of()));
    this.sequence = sequence;
    mirror.clear();
    replica.awaitApplied(sequence, owner.epoch());
  }

  /** The table's name, the same on every member. */
  public String name() {
    return name;
  }

  /**
   * The sequence number of this handle's last acknowledged write, -1 before the first: pass it to
   * {@link ReplicatedTables.Copy#awaitApplied} to read your write on another member.
   */
  public long sequence() {
    return sequence;
  }

  /** How many owners the table has had, this one included (1 for its first owner). */
  public long epoch() {
    return owner.epoch();
  }

  /**
   * The owner exits: gives the table up (an heir takes it over; without one the cluster keeps the
   * table, and a later {@link ReplicatedTables#own} continues it), stops this member's replica and
   * deletes its local copy.
   */
  @Override
  public void close() {
    if (member.getLifecycleService().isRunning()) {
      TableOwnership.release(member, name, owner);
    }
    replica.close();
  }
}
