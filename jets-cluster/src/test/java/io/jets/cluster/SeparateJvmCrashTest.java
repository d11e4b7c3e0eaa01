package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.SetTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The owner's member runs in another JVM on loopback and is killed ({@code destroyForcibly}) in the
 * middle of its writes; an heir in this JVM takes over. Every write the killed owner had
 * acknowledged is on every surviving member, with no gap, and the heir continues the sequence.
 */
class SeparateJvmCrashTest {

  private static final String FILTER = "java.base/*;!*";

  private static void closeQuietly(AutoCloseable handle) {
    if (handle == null) {
      return;
    }
    try {
      handle.close();
    } catch (Exception e) {
      // the cluster is shut down next either way; the test's outcome is already decided
    }
  }

  @Test
  @Timeout(180)
  void anHeirContinuesAfterTheOwnersJvmIsKilledAndNoAcknowledgedWriteIsLost() throws Exception {
    String table = "killed-" + UUID.randomUUID();
    try (LocalCluster cluster = LocalCluster.start(2)) {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Djava.util.logging.config.file="
                      + System.getProperty("java.util.logging.config.file", ""),
                  ChildOwner.class.getName(),
                  cluster.name(),
                  Integer.toString(cluster.basePort()),
                  table,
                  Integer.toString(cluster.minimumSize()))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int lastAcknowledged = -1;
      Heir<String, Integer> heir = null;
      ReplicatedTables.Copy<String, Integer> reader = null;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine();
        assertEquals("owner", line, "the child owns the table");
        heir = ReplicatedTables.heir(cluster.member(1), table, FILTER);
        reader = ReplicatedTables.replica(cluster.member(0), table, FILTER);
        while ((line = out.readLine()) != null) {
          lastAcknowledged = Integer.parseInt(line.substring("ack ".length()));
          if (lastAcknowledged >= 300) {
            break;
          }
        }
        child.destroyForcibly(); // mid-stream: writes after the last ack may or may not land
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child is gone");
        ReplicatedTable<String, Integer> next = heir.takeover().get(120, TimeUnit.SECONDS);
        assertEquals(2, next.epoch());
        SetTable<String, Integer> heirs = next.local();
        int written = (int) heirs.size(); // acknowledged ones, and perhaps a few it had not printed
        assertTrue(written > lastAcknowledged, written + " objects, last ack " + lastAcknowledged);
        for (int i = 0; i < written; i++) {
          assertEquals(i, heirs.get("k" + i), "k" + i + ": no gap, each write once");
        }
        next.insert("k" + written, written);
        ReplicatedTables.Copy<String, Integer> surviving = reader;
        assertTrue(surviving.awaitApplied(next.sequence(), Duration.ofSeconds(60)));
        assertEquals(written + 1, surviving.table().size());
        for (int i = 0; i <= written; i++) {
          assertEquals(i, surviving.table().get("k" + i), "k" + i + " on the other member");
        }
        next.close();
      } finally {
        child.destroyForcibly();
        closeQuietly(heir);
        closeQuietly(reader);
      }
    }
  }
}
