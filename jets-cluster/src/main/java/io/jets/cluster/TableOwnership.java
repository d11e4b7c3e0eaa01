package io.jets.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import io.jets.table.BadArgumentException;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import java.io.Serializable;
import java.util.UUID;

/**
 * Who writes each replicated table: one record per table in a cluster map, changed only by
 * compare-and-set, so that of several heirs exactly one takes a table over, and the epoch tells
 * every member how many owners the table has had.
 */
final class TableOwnership {

  static final String MAP_NAME = "jets.table.owners";
  static final String HEIRS_NAME = "jets.table.heirs";

  /**
   * The owner of a table: the member it runs on, the how-manieth owner it is, and whether it has
   * given the table up (then the next claim takes it, keeping the count), and the table's type,
   * fixed by its first owner.
   *
   * @param member the Hazelcast member UUID of the owner's member
   * @param epoch how many owners the table has had, this one included
   * @param released whether the owner gave the table up
   * @param type the table's type
   * @serial exclude (an internal wire form, not part of the API)
   */
  record Owner(UUID member, long epoch, boolean released, TableType type) implements Serializable {}

  private TableOwnership() {}

  static IMap<String, Owner> owners(HazelcastInstance member) {
    return member.getMap(MAP_NAME);
  }

  /** Whether {@code owner}'s member is still in {@code member}'s cluster. */
  static boolean alive(HazelcastInstance member, Owner owner) {
    return inCluster(member, owner.member());
  }

  private static boolean inCluster(HazelcastInstance member, UUID uuid) {
    for (Member m : member.getCluster().getMembers()) {
      if (m.getUuid().equals(uuid)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes {@code member} the owner of {@code table} ({@code type}: of that type; null: the type it
   * has) if it has none, if its owner gave it up, or if its owner's member has left the cluster;
   * returns the new record, or null if a live owner holds it (this member's own live owner
   * included: one handle per table).
   *
   * @param operation the operation that claims, for error messages
   * @throws BadArgumentException if the table has another type than {@code type}
   * @throws TableDeletedException if {@code type} is null and the table has no record
   */
  static Owner claim(HazelcastInstance member, String table, TableType type, String operation) {
    return claim(member, table, type, operation, false);
  }

  /**
   * As {@link #claim(HazelcastInstance, String, TableType, String)}, but a live owner is a {@link
   * TableOwnedException} naming it.
   */
  static Owner claimOrThrow(
      HazelcastInstance member, String table, TableType type, String operation) {
    return claim(member, table, type, operation, true);
  }

  private static Owner claim(
      HazelcastInstance member,
      String table,
      TableType type,
      String operation,
      boolean throwIfHeld) {
    IMap<String, Owner> owners = owners(member);
    UUID self = member.getCluster().getLocalMember().getUuid();
    while (true) {
      Owner current = owners.get(table);
      if (current == null) {
        if (type == null) {
          throw new TableDeletedException(table, operation);
        }
        Owner first = new Owner(self, 1, false, type);
        if (owners.putIfAbsent(table, first) == null) {
          return first;
        }
      } else if (type != null && type != current.type()) {
        throw new BadArgumentException(
            table,
            operation
                + ": type "
                + type
                + " does not match the table's type "
                + current.type()
                + ", fixed by its first owner");
      } else if (current.released() || !alive(member, current)) {
        Owner next = new Owner(self, current.epoch() + 1, false, current.type());
        if (owners.replace(table, current, next)) {
          return next;
        }
      } else if (throwIfHeld) {
        throw new TableOwnedException(table, operation, current.member(), current.epoch());
      } else {
        return null;
      }
    }
  }

  /**
   * The type of table {@code table}.
   *
   * @param operation the operation that needs the table, for the error message
   * @throws BadArgumentException if it has no owner record (never owned, or deleted)
   */
  static TableType type(HazelcastInstance member, String table, String operation) {
    Owner owner = owners(member).get(table);
    if (owner == null) {
      throw new BadArgumentException(
          table,
          operation
              + ": no replicated table of this name exists (never owned, or deleted when its owner"
              + " exited with no heir)");
    }
    return owner.type();
  }

  /** Gives the table up, if {@code owner} still holds it: an heir may take it now. */
  static void release(HazelcastInstance member, String table, Owner owner) {
    owners(member)
        .replace(table, owner, new Owner(owner.member(), owner.epoch(), true, owner.type()));
  }

  /**
   * An heir waiting for a table: its own id (several heirs may run on one member) and its member.
   *
   * @param id this heir's own id
   * @param member the Hazelcast member UUID of the heir's member
   * @serial exclude (an internal wire form, not part of the API)
   */
  record HeirMark(UUID id, UUID member) implements Serializable {}

  static MultiMap<String, HeirMark> heirs(HazelcastInstance member) {
    return member.getMultiMap(HEIRS_NAME);
  }

  /** Whether an heir of {@code table} is registered on a member still in the cluster. */
  static boolean hasLiveHeir(HazelcastInstance member, String table) {
    return hasLiveHeir(member, table, null);
  }

  /** As {@link #hasLiveHeir(HazelcastInstance, String)}, not counting {@code ignored}. */
  static boolean hasLiveHeir(HazelcastInstance member, String table, HeirMark ignored) {
    for (HeirMark heir : heirs(member).get(table)) {
      if (!heir.equals(ignored) && inCluster(member, heir.member())) {
        return true;
      }
    }
    return false;
  }
}
