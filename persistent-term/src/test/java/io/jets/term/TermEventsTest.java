package io.jets.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** Puts and erases that change the store are JFR events timing their handle invalidation. */
class TermEventsTest {

  private static List<RecordedEvent> recorded(Recording recording, String key) throws IOException {
    Path file = Files.createTempFile("jets-term-events", ".jfr");
    try {
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().startsWith("io.jets.PersistentTerm"))
          .filter(event -> key.equals(event.getString("key")))
          .toList();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void putEqualPutAndEraseAreRecordedWithTheHandlesTheyInvalidated() throws IOException {
    String key = "jfr-term-" + System.nanoTime();
    try (Recording recording = new Recording()) {
      recording.enable("io.jets.PersistentTermPut").withThreshold(java.time.Duration.ZERO);
      recording.enable("io.jets.PersistentTermErase").withThreshold(java.time.Duration.ZERO);
      recording.start();
      PersistentTerm.put(key, "v1"); // no handle yet
      Term<String> handle = PersistentTerm.handle(key);
      PersistentTerm.put(key, "v2"); // re-binds the handle
      PersistentTerm.put(key, "v2"); // equal value: a no-op, no event
      PersistentTerm.erase(key);
      recording.stop();

      List<RecordedEvent> events = recorded(recording, key);
      assertEquals(
          List.of(
              "io.jets.PersistentTermPut",
              "io.jets.PersistentTermPut",
              "io.jets.PersistentTermErase"),
          events.stream().map(event -> event.getEventType().getName()).toList());
      assertEquals(
          List.of(0, 1, 1),
          events.stream().map(event -> event.getInt("handlesInvalidated")).toList());
      assertTrue(events.stream().allMatch(event -> !event.getDuration().isNegative()));
      assertEquals("absent", handle.getOrDefault("absent"));
    }
  }
}
