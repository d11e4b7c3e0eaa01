package io.jets.process.internal;

import io.jets.owner.ExitReason;
import io.jets.process.Proc;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the process runtime. Each {@code emit} method checks {@link
 * Event#isEnabled()} before it reads anything, so with JFR off an overload or a restart pays a
 * branch (and an allocation that escape analysis removes).
 */
public final class RuntimeEvents {

  private RuntimeEvents() {}

  @Name("io.jets.MailboxOverload")
  @Label("Mailbox Overload")
  @Category({"jets", "Process"})
  @Description("A message was refused by a full bounded mailbox with policy REJECT")
  static final class MailboxOverload extends Event {
    @Label("Process")
    String process;

    @Label("Process Id")
    long processId;

    @Label("Capacity")
    int capacity;

    @Label("Message Kind")
    String kind;
  }

  @Name("io.jets.SupervisorRestart")
  @Label("Supervisor Restart")
  @Category({"jets", "Process"})
  @Description("A supervisor restarted a child that exited")
  @StackTrace(false)
  static final class SupervisorRestart extends Event {
    @Label("Supervisor")
    String supervisor;

    @Label("Supervisor Id")
    long supervisorId;

    @Label("Child")
    String child;

    @Label("Exit Reason")
    String reason;
  }

  /** A full REJECT mailbox refused a {@code send}, {@code cast} or {@code call}. */
  public static void mailboxOverload(Proc process, int capacity, String kind) {
    MailboxOverload event = new MailboxOverload();
    if (event.isEnabled()) {
      event.process = process.name();
      event.processId = process.id();
      event.capacity = capacity;
      event.kind = kind;
      event.commit();
    }
  }

  /**
   * {@code supervisor} is about to restart the child {@code childId}, which exited with {@code
   * reason}.
   */
  public static void supervisorRestart(Proc supervisor, Object childId, ExitReason reason) {
    SupervisorRestart event = new SupervisorRestart();
    if (event.isEnabled()) {
      event.supervisor = supervisor.name();
      event.supervisorId = supervisor.id();
      event.child = String.valueOf(childId);
      event.reason = String.valueOf(reason);
      event.commit();
    }
  }
}
