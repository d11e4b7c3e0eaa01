package io.jets.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A per-thread position in the access array, starting at a random slot. */
@State(Scope.Thread)
public class ThreadCursor {
  int index = ThreadLocalRandom.current().nextInt();

  int next() {
    return index++ & KeyLayout.MASK;
  }
}
