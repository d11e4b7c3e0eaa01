package io.jets.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A member's copy of a replicated table that becomes its owner when the owner gives it up or the
 * owner's member leaves the cluster; see {@link ReplicatedTables#heir}.
 *
 * <p>Takeover: the heir claims the table by compare-and-set on the ownership record (one heir
 * wins), waits until its copy has applied every write in the table's log (every write the old owner
 * had acknowledged; a copy that had applied a write the log then lost reloads first), rewrites the
 * mirror from its copy (a write the old owner logged but had not mirrored when it crashed is
 * mirrored now), and completes {@link #takeover()}.
 *
 * <p>Until then it is a read-only copy like any other ({@link ReplicatedTables.Copy}). From its
 * claim on it is the table's owner and no longer one of its heirs: when the handle it got closes,
 * the table passes to another live heir or, with none, is deleted on every member.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Heir<K, V> extends ReplicatedTables.Copy<K, V> {

  private final TableCodecs codecs;
  private final CompletableFuture<ReplicatedTable<K, V>> takeover = new CompletableFuture<>();
  private final TableOwnership.HeirMark mark;
  private final UUID ownerWatch;

  Heir(HazelcastInstance member, String name, TableCodecs codecs, Replica<K, V> replica) {
    super(member, name, replica);
    this.codecs = codecs;
    this.mark =
        new TableOwnership.HeirMark(
            UUID.randomUUID(), member.getCluster().getLocalMember().getUuid());
    TableOwnership.heirs(member).put(name, mark); // an owner that exits now passes the table here
    this.ownerWatch =
        TableOwnership.owners(member)
            .addEntryListener(
                (EntryUpdatedListener<String, TableOwnership.Owner>) this::ownerChanged,
                name,
                false);
    watch();
    tryClaim(); // the owner may be gone already
  }

  private void ownerChanged(EntryEvent<String, TableOwnership.Owner> event) {
    tryClaim(); // released, or taken by another heir (then the claim finds a live owner)
  }

  /** A member left: perhaps the owner's. An heir claims the table rather than dropping it. */
  @Override
  void ownerMayBeGone() {
    tryClaim();
  }

  /** Claims on this copy's thread: Hazelcast's event threads must not block on the cluster. */
  private void tryClaim() {
    if (takeover.isDone()) {
      return;
    }
    submit(
        () -> {
          if (takeover.isDone()) {
            return;
          }
          try {
            TableOwnership.Owner owner = TableOwnership.claim(member, name, null, "takeover");
            if (owner != null) {
              // This heir is the owner now, no longer one waiting: its mark goes. The takeover
              // completes even if the mark's removal fails (a minority side): the claim is made,
              // and a heir whose takeover never completed would hold the table. The handle it gets
              // knows the mark, so that its close never takes the mark left for a live heir's and
              // passes the table to nobody.
              try {
                TableOwnership.heirs(member).remove(name, mark);
              } finally {
                takeover.complete(takeOverOrRelease(owner));
              }
            }
          } catch (SplitBrainProtectionException minority) {
            // this member is on the smaller side of a partition: the larger side's heirs decide
          } catch (RuntimeException e) {
            takeover.completeExceptionally(e);
          }
        });
  }

  /** Takes over for {@code owner}, this heir's claim; gives the claim up again if that fails. */
  private ReplicatedTable<K, V> takeOverOrRelease(TableOwnership.Owner owner) {
    try {
      return takeOver(owner);
    } catch (RuntimeException e) {
      try {
        TableOwnership.release(member, name, owner); // the next owner or heir takes the table
      } catch (RuntimeException notReleased) {
        e.addSuppressed(notReleased);
      }
      throw e;
    }
  }

  private ReplicatedTable<K, V> takeOver(TableOwnership.Owner owner) {
    // The old owner is gone: the log's tail no longer moves. This copy first checks that it holds
    // no batch the log lost (see Replica), then applies everything up to the tail.
    long tail = member.<TableBatch>getRingbuffer(ReplicatedTables.logName(name)).tailSequence();
    replica.awaitApplied(tail, owner.epoch(), "takeover");
    var mirror = member.<String, byte[]>getMap(ReplicatedTables.mirrorName(name));
    Map<String, List<byte[]>> state = new HashMap<>();
    for (Map.Entry<K, V> object : replica.table().toList()) {
      state
          .computeIfAbsent(
              ReplicatedTables.id(codecs.encode(object.getKey(), "key", "takeover")),
              id -> new ArrayList<>())
          .add(codecs.encode(object.getValue(), "value", "takeover"));
    }
    for (String id : mirror.keySet()) {
      if (!state.containsKey(id)) {
        mirror.delete(id);
      }
    }
    Map<String, byte[]> entries = new HashMap<>();
    state.forEach((id, values) -> entries.put(id, new MirrorEntry(tail, values).bytes()));
    mirror.putAll(entries);
    return new ReplicatedTable<>(member, name, codecs, replica, owner, mark);
  }

  /**
   * Completes with the owner's handle once this heir has taken the table over; never blocks.
   *
   * @return a future of the new owner's handle, completed exceptionally if the takeover failed (the
   *     claim is given up then, and the table passes to the next owner or heir): with a {@link
   *     io.jets.table.TableDeletedException} if the table was deleted first, a {@link
   *     io.jets.table.TableException} if this heir's copy stopped before it caught up, or
   *     Hazelcast's exception
   */
  public CompletableFuture<ReplicatedTable<K, V>> takeover() {
    return takeover;
  }

  /**
   * Stops being an heir; if it took over, closes the owner's handle too (another live heir takes
   * the table, or it is deleted on every member). This member's copy is closed even when the
   * cluster refuses to drop the heir's record (on the minority side of a partition, Hazelcast's
   * {@code SplitBrainProtectionException}), which then reaches the caller.
   */
  @Override
  public void close() {
    try {
      if (member.getLifecycleService().isRunning()) {
        TableOwnership.owners(member).removeEntryListener(ownerWatch);
        TableOwnership.heirs(member).remove(name, mark);
      }
    } finally {
      stopWatching();
      ReplicatedTable<K, V> owned =
          takeover.isCompletedExceptionally() ? null : takeover.getNow(null); // failed: no handle
      if (owned != null) {
        owned.close();
      } else {
        replica.close();
      }
    }
  }
}
