package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and values read back as they were written, in the compact forms and through the filter. */
class TermCodecTest {

  record Point(int x, int y) implements java.io.Serializable {}

  @Test
  void everyFormReadsBackEqual() {
    TermCodec codec = new TermCodec("java.base/*;io.jets.cluster.*;!*");
    for (Object value :
        List.of(
            "",
            "prices",
            "ünïcødé ✓",
            0,
            -7,
            Integer.MAX_VALUE,
            0L,
            Long.MIN_VALUE,
            1.0842,
            Double.NaN,
            LocalDate.of(2026, 12, 3),
            List.of(1, 2),
            new Point(3, 4))) {
      assertEquals(value, codec.decode(codec.encode(value)), "" + value);
    }
  }

  @Test
  void everyStringReadsBackExactlyEvenWithUnpairedSurrogates() {
    // Regression: strings were written as UTF-8, which turns an unpaired surrogate into '?', so
    // 'a' then a lone high surrogate and 'a' then a lone low one were one key, and a value lost
    // half of an emoji.
    TermCodec codec = new TermCodec("java.base/*;!*");
    List<String> strings =
        List.of(
            "",
            "\uD800",
            "\uDC00",
            "a\uD800",
            "a\uDC00",
            "\uD83D",
            "\uD800b",
            "\uDC00\uD800",
            "x\uDE00\uD83Dy",
            "\uD83D\uDE00",
            "emoji \uD83D\uDE00 and a lone \uD83D at the end \uD83D",
            "?",
            "long ünïcødé ✓ \uD83D\uDE00 ".repeat(10_000) + "\uDBFF",
            "long ünïcødé ✓ \uD83D\uDE00 ".repeat(10_000));
    for (String string : strings) {
      assertEquals(string, codec.decode(codec.encode(string)), () -> escaped(string));
      assertArrayEquals(codec.encode(new String(string)), codec.encode(string));
    }
    assertEquals(
        strings.size(),
        strings.stream().map(codec::encode).map(java.nio.ByteBuffer::wrap).distinct().count(),
        "different strings must have different bytes");
  }

  private static String escaped(String string) {
    StringBuilder out = new StringBuilder();
    string.chars().limit(40).forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }

  @Test
  void equalKeysHaveEqualBytes() {
    TermCodec codec = new TermCodec("java.base/*;!*");
    assertArrayEquals(codec.encode("k" + 1), codec.encode("k1"));
    assertArrayEquals(codec.encode(Long.valueOf(5)), codec.encode(5L));
  }

  @Test
  void aClassOutsideTheFilterIsRefused() {
    TermCodec strict = new TermCodec("java.base/*;!*");
    byte[] bytes = strict.encode(new Point(1, 2));
    TermCodec.CodecException refused =
        assertThrows(TermCodec.CodecException.class, () -> strict.check(bytes));
    assertEquals(true, refused.getMessage().contains("filter"), refused.getMessage());
  }

  @Test
  void aMalformedPatternOrOneNamingNoClassIsRefused() {
    TermCodec.CodecException malformed =
        assertThrows(TermCodec.CodecException.class, () -> new TermCodec("maxdepth=x"));
    assertEquals(true, malformed.getMessage().startsWith("is malformed"), malformed.getMessage());
    TermCodec.CodecException empty =
        assertThrows(TermCodec.CodecException.class, () -> new TermCodec(""));
    assertEquals(true, empty.getMessage().startsWith("names no class"), empty.getMessage());
  }
}
