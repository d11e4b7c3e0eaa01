package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This member's copy of a replicated table: a local jets {@code set} or {@code ordered_set} table
 * (both last-writer-wins per key, so the join's replay converges) that one thread, bound to the
 * replica's own owner, keeps in step with the table's ringbuffer. Readers read the local table
 * directly.
 */
final class Replica<K, V> implements AutoCloseable {
  /*
   * Design notes
   *
   * Structures. Per table: a Ringbuffer ("jets.table.<name>") of TableBatch, written only by the
   * table's owner, in its order, each add acknowledged once the partition owner and its
   * synchronous backup hold it; and an IMap ("jets.table.<name>.state") that mirrors the content,
   * updated by the owner right after each add (one write in flight at a time).
   *
   * Joining. Read the ringbuffer's tail sequence t, then the mirror into the local table, then
   * replay from t (not t + 1: the write at t may not have reached the mirror yet). Writes are
   * last-writer-wins per key (a set), so replaying, in order, writes the mirror already shows
   * converges to the owner's state: a key written after t ends with its last write, any other key
   * with its mirror value. The replica is returned only once it has applied everything up to the
   * tail it saw after loading the mirror. If the ringbuffer overwrote the needed sequence meanwhile
   * (StaleSequenceException), the join starts again.
   *
   * Applying. One platform thread per replica, bound to the replica's OwnerScope (the table's
   * owner here), blocks on readManyAsync for the next batches and applies each with one jets
   * operation: insert, insertAll (atomic: no reader sees half of it), delete, deleteAllObjects.
   * appliedThrough is published after each batch; the owner's writes wait on it (a condition, no
   * sleep) for read-your-writes.
   */

  private final String name;
  private final TableCodecs codecs;
  private final Ringbuffer<TableBatch> log;
  private final IMap<String, byte[]> mirror;
  private final OwnerScope owner;
  private final SetTable<K, V> table;
  private final ReentrantLock progress = new ReentrantLock();
  private final Condition advanced = progress.newCondition();
  private final CountDownLatch joined = new CountDownLatch(1);
  private final Thread applier;
  private volatile long appliedThrough = -1;
  private volatile RuntimeException failure;
  private volatile boolean closed;

  Replica(HazelcastInstance member, String name, TableCodecs codecs, boolean ordered) {
    this.name = name;
    this.codecs = codecs;
    this.log = member.getRingbuffer(ReplicatedTables.logName(name));
    this.mirror = member.getMap(ReplicatedTables.mirrorName(name));
    this.owner = OwnerScope.open("replica of " + name);
    try (Owner.Binding bound = owner.bind()) {
      this.table =
          ordered
              ? Tables.<K, V>orderedSet(name).access(Access.PROTECTED).build()
              : Tables.<K, V>set(name).access(Access.PROTECTED).build();
    }
    this.applier = Thread.ofPlatform().daemon().name("jets-replica-" + name).start(this::run);
  }

  /** Waits until this replica has joined (applied the mirror and caught up with the log). */
  void awaitJoined(long timeoutSeconds) {
    try {
      if (!joined.await(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "replicated table " + name + ": no join within " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "replicated table " + name + ": interrupted while joining", e);
    }
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  SetTable<K, V> table() {
    return table;
  }

  long appliedThrough() {
    return appliedThrough;
  }

  /** Waits up to {@code nanos} for the batch at {@code sequence}; returns whether it is applied. */
  boolean awaitApplied(long sequence, long nanos) {
    progress.lock();
    try {
      long left = nanos;
      while (appliedThrough < sequence) {
        if (left <= 0 || failure != null || closed) {
          return false;
        }
        left = advanced.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      progress.unlock();
    }
  }

  /** Waits until the batch at {@code sequence} has been applied here; the owner's writes do. */
  void awaitApplied(long sequence) {
    progress.lock();
    try {
      while (appliedThrough < sequence) {
        RuntimeException failed = failure;
        if (failed != null || closed) {
          throw new IllegalStateException("replicated table " + name + ": replica stopped", failed);
        }
        advanced.await(1, TimeUnit.SECONDS); // woken by each applied batch; the bound re-checks
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replicated table " + name + ": interrupted", e);
    } finally {
      progress.unlock();
    }
  }

  private void run() {
    try (Owner.Binding bound = owner.bind()) {
      long next = join();
      joined.countDown();
      while (!closed) {
        try {
          next = applyFrom(next, Long.MAX_VALUE);
        } catch (StaleSequenceException fellBehind) {
          next = join(); // the log overwrote what this replica had not read: load the mirror again
        }
      }
    } catch (RuntimeException e) {
      if (!closed) {
        failure = e;
      }
    } finally {
      joined.countDown();
      signal();
    }
  }

  /** Loads the mirror and catches up; returns the next sequence to read. */
  private long join() {
    while (true) {
      long start = Math.max(log.headSequence(), log.tailSequence());
      List<Map.Entry<K, V>> objects = new ArrayList<>();
      Set<K> keys = new HashSet<>();
      for (Map.Entry<String, byte[]> entry : mirror.entrySet()) {
        K key = codecs.key(ReplicatedTables.keyBytes(entry.getKey()));
        keys.add(key);
        objects.add(new AbstractMap.SimpleImmutableEntry<>(key, codecs.value(entry.getValue())));
      }
      // Empty at the first join. A replica that fell behind the log's capacity reloads here, and
      // its readers may see a mix of the old and the reloaded content until it has caught up.
      table.insertAll(objects);
      for (Map.Entry<K, V> local : table.toList()) {
        if (!keys.contains(local.getKey())) {
          table.delete(local.getKey());
        }
      }
      try {
        long caughtUp = log.tailSequence();
        long next = start < 0 ? 0 : start;
        while (next <= caughtUp) {
          next = applyFrom(next, caughtUp);
        }
        return next;
      } catch (StaleSequenceException overwritten) {
        // The log moved on past our start while we loaded: load the mirror again.
      }
    }
  }

  /** Reads and applies batches from {@code next} (up to {@code last}); returns the next to read. */
  private long applyFrom(long next, long last) {
    ReadResultSet<TableBatch> batches;
    try {
      int most = (int) Math.min(1_000, Math.max(1, last - next + 1));
      batches =
          log.readManyAsync(next, 1, most, null).toCompletableFuture().get(1, TimeUnit.SECONDS);
    } catch (TimeoutException idle) {
      return next; // nothing new within a second: look at closed, then wait again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replicated table " + name + ": interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StaleSequenceException stale) {
        throw stale;
      }
      throw new IllegalStateException(
          "replicated table " + name + ": " + e.getCause(), e.getCause());
    }
    for (int i = 0; i < batches.size(); i++) {
      apply(batches.get(i));
      appliedThrough = batches.getSequence(i);
      signal();
    }
    return batches.getNextSequenceToReadFrom();
  }

  private void apply(TableBatch batch) {
    switch (batch.kind()) {
      case INSERT ->
          table.insert(codecs.key(batch.keys().get(0)), codecs.value(batch.values().get(0)));
      case INSERT_ALL -> {
        List<Map.Entry<K, V>> objects = new ArrayList<>(batch.keys().size());
        for (int i = 0; i < batch.keys().size(); i++) {
          objects.add(
              new AbstractMap.SimpleImmutableEntry<>(
                  codecs.key(batch.keys().get(i)), codecs.value(batch.values().get(i))));
        }
        table.insertAll(objects);
      }
      case DELETE -> table.delete(codecs.key(batch.keys().get(0)));
      case CLEAR -> table.deleteAllObjects();
    }
  }

  private void signal() {
    progress.lock();
    try {
      advanced.signalAll();
    } finally {
      progress.unlock();
    }
  }

  /** Stops applying; the local table is deleted with the replica's owner. */
  @Override
  public void close() {
    closed = true;
    applier.interrupt();
    try {
      applier.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    owner.close();
  }
}
