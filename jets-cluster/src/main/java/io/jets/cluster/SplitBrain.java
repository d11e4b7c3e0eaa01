package io.jets.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.util.Objects;

/**
 * What jets does on a network partition: Hazelcast's split-brain protection on every structure jets
 * uses ({@code jets.*}: table logs, mirrors, the ownership and heir records, the persistent terms),
 * so that only a side holding at least {@code minimumClusterSize} members writes.
 *
 * <p>With a majority ({@code n / 2 + 1} of {@code n} members), at most one side of a partition
 * writes: on the other, an owner's write and a {@link ClusterTerms} put throw Hazelcast's {@code
 * SplitBrainProtectionException} and change nothing, while every member's local copies stay
 * readable (a prefix of the owner's sequence, no longer advancing). On the majority side an heir
 * takes over a table whose owner it can no longer see. When the partition heals, Hazelcast merges
 * the smaller side into the larger with its default {@code PutIfAbsentMergePolicy}: the larger
 * side's records, logs and mirrors win. An owner on the smaller side stops writing at the merge
 * ({@link ReplicatedTable} refuses writes from the MERGING event on, and after MERGED it writes
 * only if the ownership record still names it).
 */
public final class SplitBrain {

  /** The split-brain protection's name in the configuration. */
  public static final String PROTECTION = "jets-split-brain-protection";

  private SplitBrain() {}

  /**
   * Adds split-brain protection for jets' structures to {@code config}: writes to them need at
   * least {@code minimumClusterSize} members in this member's cluster (reads do not, so copies stay
   * readable and catch up after the heal).
   *
   * @param config a member's configuration (give every member the same protection)
   * @param minimumClusterSize the members a side of a partition needs to write, usually {@link
   *     #majority} of the cluster's size
   * @return {@code config}
   * @throws NullPointerException if {@code config} is null
   * @throws IllegalArgumentException if {@code minimumClusterSize} is less than 2; {@code config}
   *     is unchanged
   */
  public static Config protect(Config config, int minimumClusterSize) {
    Objects.requireNonNull(config, "protect: config is null");
    if (minimumClusterSize < 2) {
      throw new IllegalArgumentException(
          "minimumClusterSize " + minimumClusterSize + ": at least 2 (1 protects nothing)");
    }
    config.addSplitBrainProtectionConfig(
        new SplitBrainProtectionConfig(PROTECTION, true, minimumClusterSize)
            .setProtectOn(SplitBrainProtectionOn.WRITE));
    config.addMapConfig(new MapConfig("jets.*").setSplitBrainProtectionName(PROTECTION));
    config.addRingBufferConfig(
        new RingbufferConfig("jets.*").setSplitBrainProtectionName(PROTECTION));
    config.addMultiMapConfig(new MultiMapConfig("jets.*").setSplitBrainProtectionName(PROTECTION));
    return config;
  }

  /**
   * The majority of {@code members}: {@code members / 2 + 1}.
   *
   * @param members the size of the cluster
   * @return the smallest number of members that is more than half of it
   */
  public static int majority(int members) {
    return members / 2 + 1;
  }
}
