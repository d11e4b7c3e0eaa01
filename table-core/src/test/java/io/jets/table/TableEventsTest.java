package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JFR events of the table lifecycle arrive in a recording, with their fields. */
class TableEventsTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static List<RecordedEvent> eventsOf(Recording recording, String table)
      throws IOException {
    Path file = Files.createTempFile("jets-table-events", ".jfr");
    try {
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().startsWith("io.jets.Table"))
          .filter(event -> table.equals(event.getString("table")))
          .toList();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void createdTransferredAndDeletedAreRecorded() throws IOException {
    String name = Fixtures.unique("jfr");
    try (Recording recording = new Recording()) {
      recording.enable("io.jets.TableCreated");
      recording.enable("io.jets.TableTransferred");
      recording.enable("io.jets.TableDeleted");
      recording.start();

      OwnerScope owner = OwnerScope.open("jfr-owner");
      try (OwnerScope heir = OwnerScope.open("jfr-heir")) {
        try (Owner.Binding bound = owner.bind()) {
          Tables.set(name).heir(heir, "yours").build();
        }
        owner.close(); // the heir inherits
      } // the heir exits with no heir: the table is deleted
      recording.stop();

      List<RecordedEvent> events = eventsOf(recording, name);
      assertEquals(
          List.of("io.jets.TableCreated", "io.jets.TableTransferred", "io.jets.TableDeleted"),
          events.stream().map(event -> event.getEventType().getName()).toList());
      RecordedEvent created = events.get(0);
      assertEquals("SET", created.getString("type"));
      assertEquals("jfr-owner", created.getString("owner"));
      assertEquals("PROTECTED", created.getString("access"));
      RecordedEvent transferred = events.get(1);
      assertEquals("jfr-owner", transferred.getString("from"));
      assertEquals("jfr-heir", transferred.getString("to"));
      assertTrue(transferred.getBoolean("inherited"));
      assertEquals("jfr-heir", events.get(2).getString("owner"));
    }
  }
}
