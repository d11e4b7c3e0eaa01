package io.jets.process.internal;

import io.jets.process.MonitorRef;
import io.jets.process.Proc;
import io.jets.process.ReplyTo;
import java.util.concurrent.CountDownLatch;

/**
 * The few package-private operations of {@code io.jets.process} that the runtime's internals need,
 * handed over once by {@code Proc}'s static initializer, as the JDK's own {@code SharedSecrets} do.
 * The API classes keep these members out of their public surface, and this package is not exported,
 * so no user can reach them through here either.
 */
public abstract class ProcAccess {

  private static volatile ProcAccess installed;

  /** For {@code Proc}'s implementation only. */
  protected ProcAccess() {}

  /**
   * Installs the implementation; called once, by {@code Proc}'s static initializer.
   *
   * @throws IllegalStateException if one is already installed
   */
  public static void install(ProcAccess access) {
    if (installed != null) {
      throw new IllegalStateException("the process runtime's access is already installed");
    }
    installed = access;
  }

  static ProcAccess get() {
    ProcAccess access = installed;
    if (access == null) {
      // Every caller holds a Proc, so Proc has been initialized; a caller that got it through a
      // data race goes through Proc's initialization here, which makes the installation visible.
      try {
        Class.forName(Proc.class.getName(), true, Proc.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      access = installed;
    }
    return access;
  }

  /**
   * Monitors {@code target} for the runtime itself (no process holds the monitor): {@code onDown}
   * runs once when it exits, at once if it has already exited.
   */
  public abstract MonitorRef monitor(Proc target, DownListener onDown);

  /** Counted down once {@code proc} has exited and its links and monitors have been signalled. */
  public abstract CountDownLatch exitLatch(Proc proc);

  /** The handle a server answers a call through, backed by {@code pending}. */
  public abstract ReplyTo replyTo(Proc server, PendingReply pending);
}
