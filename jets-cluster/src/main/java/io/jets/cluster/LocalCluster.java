package io.jets.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hazelcast members on 127.0.0.1 for tests, examples and benchmarks: TCP/IP join to loopback
 * addresses only, multicast and every other discovery off, no phone-home, a cluster name of its
 * own. Production code passes its own {@link HazelcastInstance} to {@link ClusterTerms#bind}.
 *
 * <p>Close it to shut down every member it started (also those started with {@link #join()}).
 */
public final class LocalCluster implements AutoCloseable {

  private static final int PORTS = 16; // members this cluster may ever have
  private static final int FIRST_PORT = 20_000;
  private static final int PORT_RANGES = (32_768 - FIRST_PORT) / PORTS; // all below 32,768
  private static final int LAST_PORT = 65_535;

  private final String name = "jets-local-" + UUID.randomUUID();
  private final int basePort;
  private final int minimumSize;
  private final List<HazelcastInstance> members = new ArrayList<>();

  private LocalCluster(int basePort, int minimumSize) {
    this.basePort = basePort;
    this.minimumSize = minimumSize;
  }

  /**
   * Starts {@code size} members that form one cluster; returns once they have. With two members or
   * more, jets' structures are protected against split brain ({@link SplitBrain}): only a side
   * holding a majority of {@code size} members writes.
   *
   * @param size the number of members, 1 to 16
   * @return the cluster; close it to shut its members down
   * @throws IllegalArgumentException if {@code size} is not between 1 and 16
   */
  public static LocalCluster start(int size) {
    if (size < 1 || size > PORTS) {
      throw new IllegalArgumentException("size " + size + ": between 1 and " + PORTS);
    }
    // A random port range, so that clusters of concurrent test JVMs do not meet, below every
    // common OS's ephemeral ports (Linux from 32,768; Windows and macOS from 49,152): a member
    // port drawn there could already be the local end of some outgoing connection, and a member
    // cannot move (its port is fixed).
    LocalCluster cluster =
        new LocalCluster(
            FIRST_PORT + PORTS * ThreadLocalRandom.current().nextInt(0, PORT_RANGES),
            size < 2 ? 1 : SplitBrain.majority(size));
    try {
      for (int i = 0; i < size; i++) {
        cluster.join();
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * Starts one more member, which joins the cluster; returns once it has.
   *
   * @return the new member
   * @throws IllegalStateException if the cluster has had 16 members already
   */
  public synchronized HazelcastInstance join() {
    if (members.size() == PORTS) {
      throw new IllegalStateException("cluster " + name + " is full (" + PORTS + " members)");
    }
    // Each member gets a port of its own, never one a terminated member had: a new member on a
    // dead member's address confuses the others' connections ("connecting to self").
    Config config = config(name, basePort, minimumSize);
    config.getNetworkConfig().setPort(basePort + members.size()).setPortAutoIncrement(false);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }

  /**
   * The members started, in start order (some may have been shut down since).
   *
   * @return an immutable copy of the list
   */
  public synchronized List<HazelcastInstance> members() {
    return List.copyOf(members);
  }

  /**
   * The member started {@code index}-th (0-based).
   *
   * @param index the member's position in start order
   * @return the member, which may have been shut down since
   * @throws IndexOutOfBoundsException if fewer members were started
   */
  public synchronized HazelcastInstance member(int index) {
    return members.get(index);
  }

  /**
   * As {@link #config(String, int)}, with jets' split-brain protection requiring {@code
   * minimumSize} members (none if it is 1).
   *
   * @param clusterName the cluster's name
   * @param basePort the first of the 16 ports the members listen on
   * @param minimumSize the members a side of a partition needs to write jets' structures
   * @return a new configuration
   * @throws NullPointerException if {@code clusterName} is null
   * @throws IllegalArgumentException if {@code basePort} is not between 1 and 65520, or {@code
   *     minimumSize} is less than 1
   */
  public static Config config(String clusterName, int basePort, int minimumSize) {
    if (minimumSize < 1) {
      throw new IllegalArgumentException(
          "minimumSize " + minimumSize + ": at least 1 (1: no split-brain protection)");
    }
    Config config = config(clusterName, basePort);
    return minimumSize < 2 ? config : SplitBrain.protect(config, minimumSize);
  }

  /**
   * The members a side of a partition needs to write jets' structures (1: no protection).
   *
   * @return the majority of the starting size, or 1 for a one-member cluster
   */
  public int minimumSize() {
    return minimumSize;
  }

  /**
   * The configuration of a loopback member of cluster {@code clusterName} whose members listen on
   * ports {@code basePort} to {@code basePort + 15}; usable for a member in another JVM. No
   * split-brain protection.
   *
   * @param clusterName the cluster's name
   * @param basePort the first of the 16 ports the members listen on
   * @return a new configuration
   * @throws NullPointerException if {@code clusterName} is null
   * @throws IllegalArgumentException if {@code basePort} is not between 1 and 65520 (the last port
   *     of the range is at most 65535)
   */
  public static Config config(String clusterName, int basePort) {
    Objects.requireNonNull(clusterName, "config: clusterName is null");
    if (basePort < 1 || basePort > LAST_PORT - PORTS + 1) {
      throw new IllegalArgumentException(
          "basePort " + basePort + ": between 1 and " + (LAST_PORT - PORTS + 1));
    }
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    // A member that stops answering (a killed JVM) leaves the cluster within seconds, not a minute.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(basePort).setPortAutoIncrement(true).setPortCount(PORTS);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int port = basePort; port < basePort + PORTS; port++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + port);
    }
    return config;
  }

  /**
   * This cluster's name, unique to this object.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The first port of this cluster's range.
   *
   * @return the port
   */
  public int basePort() {
    return basePort;
  }

  /** Shuts down every member this object started that is still running. */
  @Override
  public synchronized void close() {
    for (HazelcastInstance member : members) {
      if (member.getLifecycleService().isRunning()) {
        member.getLifecycleService().terminate();
      }
    }
  }
}
