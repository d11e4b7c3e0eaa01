package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Pekko example: handlers read the actor's table directly; it dies with the actor system. */
class PekkoPriceFeedTest {

  @Test
  void handlersServeQuotesFromTheActorsTableAndTheTableGoesWithTheSystem() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PekkoPriceFeed.Outcome outcome =
        PekkoPriceFeed.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String[] symbols = {"AAPL", "AMZN", "GOOG", "IBM", "MSFT", "NVDA", "ORCL"};
    Map<String, Long> expected = new TreeMap<>();
    for (int i = 1; i <= 20_000; i++) {
      expected.put(symbols[i % symbols.length], 10_000L + i);
    }
    expected.put("ZZZZ", 0L);
    assertEquals(expected, outcome.lastPrices(), "every tick applied, in order");
    assertTrue(outcome.quotesServed() > 0);
    assertTrue(outcome.deletedWithItsOwner());
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("owned by pekko://price-feed/user"), text);
  }
}
