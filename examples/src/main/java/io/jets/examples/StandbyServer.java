package io.jets.examples;

import io.jets.process.GenServer;
import io.jets.process.Next;
import io.jets.process.ReplyTo;
import io.jets.table.Table;
import io.jets.table.TableTransfer;
import java.util.ArrayList;
import java.util.List;

/**
 * The heir of the demo's table: a server that does nothing until a table is handed to it (ETS's
 * {@code 'ETS-TRANSFER'} message), then keeps it and takes over the owner's job of answering {@link
 * BalancesServer.Balance} calls. {@link #INHERITED} asks which tables it holds.
 */
final class StandbyServer implements GenServer<List<TableTransfer>> {

  /** Request: the transfers received so far, as a {@code List<TableTransfer>}. */
  static final String INHERITED = "inherited";

  @Override
  public Next<List<TableTransfer>> init() {
    return Next.noReply(new ArrayList<>());
  }

  @Override
  public Next<List<TableTransfer>> handleInfo(Object message, List<TableTransfer> received)
      throws Exception {
    if (message instanceof TableTransfer transfer) {
      received.add(transfer); // from now on this process owns transfer.table()
      return Next.noReply(received);
    }
    return GenServer.super.handleInfo(message, received);
  }

  @Override
  public Next<List<TableTransfer>> handleCall(
      Object request, ReplyTo from, List<TableTransfer> received) {
    if (INHERITED.equals(request)) {
      return Next.reply(List.copyOf(received), received);
    }
    if (request instanceof BalancesServer.Balance balance && !received.isEmpty()) {
      int account = balance.account();
      @SuppressWarnings("unchecked")
      Table<Integer, Long> balances = (Table<Integer, Long>) received.get(0).table();
      List<Long> found = balances.lookup(account);
      return Next.reply(found.isEmpty() ? null : found.get(0), received);
    }
    throw new IllegalArgumentException("unknown request " + request);
  }

  /** The tables among {@code transfers}, for printing. */
  static List<String> tableNames(List<TableTransfer> transfers) {
    return transfers.stream().map(TableTransfer::table).map(Table::name).toList();
  }
}
