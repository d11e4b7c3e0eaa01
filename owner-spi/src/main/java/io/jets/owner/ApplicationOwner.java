package io.jets.owner;

import java.util.Optional;

/**
 * The owner that never exits. Tables it owns live until they are deleted or the JVM exits, so it
 * keeps no listeners and drops every message.
 */
final class ApplicationOwner implements Owner {

  static final ApplicationOwner INSTANCE = new ApplicationOwner();

  private static final Registration NOTHING = () -> {};

  private ApplicationOwner() {}

  @Override
  public long id() {
    return 0;
  }

  @Override
  public String name() {
    return "application";
  }

  @Override
  public boolean isAlive() {
    return true;
  }

  @Override
  public Optional<Registration> onExit(ExitListener listener) {
    return Optional.of(NOTHING);
  }

  @Override
  public void deliver(Object message) {
    // Nobody reads the application owner's messages: dropping them is its documented behaviour.
  }

  @Override
  public String toString() {
    return "Owner[application]";
  }
}
