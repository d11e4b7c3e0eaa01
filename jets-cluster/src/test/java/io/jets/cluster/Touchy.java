package io.jets.cluster;

import java.io.Serializable;

/** A key whose {@code hashCode} throws, as a key with a broken invariant may. */
record Touchy(int id) implements Serializable {
  @Override
  public int hashCode() {
    throw new IllegalStateException("touchy hashCode");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Touchy t && t.id == id;
  }
}
