package io.jets.term;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the term store. An event's duration is the time the write spent
 * invalidating compiled code that folded the old value (re-targeting the handles' call sites and
 * {@code MutableCallSite.syncAll}); zero when no handle exists for the key. With JFR off a write
 * pays one {@link Event#isEnabled()} branch.
 */
final class TermEvents {

  private TermEvents() {}

  @Name("io.jets.PersistentTermPut")
  @Label("Persistent Term Put")
  @Category({"jets", "Persistent Term"})
  @Description(
      "A persistent term got a new value; the duration is the time spent invalidating handles")
  @StackTrace(false)
  static final class Put extends Event {
    @Label("Key")
    String key;

    @Label("Handles Invalidated")
    int handlesInvalidated;
  }

  @Name("io.jets.PersistentTermErase")
  @Label("Persistent Term Erase")
  @Category({"jets", "Persistent Term"})
  @Description(
      "A persistent term was erased (also when its owner exited); the duration is the time spent invalidating handles")
  @StackTrace(false)
  static final class Erase extends Event {
    @Label("Key")
    String key;

    @Label("Handles Invalidated")
    int handlesInvalidated;
  }

  /** Starts timing one re-binding, or returns null when neither event is enabled. */
  static Event begin(boolean erase) {
    Event event = erase ? new Erase() : new Put();
    if (!event.isEnabled()) {
      return null;
    }
    event.begin();
    return event;
  }

  /** Ends and commits what {@link #begin} started; does nothing for null. */
  static void end(Event event, String keys, int handlesInvalidated) {
    if (event == null) {
      return;
    }
    event.end();
    if (event.shouldCommit()) {
      if (event instanceof Put put) {
        put.key = keys;
        put.handlesInvalidated = handlesInvalidated;
      } else if (event instanceof Erase erase) {
        erase.key = keys;
        erase.handlesInvalidated = handlesInvalidated;
      }
      event.commit();
    }
  }
}
