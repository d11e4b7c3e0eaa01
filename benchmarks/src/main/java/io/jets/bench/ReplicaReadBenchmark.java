package io.jets.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.jets.cluster.LocalCluster;
import io.jets.cluster.ReplicatedTable;
import io.jets.cluster.ReplicatedTables;
import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A read of a replicated table on a member that does not own it, against a read of a plain local
 * jets table, {@code IMap.get} (the key usually on another member) and {@code IMap.get} with a near
 * cache, all on the same keys in the same run. Two members on 127.0.0.1 (issue 20 item 7).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplicaReadBenchmark {

  private static final int KEYS = 1 << 14;
  private static final String FILTER = "java.base/*;!*";

  private final List<HazelcastInstance> members = new ArrayList<>();
  private ReplicatedTable<String, Long> owner;
  private ReplicatedTables.Copy<String, Long> replica;
  private SetTable<String, Long> local;
  private OwnerScope localOwner;
  private IMap<String, Long> map;
  private IMap<String, Long> nearCached;
  private String[] keys;

  @Setup
  public void start() {
    String cluster = "jets-bench-" + UUID.randomUUID();
    int port = 40_000 + (int) (Math.random() * 1_000) * 16;
    for (int i = 0; i < 2; i++) {
      Config config = LocalCluster.config(cluster, port);
      config.setProperty("hazelcast.logging.type", "none");
      config
          .getMapConfig("near")
          .setNearCacheConfig(
              new NearCacheConfig("near")
                  .setInMemoryFormat(InMemoryFormat.OBJECT)
                  .setCacheLocalEntries(true));
      members.add(Hazelcast.newHazelcastInstance(config));
    }
    keys = new String[KEYS];
    List<Map.Entry<String, Long>> objects = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key:" + i;
      objects.add(Map.entry(keys[i], (long) i));
    }
    owner = ReplicatedTables.own(members.get(0), "bench-prices", FILTER);
    owner.insertAll(objects);
    replica = ReplicatedTables.replica(members.get(1), "bench-prices", FILTER);
    replica.awaitApplied(owner.sequence(), Duration.ofSeconds(60));
    // The local table holds copies of the keys, as the replica holds keys decoded from the wire:
    // both then compare the looked-up key by its characters, not by identity.
    // It is PROTECTED and owned by another owner, as the replica's copy is.
    localOwner = OwnerScope.open("bench-local-owner");
    try (Owner.Binding bound = localOwner.bind()) {
      local = Tables.<String, Long>set("bench-local").access(Access.PROTECTED).build();
      for (Map.Entry<String, Long> object : objects) {
        local.insert(new String(object.getKey()), object.getValue());
      }
    }
    map = members.get(1).getMap("plain");
    nearCached = members.get(1).getMap("near");
    for (Map.Entry<String, Long> object : objects) {
      map.set(object.getKey(), object.getValue());
      nearCached.set(object.getKey(), object.getValue());
    }
    for (String key : keys) {
      nearCached.get(key); // fills the near cache
    }
  }

  @TearDown
  public void stop() {
    replica.close();
    owner.close();
    localOwner.close(); // deletes the local table
    members.forEach(m -> m.getLifecycleService().terminate());
  }

  @Benchmark
  public Long replicaGet(ThreadCursor cursor) {
    return replica.table().get(keys[cursor.next() & (KEYS - 1)]);
  }

  @Benchmark
  public Long localJetsGet(ThreadCursor cursor) {
    return local.get(keys[cursor.next() & (KEYS - 1)]);
  }

  @Benchmark
  public Long imapGet(ThreadCursor cursor) {
    return map.get(keys[cursor.next() & (KEYS - 1)]);
  }

  @Benchmark
  public Long imapNearCacheGet(ThreadCursor cursor) {
    return nearCached.get(keys[cursor.next() & (KEYS - 1)]);
  }
}
