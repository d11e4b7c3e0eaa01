package io.jets.table.internal.tree;

import io.jets.table.internal.CommitMarker;
import io.jets.table.internal.CommitMarker.Commit;
import io.jets.table.internal.tree.ContentionAdaptingTree.BaseNode;
import io.jets.table.internal.tree.LeafTree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes new versions of several bases of a {@link ContentionAdaptingTree} as one step, so that
 * no reader waits, retries, or sees part of the change: {@link #stage} leaves in each base a {@link
 * CommitMarker} with its version before and after, {@link #commit} sets the write's shared commit
 * flag with one release store (the linearization point), and {@link #finish} replaces each marker
 * by the version after. The caller holds the lock of every staged base from {@link #stage} to
 * {@link #finish}, and has already run every comparison the versions needed: nothing between the
 * first marker and the commit can throw or call user code.
 */
final class BasePublication {
  private final Commit commit = new Commit();
  private final List<BaseNode> bases = new ArrayList<>();
  private final List<Node> versions = new ArrayList<>();

  /**
   * Leaves a marker in {@code base}, whose lock the caller holds, unless nothing changes. Each base
   * is staged at most once per publication, with its one new version.
   */
  void stage(BaseNode base, Node version) {
    Node before = ContentionAdaptingTree.dataLocked(base);
    if (before == version) {
      return;
    }
    base.srMarker(new CommitMarker(commit, before, version));
    bases.add(base);
    versions.add(version);
  }

  /** The linearization point: from here every staged base reads as its version after. */
  void commit() {
    commit.srCommitted();
  }

  /** Replaces the markers by the versions after; readers see no difference. */
  void finish() {
    for (int i = 0; i < bases.size(); i++) {
      bases.get(i).srData(versions.get(i));
    }
  }
}
