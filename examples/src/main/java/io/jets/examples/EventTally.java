package io.jets.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records the jets JDK Flight Recorder events while the demo runs and counts them by type at the
 * end: the same events {@code java -XX:StartFlightRecording} or JDK Mission Control would show.
 */
final class EventTally implements AutoCloseable {

  /** Every event jets emits. */
  static final String[] JETS_EVENTS = {
    "io.jets.TableCreated",
    "io.jets.TableTransferred",
    "io.jets.TableDeleted",
    "io.jets.PersistentTermPut",
    "io.jets.PersistentTermErase",
    "io.jets.MailboxOverload",
    "io.jets.SupervisorRestart",
  };

  private final Recording recording = new Recording();

  EventTally() {
    for (String event : JETS_EVENTS) {
      recording.enable(event).withoutStackTrace();
    }
    recording.start();
  }

  /** Stops recording and counts the events by name, in name order. */
  Map<String, Long> stopAndCount() throws IOException {
    recording.stop();
    Path file = Files.createTempFile("jets-demo", ".jfr");
    try {
      recording.dump(file);
      Map<String, Long> counts = new TreeMap<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        counts.merge(event.getEventType().getName(), 1L, Long::sum);
      }
      return counts;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public void close() {
    recording.close();
  }
}
