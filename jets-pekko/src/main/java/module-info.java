/**
 * Pekko typed actors as jets owners: {@link io.jets.pekko.JetsBehaviors#owning} makes an actor own
 * the tables and terms it creates, with ETS's owner lifecycle (deleted or inherited when the actor
 * stops, crashes or restarts), and {@link io.jets.pekko.JetsActors#ownerOf} names an actor as heir
 * or receiver of a table.
 */
module io.jets.pekko {
  requires transitive io.jets.owner;
  requires transitive io.jets.table;
  requires transitive pekko.actor.typed;
  requires pekko.actor;
  requires scala.library;
  requires io.jets.term;

  exports io.jets.pekko;
}
