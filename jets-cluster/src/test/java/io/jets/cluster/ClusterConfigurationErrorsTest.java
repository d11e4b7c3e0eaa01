package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The configuration helpers ({@link SplitBrain}, {@link LocalCluster}) name no table and no term:
 * they report bad input with the JDK's exceptions (package documentation, Failures), naming the
 * argument, and change nothing. No member is started.
 */
class ClusterConfigurationErrorsTest {

  private static <T extends RuntimeException> void refused(
      Class<T> type, Executable call, String... words) {
    T e = assertThrows(type, call);
    assertEquals(type, e.getClass(), e.toString());
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), "'" + word + "' in: " + e.getMessage());
    }
  }

  @Test
  void splitBrainProtectRefusesANullConfigAndASizeBelowTwoAndChangesNothing() {
    Config config = new Config();
    refused(
        IllegalArgumentException.class,
        () -> SplitBrain.protect(config, 1),
        "minimumClusterSize 1",
        "at least 2");
    refused(IllegalArgumentException.class, () -> SplitBrain.protect(config, -3), "-3");
    refused(NullPointerException.class, () -> SplitBrain.protect(null, 2), "config");
    assertTrue(config.getSplitBrainProtectionConfigs().isEmpty(), "no protection added");
    assertTrue(config.getMapConfigs().isEmpty(), "no map configuration added");
    assertTrue(config.getRingbufferConfigs().isEmpty(), "no ringbuffer configuration added");
  }

  @Test
  void localClusterRefusesASizeOutOfRangeAndStartsNoMember() {
    Set<HazelcastInstance> before = Set.copyOf(Hazelcast.getAllHazelcastInstances());
    refused(IllegalArgumentException.class, () -> LocalCluster.start(0), "size 0", "1 and 16");
    refused(IllegalArgumentException.class, () -> LocalCluster.start(17), "size 17", "1 and 16");
    refused(IllegalArgumentException.class, () -> LocalCluster.start(-1), "size -1");
    assertEquals(before, Set.copyOf(Hazelcast.getAllHazelcastInstances()), "no member started");
  }

  @Test
  void localClusterConfigRefusesBadArguments() {
    refused(NullPointerException.class, () -> LocalCluster.config(null, 20_000), "clusterName");
    refused(NullPointerException.class, () -> LocalCluster.config(null, 20_000, 2), "clusterName");
    refused(IllegalArgumentException.class, () -> LocalCluster.config("c", 0), "basePort 0");
    refused(
        IllegalArgumentException.class, () -> LocalCluster.config("c", 65_530), "basePort 65530");
    refused(
        IllegalArgumentException.class,
        () -> LocalCluster.config("c", 20_000, 0),
        "minimumSize 0",
        "at least 1");
    assertEquals(
        "c", LocalCluster.config("c", 65_520, 1).getClusterName(), "the last port range is fine");
  }
}
