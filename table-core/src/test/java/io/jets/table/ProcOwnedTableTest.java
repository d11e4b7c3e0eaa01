package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import io.jets.owner.Owner;
import io.jets.process.CallFailedException;
import io.jets.process.Down;
import io.jets.process.ExitSignal;
import io.jets.process.GenServer;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.ReplyTo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Processes as table owners: a table dies with its owning process or passes to its heir, and a
 * process heir receives the transfer in its mailbox before any exit or down signal about the old
 * owner (ETS: 'ETS-TRANSFER' arrives before 'EXIT' and 'DOWN').
 */
class ProcOwnedTableTest {

  private static final Duration LONG = Duration.ofSeconds(10);

  /** Owns one table, created in init; "table" returns it, "crash" crashes, "stop" stops. */
  static final class TableOwner implements GenServer<SetTable<String, Integer>> {
    private final String tableName;
    private final Owner heir;
    private final CountDownLatch blockInCall;

    TableOwner(String tableName, Owner heir, CountDownLatch blockInCall) {
      this.tableName = tableName;
      this.heir = heir;
      this.blockInCall = blockInCall;
    }

    @Override
    public Next<SetTable<String, Integer>> init() {
      SetTableBuilder builder = Tables.set(tableName).named();
      if (heir != null) {
        builder.heir(heir, "heir-data");
      }
      SetTable<String, Integer> table = builder.build();
      table.insert("written-by-first-owner", 1);
      return Next.noReply(table);
    }

    @Override
    public Next<SetTable<String, Integer>> handleCall(
        Object request, ReplyTo from, SetTable<String, Integer> table) throws Exception {
      return switch ((String) request) {
        case "table" -> Next.reply(table, table);
        case "crash" -> throw new IllegalStateException("owner crashed on purpose");
        case "stop" -> Next.stopAndReply(ExitReason.NORMAL, "stopped", table);
        case "block" -> {
          blockInCall.await();
          yield Next.reply("unblocked", table);
        }
        default -> throw new IllegalArgumentException("unknown request " + request);
      };
    }
  }

  /** Traps exits and records every message it is sent; "write" writes to the table it inherited. */
  static final class Heir implements GenServer<SetTable<String, Integer>> {
    final List<Object> received = new CopyOnWriteArrayList<>();
    final CountDownLatch sawExitAndDown = new CountDownLatch(2);

    @Override
    public Next<SetTable<String, Integer>> init() {
      Procs.self().trapExit(true);
      return Next.noReply(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Next<SetTable<String, Integer>> handleInfo(
        Object message, SetTable<String, Integer> table) {
      received.add(message);
      if (message instanceof ExitSignal || message instanceof Down) {
        sawExitAndDown.countDown();
      }
      if (message instanceof TableTransfer transfer) {
        return Next.noReply((SetTable<String, Integer>) transfer.table());
      }
      return Next.noReply(table);
    }

    @Override
    public Next<SetTable<String, Integer>> handleCall(
        Object request, ReplyTo from, SetTable<String, Integer> table) {
      table.insert("written-by-heir", 2);
      return Next.reply(table.get("written-by-heir"), table);
    }
  }

  private static ExitReason exitOf(Proc proc) throws InterruptedException {
    return proc.awaitExit(LONG).orElseThrow(() -> new AssertionError(proc + " did not exit"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void heirProcessReceivesTheTransferBeforeTheExitAndDownAboutTheOldOwner() throws Exception {
    for (int round = 0; round < 50; round++) {
      Heir heir = new Heir();
      Proc heirProc = Procs.start("heir-" + round, heir);
      Proc owner =
          Procs.start("owner-" + round, new TableOwner("inherited-" + round, heirProc, null));
      assertTrue(heirProc.link(owner));
      owner.monitor(heirProc);
      SetTable<String, Integer> table = (SetTable<String, Integer>) owner.call("table", LONG);

      assertThrows(CallFailedException.class, () -> owner.call("crash", LONG));
      assertTrue(heir.sawExitAndDown.await(10, TimeUnit.SECONDS), "heir got no EXIT and DOWN");

      List<Object> received = List.copyOf(heir.received);
      assertEquals(3, received.size(), received.toString());
      TableTransfer transfer =
          assertInstanceOf(
              TableTransfer.class, received.get(0), "round " + round + ": " + received);
      assertSame(table, transfer.table());
      assertSame(owner, transfer.from());
      assertEquals("heir-data", transfer.data());
      ExitReason crash = exitOf(owner);
      assertTrue(
          received.stream()
              .skip(1)
              .allMatch(
                  m ->
                      (m instanceof ExitSignal e && e.from() == owner && e.reason() == crash)
                          || (m instanceof Down d && d.proc() == owner && d.reason() == crash)),
          received.toString());

      assertSame(heirProc, table.owner());
      assertFalse(table.isDeleted());
      assertEquals(1, table.get("written-by-first-owner"));
      assertEquals(2, heirProc.call("write", LONG)); // the heir owns the protected table now
      assertThrows(AccessDeniedException.class, () -> table.insert("from-outside", 3));

      heirProc.exit(ExitReason.KILL);
      exitOf(heirProc);
      assertTrue(table.isDeleted(), "the table should die with its last owner");
    }
  }

  @Test
  void tableOfAProcessWithoutHeirIsDeletedWhenItExits() throws Exception {
    Proc owner = Procs.start("lonely-owner", new TableOwner("lonely", null, null));
    Table<?, ?> table = Tables.whereis("lonely").orElseThrow();
    assertSame(owner, table.owner());
    assertEquals("stopped", owner.call("stop", LONG));
    assertEquals(ExitReason.NORMAL, exitOf(owner));
    assertTrue(table.isDeleted());
    assertTrue(Tables.whereis("lonely").isEmpty());
    assertThrows(TableDeletedException.class, () -> table.lookup(null));
  }

  @Test
  void linkedHeirThatDoesNotTrapExitsDiesTooAndTheTableIsDeleted() throws Exception {
    Proc heir =
        Procs.spawn(
            "plain-heir",
            me -> {
              while (true) {
                me.receive();
              }
            });
    Proc owner = Procs.start("owner-of-plain-heir", new TableOwner("doomed", heir, null));
    owner.link(heir);
    Table<?, ?> table = Tables.whereis("doomed").orElseThrow();
    assertThrows(CallFailedException.class, () -> owner.call("crash", LONG));
    ExitReason reason = exitOf(owner);
    assertSame(reason, exitOf(heir));
    assertTrue(table.isDeleted());
  }

  @Test
  void killedOwnerStuckInACallbackHandsItsTableOverAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Heir heir = new Heir();
    Proc heirProc = Procs.start("heir-of-stuck", heir);
    Proc owner = Procs.start("stuck-owner", new TableOwner("stuck", heirProc, release));
    owner.monitor(heirProc);
    Table<?, ?> table = Tables.whereis("stuck").orElseThrow();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    owner.call("block", LONG);
                  } catch (RuntimeException expected) {
                    // the owner is killed while it handles this call
                  }
                });
    owner.exit(ExitReason.KILL); // from this thread, while the owner may be inside the callback
    assertSame(heirProc, table.owner());
    assertEquals(ExitReason.KILL, exitOf(owner));
    release.countDown();
    caller.join();
    // The transfer was delivered before exit() returned, so the heir handles it before this call.
    assertEquals(2, heirProc.call("write", LONG));
    assertInstanceOf(TableTransfer.class, heir.received.get(0));
    heirProc.exit(ExitReason.KILL);
    exitOf(heirProc);
  }

  @Test
  void giveAwayBetweenProcessesDeliversTheTransferToTheReceiversMailbox() throws Exception {
    Heir receiver = new Heir();
    Proc receiverProc = Procs.start("receiver", receiver);
    Proc giver =
        Procs.spawn(
            "giver",
            me -> {
              SetTable<String, Integer> table = Tables.set("gift").build();
              table.insert("k", 1);
              table.giveAway(receiverProc, "gift-data");
            });
    exitOf(giver);
    assertEquals(2, receiverProc.call("write", LONG)); // the transfer is handled before this call
    TableTransfer transfer = assertInstanceOf(TableTransfer.class, receiver.received.get(0));
    assertSame(giver, transfer.from());
    assertEquals("gift-data", transfer.data());
    assertFalse(transfer.table().isDeleted(), "the gift outlives its giver");
    receiverProc.exit(ExitReason.KILL);
    exitOf(receiverProc);
    assertTrue(transfer.table().isDeleted());
  }
}
