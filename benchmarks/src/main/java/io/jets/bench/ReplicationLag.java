package io.jets.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.jets.cluster.LocalCluster;
import io.jets.cluster.ReplicatedTable;
import io.jets.cluster.ReplicatedTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Replication lag and join time of jets-cluster's replicated tables (issue 20 item 7), two members
 * then a third, on 127.0.0.1 in this JVM (one clock for both ends):
 *
 * <ul>
 *   <li>lag: the owner writes at a fixed rate (1,000 and 10,000 writes/s, 5 s each after 2 s of
 *       warm-up); a watcher waits on the other member's progress ({@code awaitApplied}) and records
 *       when each write became visible there; p50/p99/max of (visible - write start);
 *   <li>join: the owner fills a table with 1,000,000 objects (insertAll of 10,000 at a time); a new
 *       member then joins the cluster and {@code ReplicatedTables.replica} returns: the time from
 *       the start of the join to a complete copy.
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.jets.bench.ReplicationLag}.
 */
public final class ReplicationLag {

  private static final String FILTER = "java.base/*;!*";

  private ReplicationLag() {}

  public static void main(String[] args) throws Exception {
    String cluster = "jets-lag-" + UUID.randomUUID();
    int port = 41_000 + (int) (Math.random() * 1_000) * 16;
    List<HazelcastInstance> members = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        members.add(Hazelcast.newHazelcastInstance(quiet(cluster, port)));
      }
      for (int rate : new int[] {1_000, 10_000}) {
        lag(members, rate);
      }
      join(members, cluster, port);
    } finally {
      members.forEach(m -> m.getLifecycleService().terminate());
    }
  }

  private static Config quiet(String cluster, int port) {
    Config config = LocalCluster.config(cluster, port);
    config.setProperty("hazelcast.logging.type", "none");
    return config;
  }

  private static void lag(List<HazelcastInstance> members, int rate) throws Exception {
    String name = "lag-" + rate;
    int warmup = rate * 2;
    int measured = rate * 5;
    int total = warmup + measured;
    long[] started = new long[total];
    long[] visible = new long[total];
    try (ReplicatedTable<Integer, Long> owner = ReplicatedTables.own(members.get(0), name, FILTER);
        ReplicatedTables.Copy<Integer, Long> copy =
            ReplicatedTables.replica(members.get(1), name, FILTER)) {
      long base = owner.sequence() + 1; // the sequence number of this run's first write
      // The watcher waits on the copy's progress (a condition the applier signals), so that it
      // does not take a core from Hazelcast's threads on a small machine; it stamps each write
      // when it wakes: the figures include that wake-up.
      Thread watcher =
          Thread.ofPlatform()
              .start(
                  () -> {
                    long seen = base - 1;
                    while (seen < base + total - 1) {
                      if (!copy.awaitApplied(seen + 1, Duration.ofSeconds(30))) {
                        return;
                      }
                      long at = System.nanoTime();
                      long now = Math.min(copy.appliedThrough(), base + total - 1);
                      for (long s = seen + 1; s <= now; s++) {
                        visible[(int) (s - base)] = at;
                      }
                      seen = now;
                    }
                  });
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait); // pacing the writer: the rate, not a measurement
        }
        started[i] = System.nanoTime();
        owner.insert(i % 1_000, started[i]);
        next += interval;
      }
      watcher.join(Duration.ofSeconds(60));
      long[] lags = new long[measured];
      for (int i = 0; i < measured; i++) {
        lags[i] = visible[warmup + i] - started[warmup + i];
      }
      Arrays.sort(lags);
      double seconds = (started[total - 1] - started[warmup]) / 1e9;
      System.out.printf(
          "lag at %d writes/s target (%.0f achieved): p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d writes)%n",
          rate,
          measured / seconds,
          lags[measured / 2] / 1e6,
          lags[(int) (measured * 0.99)] / 1e6,
          lags[measured - 1] / 1e6,
          measured);
    }
  }

  private static void join(List<HazelcastInstance> members, String cluster, int port) {
    int objects = 1_000_000;
    try (ReplicatedTable<Integer, Long> owner =
        ReplicatedTables.own(members.get(0), "join-1m", FILTER)) {
      long fill = System.nanoTime();
      for (int from = 0; from < objects; from += 10_000) {
        List<Map.Entry<Integer, Long>> batch = new ArrayList<>(10_000);
        for (int i = from; i < from + 10_000; i++) {
          batch.add(Map.entry(i, (long) i));
        }
        owner.insertAll(batch);
      }
      System.out.printf(
          "filled %d objects in %.1f s (100 insertAll of 10,000)%n",
          objects, (System.nanoTime() - fill) / 1e9);
      long start = System.nanoTime();
      HazelcastInstance late = Hazelcast.newHazelcastInstance(quiet(cluster, port));
      members.add(late);
      long joinedCluster = System.nanoTime();
      try (ReplicatedTables.Copy<Integer, Long> copy =
          ReplicatedTables.replica(late, "join-1m", FILTER)) {
        long done = System.nanoTime();
        System.out.printf(
            "join of a %d-object table: %.2f s (member joins the cluster %.2f s, copy loads %.2f s); copy holds %d%n",
            objects,
            (done - start) / 1e9,
            (joinedCluster - start) / 1e9,
            (done - joinedCluster) / 1e9,
            copy.table().size());
      }
    }
  }
}
