package io.jets.term.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.term.BadTermArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two ways of reporting bad input: the term family, and the JDK's for jets-cluster. */
class ValueInspectorTest {

  @Test
  void checkReportsBadInputAsABadTermArgumentNamingTheOperationKeyAndArgument() {
    BadTermArgumentException nullValue =
        assertThrows(
            BadTermArgumentException.class, () -> ValueInspector.check("put", "value", "k", null));
    assertEquals("persistent term 'k': put: value is null", nullValue.getMessage());
    assertEquals("value", nullValue.argument());

    BadTermArgumentException nullKey =
        assertThrows(
            BadTermArgumentException.class,
            () -> ValueInspector.check("handle", "key", null, null));
    assertEquals("persistent term with a null key: handle: key is null", nullKey.getMessage());

    BadTermArgumentException mutable =
        assertThrows(
            BadTermArgumentException.class,
            () -> ValueInspector.check("putNew", "value", "k", List.of(new ArrayList<>())));
    assertTrue(
        mutable
            .getMessage()
            .startsWith(
                "persistent term 'k': putNew: value contains a mutable java.util.ArrayList"),
        mutable.getMessage());
  }

  @Test
  void inspectKeepsTheJdkExceptionsAndMessages() {
    NullPointerException nullValue =
        assertThrows(NullPointerException.class, () -> ValueInspector.inspect("value", "k", null));
    assertEquals("persistent term 'k': value is null", nullValue.getMessage());
    IllegalArgumentException mutable =
        assertThrows(
            IllegalArgumentException.class, () -> ValueInspector.inspect("key", "k", new int[0]));
    assertTrue(
        mutable.getMessage().startsWith("persistent term 'k': key is an array (int[])"),
        mutable.getMessage());
  }

  @Test
  void bothMeasureTheSame() {
    Object value = List.of("a", 1, List.of(2L));
    assertEquals(
        ValueInspector.inspect("value", "k", value),
        ValueInspector.check("put", "value", "k", value));
  }
}
