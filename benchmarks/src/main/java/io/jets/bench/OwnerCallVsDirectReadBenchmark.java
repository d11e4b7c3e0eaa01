package io.jets.bench;

import io.jets.owner.ExitReason;
import io.jets.process.GenServer;
import io.jets.process.Next;
import io.jets.process.Proc;
import io.jets.process.Procs;
import io.jets.process.ReplyTo;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The bypass-read argument in numbers: reading one key through a {@code call} to the table's owner
 * process, against reading the owner's PROTECTED table directly from the calling thread. Run at 1
 * and 2 threads ({@code -t 1}, {@code -t 2}): calls serialize on the one owner process, direct
 * reads do not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class OwnerCallVsDirectReadBenchmark {

  // Generous: a call on a noisy 2-core machine can stall, and a timeout would abort the run.
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  @Param({"1024"})
  int keys;

  private Proc owner;
  private SetTable<Integer, Long> table;

  /** The owner: creates and fills the table in init, answers a key with its value. */
  static final class TableOwner implements GenServer<SetTable<Integer, Long>> {
    private final int keys;

    TableOwner(int keys) {
      this.keys = keys;
    }

    @Override
    public Next<SetTable<Integer, Long>> init() {
      SetTable<Integer, Long> table = Tables.set("bench-owned").readConcurrency(true).build();
      for (int i = 0; i < keys; i++) {
        table.insert(i, (long) i);
      }
      return Next.noReply(table);
    }

    @Override
    public Next<SetTable<Integer, Long>> handleCall(
        Object request, ReplyTo from, SetTable<Integer, Long> table) {
      if (request instanceof Integer key) {
        return Next.reply(table.get(key), table);
      }
      return Next.reply(table, table);
    }
  }

  /** Each benchmark thread walks the keys from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int nextKey(int keys) {
      int key = next;
      next = key + 1 == keys ? 0 : key + 1;
      return key;
    }
  }

  @Setup
  @SuppressWarnings("unchecked")
  public void start() {
    owner = Procs.start("bench-owner", new TableOwner(keys));
    table = (SetTable<Integer, Long>) owner.call("table", CALL_TIMEOUT);
  }

  @TearDown
  public void stop() throws InterruptedException {
    owner.exit(ExitReason.SHUTDOWN);
    owner.awaitExit(CALL_TIMEOUT);
  }

  /** One read through the owner: a request into its mailbox, a reply back. */
  @Benchmark
  public Object readThroughCall(Cursor cursor) {
    return owner.call(cursor.nextKey(keys), CALL_TIMEOUT);
  }

  /** The same read straight from the table, on the calling thread. */
  @Benchmark
  public Object directRead(Cursor cursor) {
    return table.get(cursor.nextKey(keys));
  }
}
