package io.jets.offheap;

import io.jets.table.tck.AbstractTraversalTest;
import io.jets.table.tck.TablesUnderTest;
import java.io.Serializable;

/** table-core's shared traversal tests on the off-heap SET table. */
@TablesUnderTest(OffHeapTableFactory.class)
class TraversalTest extends AbstractTraversalTest {

  /**
   * A record: off-heap keys go through a codec, so they must be Serializable, and an anonymous
   * class is not. Off-heap order is by encoded bytes, where hash collisions do not matter.
   */
  @Override
  protected Object collidingUnorderedKey(int id) {
    return new Collider(id);
  }

  /** A Serializable key whose instances all have the hash of "Aa". */
  record Collider(int id) implements Serializable {
    @Override
    public int hashCode() {
      return 2112;
    }
  }
}
