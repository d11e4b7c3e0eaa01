package io.jets.examples;

import io.jets.process.GenServer;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.ReplyTo;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The owner of the demo's table, written as an OTP programmer would: a server process that creates
 * a named PROTECTED {@code balances} table in {@code init} (so it owns it), names a standby process
 * as the heir, and answers {@link Balance} requests by reading the table. Only this process may
 * write the table; every thread may read it directly.
 */
final class BalancesServer implements GenServer<SetTable<Integer, Long>> {

  /** The name under which the table is registered ({@code Tables.whereis}). */
  static final String TABLE_NAME = "balances";

  /** A request for the balance of one account; the reply is a {@code Long}, or null if absent. */
  record Balance(int account) {}

  private final int accounts;
  private final Proc heir;

  BalancesServer(int accounts, Proc heir) {
    this.accounts = accounts;
    this.heir = heir;
  }

  @Override
  public Next<SetTable<Integer, Long>> init() {
    SetTable<Integer, Long> table =
        Tables.set(TABLE_NAME)
            .named()
            .readConcurrency(true) // ETS read-mostly hint: hash readers never wait in any mode
            .writeConcurrency(WriteConcurrency.ON)
            .heir(heir, "balances from the crashed owner")
            .build();
    List<Map.Entry<Integer, Long>> initial = new ArrayList<>(accounts);
    for (int account = 0; account < accounts; account++) {
      initial.add(Map.entry(account, 100L + account % 900));
    }
    table.insertAll(initial); // atomic: a reader sees no account or every account
    return Next.noReply(table);
  }

  @Override
  public Next<SetTable<Integer, Long>> handleCall(
      Object request, ReplyTo from, SetTable<Integer, Long> table) {
    if (request instanceof Balance balance) {
      return Next.reply(table.get(balance.account()), table);
    }
    throw new IllegalArgumentException("unknown request " + request);
  }
}
