package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo, with short measurement windows: every part runs and tells the truth. */
class DemoTest {

  @Test
  void demoShowsTheBypassReadTheHeirTheOverloadAndTheListings() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Demo.Outcome outcome;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      outcome = Demo.run(out, Duration.ofMillis(60));
    }
    String text = printed.toString(StandardCharsets.UTF_8);

    assertTrue(
        outcome.call().operations() > 0
            && outcome.direct().operations() > 0
            && outcome.handle().operations() > 0,
        text);
    assertEquals(10_000, outcome.objectsBeforeCrash());
    assertEquals(outcome.objectsBeforeCrash(), outcome.objectsAfterCrash());
    assertEquals(outcome.balanceSumBefore(), outcome.balanceSumAfter());
    assertEquals("standby", outcome.heirOwner());
    assertEquals(1_000, outcome.heirCallsAnswered());
    assertTrue(text.contains("nothing lost"), text);
    assertEquals(100, outcome.auditAccepted());
    assertEquals(900, outcome.auditRefused());
    assertTrue(outcome.overloadedCallRefused());
    assertTrue(text.contains("balances") && text.contains("write=ON(64)"), text);
    assertTrue(text.contains("audit-log#"), text);
    assertTrue(text.contains("standby#"), text);
    assertEquals(1L, outcome.events().get("io.jets.TableTransferred"));
    assertEquals(901L, outcome.events().get("io.jets.MailboxOverload"));
    assertEquals(1L, outcome.events().get("io.jets.PersistentTermErase"));
  }
}
