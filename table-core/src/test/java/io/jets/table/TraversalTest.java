package io.jets.table;

import static io.jets.table.tck.Fixtures.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jets.table.tck.AbstractTraversalTest;
import io.jets.table.tck.Fixtures;
import io.jets.table.tck.HeapTableFactory;
import io.jets.table.tck.TablesUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared traversal tests on the heap SET, BAG and DUPLICATE_BAG, with keys of any class; and
 * folds over the objects of one DUPLICATE_BAG key.
 */
@TablesUnderTest(HeapTableFactory.class)
class TraversalTest extends AbstractTraversalTest {

  /**
   * An anonymous class: heap tables hold the key itself, so it needs no codec, and equality is
   * identity.
   */
  @Override
  protected Object collidingUnorderedKey(int id) {
    return new Object() {
      @Override
      public int hashCode() {
        return 2112;
      }

      @Override
      public String toString() {
        return "anon" + id;
      }
    };
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void bagFoldsVisitEveryObjectOfAKey(WriteConcurrency mode) {
    BagTable<String, Integer> t =
        Tables.duplicateBag(Fixtures.unique("dup")).writeConcurrency(mode).build();
    t.insert("k", 1);
    t.insert("k", 2);
    t.insert("k", 1);
    assertEquals(List.of(Map.entry("k", 1), Map.entry("k", 2), Map.entry("k", 1)), t.toList());
    assertEquals(
        List.of(1, 2, 1),
        t.foldl(
            new ArrayList<Integer>(),
            (k, v, acc) -> {
              acc.add(v);
              return acc;
            }));
    assertEquals(List.of(List.of(1, 2, 1)), List.of(t.firstLookup().getValue()));
    assertFailsNaming(BadArgumentException.class, t.name(), () -> t.foldr(0, null));
  }
}
