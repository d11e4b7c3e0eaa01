package io.jets.cluster;

import java.io.Serializable;

/**
 * A key or value whose {@code equals} throws whatever it is compared with, as a broken one may; its
 * hash code is its id, so it can share a hash code with an {@code Integer}.
 */
record Prickly(int id) implements Serializable {
  @Override
  public boolean equals(Object o) {
    throw new IllegalStateException("prickly equals");
  }

  @Override
  public int hashCode() {
    return id;
  }
}
