package io.jets.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This member's copy of a replicated table: a local jets table of the table's type that one thread,
 * bound to the replica's own owner, keeps in step with the table's ringbuffer. Readers read the
 * local table directly.
 */
final class Replica<K, V> implements AutoCloseable {
  /*
   * Design notes
   *
   * Structures. Per table: a Ringbuffer ("jets.table.<name>") of TableBatch, written only by the
   * table's owner, in its order, each add acknowledged once the partition owner and its
   * synchronous backup hold it; and an IMap ("jets.table.<name>.state") that mirrors the content,
   * updated by the owner once its own copy has applied the add, before its next add (one write in
   * flight at a time).
   *
   * Joining. Read the ringbuffer's tail sequence t, then the mirror into the local table, then
   * replay from t (not t + 1: the write at t may not have reached the mirror yet). Each mirror entry
   * carries the sequence of the last write it reflects, and the replay skips, per key, writes at or
   * below it (a clear, the keys written after it), so no write is applied twice: this matters for a
   * duplicate_bag, whose inserts are not idempotent. The replica is returned only once it has
   * applied everything up to the tail it saw after loading the mirror. If the ringbuffer overwrote
   * the needed sequence meanwhile (StaleSequenceException), the join starts again.
   *
   * Applying. One platform thread per replica, bound to the replica's OwnerScope (the table's
   * owner here), blocks on readManyAsync for the next batches and applies each with one jets
   * operation: insert, insertAll (atomic: no reader sees half of it), delete, deleteObject,
   * deleteAllObjects; a DROP batch deletes the local table (the owner exited with no heir).
   * appliedThrough is published after each batch; the owner's writes wait on it (a condition, no
   * sleep) for read-your-writes.
   *
   * A new owner. A ringbuffer read is served by the partition's primary, which may show an add
   * before its backup holds it; if the primary's member then crashes (the old owner's, say), the
   * promoted backup's log ends before what some copies applied, and the next owner's writes reuse
   * those sequence numbers. Every batch carries its owner's epoch. A copy that hears of a higher
   * epoch (the ownership record's listener, a batch, or awaitApplied reading the record) checks,
   * before applying anything more, that the batch at its appliedThrough is still in the log with
   * the epoch it applied; if not, it joins again (mirror plus log). verifiedEpoch is the epoch up
   * to which that check has passed; awaitApplied waits for it as well as for the sequence, so no
   * copy reports a write of the new owner applied while it still holds a lost one.
   */

  private final String name;
  private final String operation; // the public call that built this copy, for error messages
  private final TableCodecs codecs;
  private final Ringbuffer<TableBatch> log;
  private final IMap<String, byte[]> mirror;
  private final OwnerScope owner;
  private final TableType type;
  private final Table<K, V> table;
  private final ReentrantLock progress = new ReentrantLock();
  private final Condition advanced = progress.newCondition();
  private final CountDownLatch joined = new CountDownLatch(1);
  private final Thread applier;
  private final IMap<String, TableOwnership.Owner> ownersMap;
  private final UUID ownerWatch;
  private volatile long appliedThrough = -1;
  private volatile long appliedEpoch; // the epoch of the batch at appliedThrough
  private volatile long knownEpoch; // the highest owner epoch this copy has heard of
  private volatile long verifiedEpoch; // this copy's history is the log's up to this epoch
  private volatile CompletableFuture<ReadResultSet<TableBatch>> pending;
  private volatile RuntimeException failure;
  private volatile boolean closed;
  private volatile boolean dropped;

  /**
   * Starts a copy of table {@code name} for {@code operation} ({@code own}, {@code heir}, {@code
   * replica}, ...), which error messages name.
   */
  Replica(
      HazelcastInstance member, String name, TableCodecs codecs, TableType type, String operation) {
    this.type = type;
    this.name = name;
    this.operation = operation;
    this.codecs = codecs;
    this.log = member.getRingbuffer(ReplicatedTables.logName(name));
    this.mirror = member.getMap(ReplicatedTables.mirrorName(name));
    this.owner = OwnerScope.open("replica of " + name);
    IMap<String, TableOwnership.Owner> owners = TableOwnership.owners(member);
    UUID watch = null;
    try {
      try (Owner.Binding bound = owner.bind()) {
        this.table =
            switch (type) {
              case SET -> Tables.<K, V>set(name).access(Access.PROTECTED).build();
              case ORDERED_SET -> Tables.<K, V>orderedSet(name).access(Access.PROTECTED).build();
              case BAG -> Tables.bag(name).access(Access.PROTECTED).<K, V>build();
              case DUPLICATE_BAG ->
                  Tables.duplicateBag(name).access(Access.PROTECTED).<K, V>build();
            };
      }
      watch =
          owners.addEntryListener(
              (EntryUpdatedListener<String, TableOwnership.Owner>)
                  event -> learnEpoch(event.getValue().epoch()),
              name,
              true);
      TableOwnership.Owner current = owners.get(name);
      this.knownEpoch = current == null ? 0 : current.epoch();
    } catch (RuntimeException e) {
      // Nothing of this copy stays: no listener, no local table (deleted with its owner).
      if (watch != null) {
        try {
          owners.removeEntryListener(watch);
        } catch (RuntimeException memberGone) {
          e.addSuppressed(memberGone);
        }
      }
      owner.close();
      throw Waits.interrupted(e, name, operation);
    }
    this.ownerWatch = watch;
    this.ownersMap = owners;
    this.applier = Thread.ofPlatform().daemon().name("jets-replica-" + name).start(this::run);
  }

  /**
   * Waits until this replica has joined (applied the mirror and caught up with the log).
   *
   * @throws TableException if it did not within {@code timeoutSeconds}, or the wait was interrupted
   *     (the interrupt status stays set)
   * @throws RuntimeException what stopped the copy while it joined: a {@link
   *     io.jets.table.BadArgumentException} if this member's filter refuses the table's content, or
   *     Hazelcast's exception
   */
  void awaitJoined(long timeoutSeconds) {
    try {
      if (!joined.await(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new TableException(
            name,
            operation
                + ": this member's copy did not catch up with the cluster within "
                + timeoutSeconds
                + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TableException(
          name, operation + ": interrupted while this member's copy caught up with the cluster", e);
    }
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  Table<K, V> table() {
    return table;
  }

  long appliedThrough() {
    return appliedThrough;
  }

  /**
   * Waits up to {@code nanos} for the batch at {@code sequence} of the table's current owner;
   * returns whether it is applied.
   *
   * @throws TableException if the wait is interrupted (the interrupt status stays set)
   */
  boolean awaitAppliedWithin(long sequence, long nanos) {
    TableOwnership.Owner current = ownersMap.get(name);
    long epoch = current == null ? 0 : current.epoch();
    learnEpoch(epoch);
    progress.lock();
    try {
      long left = nanos;
      while (appliedThrough < sequence || verifiedEpoch < epoch) {
        if (left <= 0 || failure != null || closed || dropped) {
          return false;
        }
        left = advanced.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TableException(
          name,
          "awaitApplied: interrupted while waiting for this member's copy to apply sequence "
              + sequence,
          e);
    } finally {
      progress.unlock();
    }
  }

  /**
   * Waits until the batch at {@code sequence}, written by the owner of {@code epoch}, has been
   * applied here; the owner's writes ({@code operation}, for error messages) do, and a takeover.
   *
   * @throws TableDeletedException if the copy applied the table's deletion first
   * @throws TableException if the copy stopped first, or the wait was interrupted (the interrupt
   *     status stays set); the log holds the batch either way
   */
  void awaitApplied(long sequence, long epoch, String operation) {
    learnEpoch(epoch);
    progress.lock();
    try {
      while (appliedThrough < sequence || verifiedEpoch < epoch) {
        if (dropped) {
          throw new TableDeletedException(name, operation);
        }
        RuntimeException failed = failure;
        if (failed != null || closed) {
          throw new TableException(
              name,
              operation
                  + ": this member's copy stopped before it applied log sequence "
                  + sequence
                  + " (the log holds it: the other copies apply it)",
              failed);
        }
        advanced.await(1, TimeUnit.SECONDS); // woken by each applied batch; the bound re-checks
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TableException(
          name,
          operation
              + ": interrupted while waiting for this member's copy to apply log sequence "
              + sequence
              + " (the log holds it: the other copies apply it)",
          e);
    } finally {
      progress.unlock();
    }
  }

  /** This copy has heard of owner {@code epoch}: it checks its history before going on. */
  void learnEpoch(long epoch) {
    synchronized (this) {
      if (epoch <= knownEpoch) {
        return;
      }
      knownEpoch = epoch;
    }
    CompletableFuture<?> waiting = pending;
    if (waiting != null) {
      waiting.cancel(false); // wake the applier from its read
    }
  }

  private void run() {
    try (Owner.Binding bound = owner.bind()) {
      long next = join();
      joined.countDown();
      while (!closed && !dropped) {
        try {
          if (verifiedEpoch < knownEpoch) {
            next = verify();
          }
          next = applyFrom(next, Long.MAX_VALUE, null);
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

  /**
   * A higher epoch is known: if the batch this copy applied last is no longer in the log as it was
   * (a read the crashed primary served and its backup never held), joins again; returns the next
   * sequence to read.
   */
  private long verify() {
    long target = knownEpoch;
    long last = appliedThrough;
    long next = last + 1;
    boolean kept = true;
    if (last >= 0) {
      try {
        kept = last <= log.tailSequence() && log.readOne(last).epoch() == appliedEpoch;
      } catch (StaleSequenceException overwritten) {
        kept = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TableException(name, "this member's copy was interrupted", e);
      }
    }
    if (!kept) {
      next = join();
    }
    verifiedEpoch = Math.max(verifiedEpoch, target);
    signal();
    return next;
  }

  /** Loads the mirror and catches up; returns the next sequence to read. */
  private long join() {
    while (true) {
      long epoch = knownEpoch; // a later one makes the loop verify what this join applied
      long start = Math.max(log.headSequence(), log.tailSequence());
      List<Map.Entry<K, V>> objects = new ArrayList<>();
      Map<K, Long> loaded = new HashMap<>();
      for (Map.Entry<String, byte[]> entry : mirror.entrySet()) {
        K key = codecs.key(ReplicatedTables.keyBytes(entry.getKey()), operation);
        MirrorEntry held = MirrorEntry.of(entry.getValue());
        loaded.put(key, held.sequence());
        for (byte[] value : held.values()) {
          objects.add(new AbstractMap.SimpleImmutableEntry<>(key, codecs.value(value, operation)));
        }
      }
      // Empty at the first join. A copy that fell behind the log's capacity, or held a batch the
      // log lost, reloads here, and its readers may see a mix of the old and the reloaded content
      // (a bag's copy: no content) until it has caught up.
      if (type == TableType.SET || type == TableType.ORDERED_SET) {
        table.insertAll(objects);
        for (Map.Entry<K, V> local : table.toList()) {
          if (!loaded.containsKey(local.getKey())) {
            table.delete(local.getKey());
          }
        }
      } else {
        table.deleteAllObjects();
        table.insertAll(objects);
      }
      try {
        long caughtUp = log.tailSequence();
        long next = start < 0 ? 0 : start;
        appliedThrough = next - 1; // a copy that held a lost batch holds only what it reloaded
        appliedEpoch = 0;
        while (next <= caughtUp && !dropped) {
          next = applyFrom(next, caughtUp, loaded);
        }
        verifiedEpoch = Math.max(verifiedEpoch, epoch);
        return next;
      } catch (StaleSequenceException overwritten) {
        // The log moved on past our start while we loaded: load the mirror again.
      }
    }
  }

  /**
   * Reads and applies batches from {@code next} (up to {@code last}); returns the next to read.
   * Outside a join ({@code loaded} null) it stops before a batch of an epoch this copy has not
   * verified; in a join it skips, per key, the writes that the loaded mirror entry reflects.
   */
  private long applyFrom(long next, long last, Map<K, Long> loaded) {
    boolean joining = loaded != null;
    ReadResultSet<TableBatch> batches;
    try {
      int most = (int) Math.min(1_000, Math.max(1, last - next + 1));
      CompletableFuture<ReadResultSet<TableBatch>> read =
          log.readManyAsync(next, 1, most, null).toCompletableFuture();
      pending = read;
      if (!joining && verifiedEpoch < knownEpoch) {
        read.cancel(false); // an epoch arrived before the read was visible to learnEpoch
      }
      batches = read.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException | CancellationException idle) {
      return next; // nothing new within a second, or a new epoch: look at closed, then go on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TableException(name, "this member's copy was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StaleSequenceException stale) {
        throw stale;
      }
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed; // Hazelcast's own failure, as thrown
      }
      throw new TableException(
          name, "this member's copy could not read the log: " + e.getCause(), e.getCause());
    } finally {
      pending = null;
    }
    for (int i = 0; i < batches.size(); i++) {
      TableBatch batch = batches.get(i);
      learnEpoch(batch.epoch());
      if (!joining && batch.epoch() > verifiedEpoch) {
        return batches.getSequence(i); // check this copy's history before applying a new owner's
      }
      apply(batch, batches.getSequence(i), loaded);
      appliedEpoch = batch.epoch();
      appliedThrough = batches.getSequence(i);
      signal();
    }
    return batches.getNextSequenceToReadFrom();
  }

  /** Applies one batch, written at {@code sequence}, as one jets operation. */
  private void apply(TableBatch batch, long sequence, Map<K, Long> loaded) {
    switch (batch.kind()) {
      case INSERT -> {
        K key = codecs.key(batch.keys().get(0), operation);
        if (newer(loaded, key, sequence)) {
          table.insert(key, codecs.value(batch.values().get(0), operation));
        }
      }
      case INSERT_ALL -> {
        List<Map.Entry<K, V>> objects = new ArrayList<>(batch.keys().size());
        for (int i = 0; i < batch.keys().size(); i++) {
          K key = codecs.key(batch.keys().get(i), operation);
          if (newer(loaded, key, sequence)) {
            objects.add(
                new AbstractMap.SimpleImmutableEntry<>(
                    key, codecs.value(batch.values().get(i), operation)));
          }
        }
        table.insertAll(objects);
      }
      case DELETE -> {
        K key = codecs.key(batch.keys().get(0), operation);
        if (newer(loaded, key, sequence)) {
          table.delete(key);
        }
      }
      case DELETE_OBJECT -> {
        K key = codecs.key(batch.keys().get(0), operation);
        if (newer(loaded, key, sequence)) {
          table.deleteObject(key, codecs.value(batch.values().get(0), operation));
        }
      }
      case CLEAR -> {
        if (loaded == null) {
          table.deleteAllObjects();
        } else {
          for (Map.Entry<K, V> local : table.toList()) {
            if (newer(loaded, local.getKey(), sequence)) {
              table.delete(local.getKey()); // a key the mirror showed as written later stays
            }
          }
        }
      }
      case DROP -> {
        dropped = true;
        table.delete(); // readers of this copy now get TableDeletedException, as in ETS
      }
    }
  }

  /** Whether the write at {@code sequence} to {@code key} is not yet in the loaded mirror entry. */
  private static <K> boolean newer(Map<K, Long> loaded, K key, long sequence) {
    return loaded == null || loaded.getOrDefault(key, -1L) < sequence;
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
    try {
      ownersMap.removeEntryListener(ownerWatch);
    } catch (RuntimeException memberGone) {
      // the member is shutting down: its listeners go with it
    }
    applier.interrupt();
    try {
      applier.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    owner.close();
  }
}
