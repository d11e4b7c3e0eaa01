package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.TableStats;
import io.jets.table.Tables;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs every tour the README copies from, so its code is not only compiled but correct. */
class TourTest {

  @AfterEach
  void noTourTableIsLeftBehind() {
    List<String> left = Tables.all().stream().map(t -> t.name()).toList();
    assertTrue(
        left.stream()
            .noneMatch(
                name ->
                    List.of("hits", "events", "tags", "views", "prices", "sessions")
                        .contains(name)),
        "tables left behind: " + left);
  }

  @Test
  void cacheTourLoadsOnceAndSeesTheGuest() {
    TourCache.Outcome outcome = TourCache.run();
    assertEquals(new TourCache.Session("s-42", "user of s-42"), outcome.loaded());
    assertEquals("guest", outcome.guest().user());
    assertEquals(2, outcome.stats().loadSuccesses());
    assertEquals(List.of("INSERTED s-42", "INSERTED s-43", "INSERTED s-44"), outcome.audit());
  }

  @Test
  void setTourHandsTheTableToTheHeir() {
    assertEquals("yours now", TourSetTable.run().data());
  }

  @Test
  void orderedTourSelectsTheErrorInRange() {
    assertEquals(List.of(new TourOrderedTable.Event("disk full", true)), TourOrderedTable.run());
  }

  @Test
  void bagTourKeepsOneOfEqualObjects() {
    assertEquals(List.of(List.of("java", "ets"), List.of()), TourBagTable.run());
  }

  @Test
  void persistentTermTourReadsThroughTheHandle() {
    assertEquals(5432, TourPersistentTerm.run());
  }

  @Test
  void processesTourReadsWhatTheOwnerWrote() throws InterruptedException {
    assertEquals(1, TourProcesses.run());
  }

  @Test
  void observabilityTourCountsHitsAndMisses() {
    assertEquals(new TableStats(true, 1, 1, 1, 0), TourObservability.run());
  }
}
