package io.jets.table.views;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import junit.framework.AssertionFailedError;
import junit.framework.Test;
import junit.framework.TestListener;
import junit.framework.TestResult;

/**
 * Runs a JUnit 3 suite (Guava testlib's) inside one JUnit Jupiter test and fails it with every
 * failing case listed. Faster than reporting tens of thousands of generated cases one by one.
 */
public final class Junit3Suites {

  private Junit3Suites() {}

  /**
   * Runs {@code suite}; fails unless every case passed, and unless there were at least {@code min}.
   */
  public static void assertPasses(Test suite, int min) {
    TestResult result = new TestResult();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    result.addListener(
        new TestListener() {
          @Override
          public void addError(Test test, Throwable e) {
            failures.add(test + ": " + e);
          }

          @Override
          public void addFailure(Test test, AssertionFailedError e) {
            failures.add(test + ": " + e);
          }

          @Override
          public void endTest(Test test) {}

          @Override
          public void startTest(Test test) {}
        });
    suite.run(result);
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + result.runCount()
            + " failed:\n"
            + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
    assertTrue(result.runCount() >= min, "only " + result.runCount() + " cases ran");
  }
}
