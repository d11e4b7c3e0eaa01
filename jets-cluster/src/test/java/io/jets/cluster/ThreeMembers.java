package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Three members on 127.0.0.1 for one test class, every member shut down at the end (checked), and
 * the serialization filter of the tests' tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class ThreeMembers {

  static final String FILTER = "java.base/*;!*";
  LocalCluster cluster;

  @BeforeAll
  void startCluster() {
    cluster = LocalCluster.start(3);
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
    assertTrue(cluster.members().stream().noneMatch(m -> m.getLifecycleService().isRunning()));
  }
}
