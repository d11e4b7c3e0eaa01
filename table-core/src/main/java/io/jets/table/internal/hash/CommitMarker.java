package io.jets.table.internal.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Left in a bucket of a {@link StripedBuckets} while a multi-object write publishes: the bucket's
 * content (chain or tree) before the write and after it, and the write's {@link Commit}. A reader
 * takes the chain after if the commit flag is set, the chain before otherwise, so it never waits
 * and never sees half of the write.
 */
final class CommitMarker {
  final Commit commit;
  final Object before; // a chain (Node or null) or a TreeBin, as a bucket holds
  final Object after;

  CommitMarker(Commit commit, Object before, Object after) {
    this.commit = commit;
    this.before = before;
    this.after = after;
  }

  /** The content (chain or tree) a reader sees now. */
  Object content() {
    return commit.laCommitted() ? after : before;
  }

  /**
   * One multi-object write's commit flag, shared by all its markers: the single store-release that
   * sets it is the write's linearization point.
   */
  static final class Commit {
    private static final VarHandle COMMITTED;

    static {
      try {
        COMMITTED = MethodHandles.lookup().findVarHandle(Commit.class, "committed", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused") // read and written through COMMITTED only
    private boolean committed;

    /** Load-acquire: a reader that sees true sees every chain the write published. */
    boolean laCommitted() {
      return (boolean) COMMITTED.getAcquire(this);
    }

    /** Store-release, after every marker of the write is in place. */
    void srCommitted() {
      COMMITTED.setRelease(this, true);
    }
  }
}
