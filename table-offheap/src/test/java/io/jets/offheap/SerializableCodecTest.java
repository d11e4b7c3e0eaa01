package io.jets.offheap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.tck.Fixtures;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default codec, {@link Codec#serializable()}: canonical for the kinds its javadoc lists, so
 * equal keys of those kinds are one key however they were built.
 */
class SerializableCodecTest {

  private static final Codec<Object> CODEC = Codec.serializable();

  record Pair(String a, String b) implements Serializable {}

  record Nested(Pair pair, List<Object> items, double ratio, char mark) implements Serializable {}

  record WithArrayList(ArrayList<Integer> numbers) implements Serializable {}

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  /** Java serialization wrote the second, identical string as a back-reference: two keys. */
  @Test
  void aRecordOfOneStringTwiceIsTheKeyOfARecordOfTwoEqualStrings() {
    SetTable<Pair, String> t = OffHeapTables.set("records").build();
    String x = "x";
    t.insert(new Pair(x, x), "v1");
    assertEquals("v1", t.get(new Pair(x, new String("x"))));
    t.insert(new Pair("x", new String(new char[] {'x'})), "v2");
    assertEquals(1, t.size());
  }

  /** Java serialization wrote the list's class: List.of and ArrayList were two keys. */
  @Test
  void equalListsOfAnyClassAreOneKey() {
    SetTable<List<Integer>, String> t = OffHeapTables.set("lists").build();
    t.insert(List.of(1, 2), "v1");
    t.insert(new ArrayList<>(List.of(1, 2)), "v2");
    t.insert(new LinkedList<>(List.of(1, 2)), "v3");
    assertEquals(1, t.size(), "a set holds one object per equal key");
    assertEquals("v3", t.get(Arrays.asList(1, 2)));
    assertEquals(List.of(1, 2), t.first());
  }

  @Test
  void equalValuesOfEveryCanonicalKindEncodeToEqualBytes() {
    String s = "s";
    Nested shared = new Nested(new Pair(s, s), List.of(s, s, 1.5, 'c'), Double.NaN, 'm');
    Nested copies =
        new Nested(
            new Pair("s", new String("s")),
            new ArrayList<>(List.of(new String("s"), "s", 1.5, 'c')),
            0.0 / 0.0,
            'm');
    assertEquals(shared, copies);
    assertArrayEquals(CODEC.encode(shared), CODEC.encode(copies));
    for (Object o :
        List.of((byte) 1, (short) 1, 1, 1L, 1f, 1d, true, '1', "1", List.of(1), List.of())) {
      Object decoded = CODEC.decode(CODEC.encode(o));
      assertEquals(o, decoded);
      assertEquals(o.getClass(), decoded.getClass(), "the type is kept: " + o);
    }
    assertTrue(
        !Arrays.equals(CODEC.encode(0.0), CODEC.encode(-0.0)),
        "-0.0 and 0.0 are not equals, so not one key");
    assertTrue(
        !Arrays.equals(CODEC.encode(1), CODEC.encode(1L)), "an Integer and a Long are two keys");
  }

  @Test
  void recordsAndListsDecodeToEqualObjects() {
    Nested nested =
        new Nested(new Pair("a", null), Arrays.asList("x", null, List.of(2L)), -0.0, 'z');
    Object decoded = CODEC.decode(CODEC.encode(nested));
    assertEquals(nested, decoded);
    List<?> items = ((Nested) decoded).items();
    assertThrows(UnsupportedOperationException.class, () -> items.remove(0), "unmodifiable");
    WithArrayList withArrayList = new WithArrayList(new ArrayList<>(List.of(3, 4)));
    WithArrayList back = (WithArrayList) CODEC.decode(CODEC.encode(withArrayList));
    assertEquals(withArrayList, back);
    assertEquals(ArrayList.class, back.numbers().getClass(), "the component's declared class");
  }

  /** Strings, Integers and Longs keep the first version's bytes: such keys in a file are found. */
  @Test
  void stringsIntegersAndLongsKeepTheirEarlierEncoding() {
    assertArrayEquals(new byte[] {1, 'a', (byte) 0xC3, (byte) 0xA9}, CODEC.encode("a\u00e9"));
    assertArrayEquals(new byte[] {2, 0, 0, 1, 0}, CODEC.encode(256));
    assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0, 0, 0, 7}, CODEC.encode(7L));
    assertEquals("é", CODEC.decode("\u0001é".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anObjectThatIsNotSerializableIsRejectedAnywhereInAKey() {
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(new Object()));
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(List.of(1, new Object())));
    assertThrows(
        IllegalArgumentException.class,
        () -> CODEC.encode(new Nested(null, List.of(new Object()), 0, 'c')));
  }

  /**
   * UTF-8 cannot carry an unpaired surrogate (it writes '?'), so "k\uD800" and "k\uDC00" were one
   * key, and neither read back as itself; every string now reads back exactly, alone or inside a
   * list or a record, and well-formed strings keep their UTF-8 bytes.
   */
  @Test
  void everyStringReadsBackExactlyAndUnpairedSurrogatesStayDistinct() {
    List<String> strings =
        List.of("k\uD800", "k\uDC00", "k?", "\uDC00\uD800", "a\uD83D\uDE00b", "", "\uD800");
    for (String s : strings) {
      assertEquals(s, CODEC.decode(CODEC.encode(s)), s);
      assertEquals(List.of(s, s), CODEC.decode(CODEC.encode(List.of(s, s))), s);
      Pair pair = new Pair(s, "x");
      assertEquals(pair, CODEC.decode(CODEC.encode(pair)), s);
    }
    assertArrayEquals(
        ("\u0001a\uD83D\uDE00b").getBytes(StandardCharsets.UTF_8), CODEC.encode("a\uD83D\uDE00b"));
    SetTable<String, String> t = OffHeapTables.set("surrogates").build();
    t.insert("k\uD800", "high");
    t.insert("k\uDC00", "low");
    t.insert("k?", "question");
    assertEquals(3, t.size());
    assertEquals("high", t.get("k\uD800"));
    assertEquals("low", t.get("k\uDC00"));
  }

  /** The plain string codec has no tag to mark another form: it refuses such a string. */
  @Test
  void theStringCodecRefusesAnUnpairedSurrogateNamingTheTable() {
    SetTable<String, String> t =
        OffHeapTables.set("plain-strings")
            .keyCodec(Codec.string())
            .valueCodec(Codec.string())
            .build();
    t.insert("k", "v");
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> t.insert("k\uD800", "v"));
    assertTrue(e.getMessage().contains("plain-strings"), e.getMessage());
    assertThrows(BadArgumentException.class, () -> t.insert("k", "\uDC00"));
    assertEquals(1, t.size());
    assertEquals("v", t.get("k"));
  }
}
