/**
 * jets beyond one JVM, on Hazelcast: {@link io.jets.cluster.ClusterTerms}, persistent terms put
 * once in the cluster and read on every member at local cost, {@link
 * io.jets.cluster.ReplicatedTables}, tables one owner writes and every member reads locally, and
 * {@link io.jets.cluster.LocalCluster}, members on 127.0.0.1 for tests, examples and benchmarks.
 */
module io.jets.cluster {
  requires transitive io.jets.term;
  requires transitive io.jets.table;
  requires transitive com.hazelcast.core;

  exports io.jets.cluster;
}
