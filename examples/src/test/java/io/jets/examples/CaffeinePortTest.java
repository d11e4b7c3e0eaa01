package io.jets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Caffeine program of issue 18 and its jets port: the same calls give the same answers, the
 * same loads, hits and misses and as many removals, and the port is no longer than the original.
 */
class CaffeinePortTest {

  @Test
  void bothDirectoriesAnswerAlike() {
    AtomicInteger jetsLoads = new AtomicInteger();
    AtomicInteger caffeineLoads = new AtomicInteger();
    UserDirectory jets =
        new UserDirectory(
            id -> {
              jetsLoads.incrementAndGet();
              return "user " + id;
            });
    UserDirectoryCaffeine caffeine =
        new UserDirectoryCaffeine(
            id -> {
              caffeineLoads.incrementAndGet();
              return "user " + id;
            });
    List<Object> jetsAnswers = new ArrayList<>();
    List<Object> caffeineAnswers = new ArrayList<>();
    for (String id : List.of("ann", "bob", "ann", "cy", "bob", "ann")) {
      jetsAnswers.add(jets.user(id));
      caffeineAnswers.add(caffeine.user(id));
    }
    jets.rename("ann", "Ann");
    caffeine.rename("ann", "Ann");
    jets.forget("bob");
    caffeine.forget("bob");
    jetsAnswers.add(jets.users(List.of("ann", "bob", "dee")));
    caffeineAnswers.add(caffeine.users(List.of("ann", "bob", "dee")));
    assertEquals(caffeineAnswers, jetsAnswers);
    assertEquals(caffeineLoads.get(), jetsLoads.get(), "loads");
    assertEquals(caffeine.hits(), jets.hits(), "hits");
    assertEquals(caffeine.misses(), jets.misses(), "misses");
    assertEquals(
        List.of("REPLACED ann", "EXPLICIT bob"), caffeine.removals(), "Caffeine's removals");
    assertEquals(List.of("UPDATED ann", "DELETED bob"), jets.removals(), "jets' removals");
  }

  @Test
  void thePortIsNoLongerThanTheOriginal() throws IOException {
    long port = lines(Path.of("src/main/java/io/jets/examples/UserDirectory.java"));
    long original = lines(Path.of("src/test/java/io/jets/examples/UserDirectoryCaffeine.java"));
    assertTrue(port <= original, "jets " + port + " lines, Caffeine " + original);
  }

  /** Lines of code: neither blank nor comment. */
  private static long lines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .filter(line -> !line.startsWith("/**") && !line.startsWith("*") && !line.startsWith("//"))
        .count();
  }
}
