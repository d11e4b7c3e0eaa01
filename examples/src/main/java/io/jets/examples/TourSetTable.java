package io.jets.examples;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.TableTransfer;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.List;
import java.util.Map;

/**
 * The README's tour of {@code set} tables and owners. The regions between the {@code tag::} and
 * {@code end::} comments are copied verbatim into README.md, and {@code ReadmeSnippetsTest} fails
 * the build when the two differ.
 */
public final class TourSetTable {

  /** An immutable value: jets stores references, so values must not change after insertion. */
  record User(String name, int age) {}

  private TourSetTable() {}

  /** Runs the tour; returns what the heir received when the owner exited. */
  public static TableTransfer run() {
    // spotless:off
    // tag::set[]
    OwnerScope owner = OwnerScope.open("cache-owner"); // an owner for code that is not an actor
    OwnerScope standby = OwnerScope.open("standby"); // close() is its exit, as for owner

    SetTable<String, User> users;
    boolean added;
    try (Owner.Binding bound = owner.bind()) { // act as the owner on this thread
      users = Tables.set("users") // SET: one object per key
          .access(Access.PROTECTED) // the owner writes, every thread reads (the default)
          .named() // Tables.whereis("users") finds it
          .readConcurrency(true) // ETS read-mostly hint; hash readers never wait anyway
          .writeConcurrency(WriteConcurrency.ON) // 64 striped writer locks
          .heir(standby, "yours now") // inherits the table when the owner exits
          .build();
      users.insert("u1", new User("alice", 31));
      users.insertAll(List.of( // atomic and isolated: readers see both or neither
          Map.entry("u2", new User("bob", 42)),
          Map.entry("u3", new User("carol", 27))));
      added = users.insertNew("u1", new User("mallory", 99)); // false: u1 exists
      users.update("u3", u -> new User(u.name(), u.age() + 1)); // atomic read-modify-write
    }

    User alice = users.get("u1"); // any thread: no lock, no message to the owner
    List<User> nobody = users.lookup("u9"); // [] when absent
    for (String key = users.first(); key != null; key = users.next(key)) {
      // visits every key present for the whole walk exactly once, whatever writers do
    }

    SetTable<String, Long> hits = Tables.set("hits").access(Access.PUBLIC).build();
    hits.updateCounter("/home", 1, 0L); // atomic increment; 0 is the default object
    hits.updateCounter("/home", 1, 0L); // now 2

    owner.close(); // the owner exits: the heir receives the table, nothing is lost
    TableTransfer transfer = (TableTransfer) standby.poll().orElseThrow();
    // transfer.table() == users, transfer.from() == owner, transfer.data() == "yours now"
    // end::set[]
    // spotless:on
    try {
      hits.delete();
      if (!added
          && alice.age() == 31
          && nobody.isEmpty()
          && users.owner() == standby
          && hits.isDeleted()) {
        return transfer;
      }
      throw new IllegalStateException("the set tour went wrong");
    } finally {
      standby.close(); // the heir exits too: with no heir of its own, the table is deleted
    }
  }
}
