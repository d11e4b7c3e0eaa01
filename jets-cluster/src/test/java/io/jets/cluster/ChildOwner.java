package io.jets.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * The owner's member in a JVM of its own, for {@link SeparateJvmCrashTest}: joins the cluster named
 * in its arguments, owns the table, and writes key {@code k<i>} = i for i = 0, 1, ..., printing
 * {@code ack <i>} once each write has returned, until it is killed.
 */
public final class ChildOwner {

  private ChildOwner() {}

  public static void main(String[] args) {
    String clusterName = args[0];
    int basePort = Integer.parseInt(args[1]);
    String table = args[2];
    int minimumSize = Integer.parseInt(args[3]);
    HazelcastInstance member =
        Hazelcast.newHazelcastInstance(LocalCluster.config(clusterName, basePort, minimumSize));
    ReplicatedTable<String, Integer> owner = ReplicatedTables.own(member, table, "java.base/*;!*");
    System.out.println("owner");
    System.out.flush();
    for (int i = 0; i < 1_000_000; i++) {
      owner.insert("k" + i, i);
      System.out.println("ack " + i);
      System.out.flush();
    }
  }
}
