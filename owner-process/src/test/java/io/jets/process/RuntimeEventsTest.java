package io.jets.process;

import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The JFR events of the process runtime arrive in a recording, with their fields. */
class RuntimeEventsTest {

  private static List<RecordedEvent> recorded(Recording recording, String eventName)
      throws IOException {
    Path file = Files.createTempFile("jets-runtime-events", ".jfr");
    try {
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().equals(eventName))
          .toList();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void everyRefusedMessageIsAMailboxOverloadEvent() throws Exception {
    try (Recording recording = new Recording()) {
      recording.enable("io.jets.MailboxOverload");
      recording.start();
      CountDownLatch gate = new CountDownLatch(1);
      AtomicReference<List<Object>> collected = new AtomicReference<>();
      Proc proc =
          MailboxPolicyTest.gated("jfr-overloaded", 1, OverflowPolicy.REJECT, gate, 1, collected);
      assertTrue(proc.send("fits"));
      assertFalse(proc.send("refused"));
      assertFalse(proc.cast("refused"));
      assertThrows(MailboxOverloadedException.class, () -> proc.call("refused", LONG));
      gate.countDown();
      exitOf(proc);
      recording.stop();

      List<RecordedEvent> events =
          recorded(recording, "io.jets.MailboxOverload").stream()
              .filter(event -> event.getLong("processId") == proc.id())
              .toList();
      assertEquals(
          List.of("send", "cast", "call"),
          events.stream().map(event -> event.getString("kind")).toList());
      assertTrue(events.stream().allMatch(event -> event.getInt("capacity") == 1));
      assertTrue(
          events.stream().allMatch(event -> event.getString("process").equals("jfr-overloaded")));
    }
  }

  @Test
  void aRestartIsASupervisorRestartEvent() throws Exception {
    try (Recording recording = new Recording()) {
      recording.enable("io.jets.SupervisorRestart");
      recording.start();
      List<String> terminations = new CopyOnWriteArrayList<>();
      Supervisor sup =
          Supervisor.builder("jfr-sup")
              .intensity(3, java.time.Duration.ofSeconds(30))
              .child(SupervisorTest.worker("jfr-child", terminations, new AtomicInteger()))
              .start();
      Proc child = sup.child("jfr-child").orElseThrow();
      SupervisorTest.crash(child);
      exitOf(child);
      sup.whichChildren(LONG); // answered after the restart: the event has been committed
      sup.stop(LONG);
      recording.stop();

      List<RecordedEvent> events =
          recorded(recording, "io.jets.SupervisorRestart").stream()
              .filter(event -> event.getLong("supervisorId") == sup.proc().id())
              .toList();
      assertEquals(1, events.size());
      assertEquals("jfr-sup", events.get(0).getString("supervisor"));
      assertEquals("jfr-child", events.get(0).getString("child"));
      assertTrue(
          events.get(0).getString("reason").contains("crashed on purpose"),
          events.get(0).getString("reason"));
    }
  }
}
