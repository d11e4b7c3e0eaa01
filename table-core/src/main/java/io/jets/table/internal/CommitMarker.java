package io.jets.table.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Left where a multi-object write publishes (a hash bucket, an ordered table's base) while it
 * publishes: the content there before the write and after it, and the write's {@link Commit}. A
 * reader takes the content after if the commit flag is set, the content before otherwise, so it
 * never waits, never retries, and never sees half of the write. Once the flag is set the writer
 * replaces each marker by its content after, still holding the locks that keep other writers out.
 */
public final class CommitMarker {
  private final Commit commit;
  private final Object before; // a hash chain or tree bin, or an ordered base's tree
  private final Object after;

  /** A marker of {@code commit}'s write that changes {@code before} into {@code after}. */
  public CommitMarker(Commit commit, Object before, Object after) {
    this.commit = commit;
    this.before = before;
    this.after = after;
  }

  /** The content a reader sees now. */
  public Object content() {
    return commit.laCommitted() ? after : before;
  }

  /**
   * One multi-object write's commit flag, shared by all its markers: the single store-release that
   * sets it is the write's linearization point.
   */
  public static final class Commit {
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
    public boolean laCommitted() {
      return (boolean) COMMITTED.getAcquire(this);
    }

    /** Store-release, after every marker of the write is in place. */
    public void srCommitted() {
      COMMITTED.setRelease(this, true);
    }
  }
}
