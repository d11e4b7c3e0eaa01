package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.Table;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the table lifecycle. Each {@code emit} method checks {@link
 * Event#isEnabled()} on a fresh event before it reads anything, so with JFR off (or these events
 * disabled) a lifecycle change pays one allocation the JIT removes by escape analysis and a branch.
 */
final class TableEvents {

  private TableEvents() {}

  @Name("io.jets.TableCreated")
  @Label("Table Created")
  @Category({"jets", "Table"})
  @Description("A jets table was created")
  @StackTrace(false)
  static final class Created extends Event {
    @Label("Table")
    String table;

    @Label("Type")
    String type;

    @Label("Owner")
    String owner;

    @Label("Access")
    String access;
  }

  @Name("io.jets.TableDeleted")
  @Label("Table Deleted")
  @Category({"jets", "Table"})
  @Description(
      "A jets table was deleted, by delete() or because its owner exited with no live heir")
  @StackTrace(false)
  static final class Deleted extends Event {
    @Label("Table")
    String table;

    @Label("Owner")
    String owner;
  }

  @Name("io.jets.TableTransferred")
  @Label("Table Transferred")
  @Category({"jets", "Table"})
  @Description("A jets table changed owner: given away, or inherited by its heir")
  @StackTrace(false)
  static final class Transferred extends Event {
    @Label("Table")
    String table;

    @Label("From")
    String from;

    @Label("To")
    String to;

    @Label("Inherited")
    boolean inherited;
  }

  static void created(Table<?, ?> table, Owner owner, String access) {
    Created event = new Created();
    if (event.isEnabled()) {
      event.table = table.name();
      event.type = table.type().name();
      event.owner = owner.name();
      event.access = access;
      event.commit();
    }
  }

  static void deleted(String table, Owner owner) {
    Deleted event = new Deleted();
    if (event.isEnabled()) {
      event.table = table;
      event.owner = owner.name();
      event.commit();
    }
  }

  static void transferred(String table, Owner from, Owner to, boolean inherited) {
    Transferred event = new Transferred();
    if (event.isEnabled()) {
      event.table = table;
      event.from = from.name();
      event.to = to.name();
      event.inherited = inherited;
      event.commit();
    }
  }
}
