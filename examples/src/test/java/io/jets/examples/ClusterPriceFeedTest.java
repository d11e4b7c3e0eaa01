package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ClusterPriceFeedTest {

  @Test
  @Timeout(120)
  void theHeirOnMemberTwoCarriesOnAfterMemberOneCrashes() throws Exception {
    assertEquals(List.of(1.0842, 1.0851), ClusterPriceFeed.run());
  }
}
