package io.jets.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.util.UUID;

/**
 * Who writes each replicated table: one record per table in a cluster map, changed only by
 * compare-and-set, so that of several heirs exactly one takes a table over, and the epoch tells
 * every member how many owners the table has had.
 */
final class TableOwnership {

  static final String MAP_NAME = "jets.table.owners";

  /**
   * The owner of a table: the member it runs on, the how-manieth owner it is, and whether it has
   * given the table up (then the next claim takes it, keeping the count), and whether the table is
   * an {@code ordered_set} (else a {@code set}), fixed by its first owner.
   */
  record Owner(UUID member, long epoch, boolean released, boolean ordered)
      implements Serializable {}

  private TableOwnership() {}

  static IMap<String, Owner> owners(HazelcastInstance member) {
    return member.getMap(MAP_NAME);
  }

  /** Whether {@code owner}'s member is still in {@code member}'s cluster. */
  static boolean alive(HazelcastInstance member, Owner owner) {
    for (Member m : member.getCluster().getMembers()) {
      if (m.getUuid().equals(owner.member())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes {@code member} the owner of {@code table} ({@code ordered}: of that kind; null: the kind
   * it has) if it has none, if its owner gave it up, or if its owner's member has left the cluster;
   * returns the new record, or null if a live owner holds it (this member's own live owner
   * included: one handle per table).
   */
  static Owner claim(HazelcastInstance member, String table, Boolean ordered) {
    IMap<String, Owner> owners = owners(member);
    UUID self = member.getCluster().getLocalMember().getUuid();
    while (true) {
      Owner current = owners.get(table);
      if (current == null) {
        Owner first = new Owner(self, 1, false, Boolean.TRUE.equals(ordered));
        if (owners.putIfAbsent(table, first) == null) {
          return first;
        }
      } else if (ordered != null && ordered != current.ordered()) {
        throw new IllegalArgumentException(
            "replicated table "
                + table
                + " is "
                + (current.ordered() ? "an ordered_set" : "a set"));
      } else if (current.released() || !alive(member, current)) {
        Owner next = new Owner(self, current.epoch() + 1, false, current.ordered());
        if (owners.replace(table, current, next)) {
          return next;
        }
      } else {
        return null;
      }
    }
  }

  /** Whether table {@code table} is ordered; throws if no member has ever owned it. */
  static boolean ordered(HazelcastInstance member, String table) {
    Owner owner = owners(member).get(table);
    if (owner == null) {
      throw new IllegalStateException("no replicated table named " + table + " has had an owner");
    }
    return owner.ordered();
  }

  /** Gives the table up, if {@code owner} still holds it: an heir may take it now. */
  static void release(HazelcastInstance member, String table, Owner owner) {
    owners(member)
        .replace(table, owner, new Owner(owner.member(), owner.epoch(), true, owner.ordered()));
  }
}
