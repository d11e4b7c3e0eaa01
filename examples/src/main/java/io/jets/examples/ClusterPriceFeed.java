package io.jets.examples;

import io.jets.cluster.Heir;
import io.jets.cluster.LocalCluster;
import io.jets.cluster.ReplicatedTable;
import io.jets.cluster.ReplicatedTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Beyond one machine: three Hazelcast members in one process (on 127.0.0.1), a price table owned on
 * member 1 and read locally on members 2 and 3; member 1 crashes and the heir on member 2 carries
 * on. The README's "Beyond one machine" section walks through it.
 */
public final class ClusterPriceFeed {

  private static final String CLASSES = "java.base/*;!*"; // what terms and tables may contain

  private ClusterPriceFeed() {}

  /** Runs the walk-through; returns what member 3 read, in order. */
  public static List<Double> run() throws Exception {
    try (LocalCluster cluster = LocalCluster.start(3)) {
      // tag::cluster[]
      ReplicatedTable<String, Double> prices =
          ReplicatedTables.own(cluster.member(0), "prices", CLASSES); // member 1 writes
      Heir<String, Double> heir = ReplicatedTables.heir(cluster.member(1), "prices", CLASSES);
      ReplicatedTables.Copy<String, Double> reader =
          ReplicatedTables.replica(cluster.member(2), "prices", CLASSES);

      prices.insertAll(List.of(Map.entry("EURUSD", 1.0842), Map.entry("GBPUSD", 1.2710)));
      reader.awaitApplied(prices.sequence(), Duration.ofSeconds(10)); // my write, there
      double before = reader.table().get("EURUSD"); // a local jets read on member 3

      cluster.member(0).getLifecycleService().terminate(); // member 1 crashes
      ReplicatedTable<String, Double> carriedOn = heir.takeover().get(30, TimeUnit.SECONDS);
      carriedOn.insert("EURUSD", 1.0851); // member 2 continues the owner's sequence
      reader.awaitApplied(carriedOn.sequence(), Duration.ofSeconds(10));
      double after = reader.table().get("EURUSD");
      // end::cluster[]
      reader.close();
      heir.close();
      return List.of(before, after);
    }
  }

  public static void main(String[] args) throws Exception {
    List<Double> read = run();
    System.out.println("member 3 read EURUSD " + read.get(0) + ", then " + read.get(1));
  }
}
