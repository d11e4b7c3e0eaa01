package io.jets.table.tck;

import io.jets.owner.ExitListener;
import io.jets.owner.Owner;
import java.util.Optional;

/**
 * An owner, otherwise its delegate, whose exit-listener registration ({@link Owner#onExit}) fails
 * with {@code failure}, an unchecked exception or an {@code Error}: the seam through which a
 * table's build meets an owner implementation's bug after it registered the table (and, off-heap,
 * took the file's lock).
 *
 * @param delegate the owner it otherwise is
 * @param failure what {@code onExit} throws: a {@code RuntimeException} or an {@code Error}
 */
public record FailingOwner(Owner delegate, Throwable failure) implements Owner {
  @Override
  public long id() {
    return delegate.id();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public boolean isAlive() {
    return delegate.isAlive();
  }

  @Override
  public Optional<Registration> onExit(ExitListener listener) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) failure;
  }

  @Override
  public void deliver(Object message) {
    delegate.deliver(message);
  }
}
