package io.jets.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.jets.term.BadTermArgumentException;
import io.jets.term.PersistentTerm;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input at every public entry point of {@link ClusterTerms}: a {@link BadTermArgumentException}
 * naming the key and the argument, and nothing sent or stored; {@code bind}, which names no term,
 * keeps the JDK's exceptions (package documentation, Failures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ClusterTermsErrorsTest {

  /** A serializable class the default filter ({@code java.base} only) refuses. */
  record Quote(String symbol, long micros) implements Serializable {}

  private static final String ALLOWING = "java.base/*;io.jets.cluster.*;!*";

  private LocalCluster cluster;
  private HazelcastInstance member;
  private ClusterTerms terms;
  private IMap<String, TermRecord> stored;

  @BeforeAll
  void startCluster() {
    cluster = LocalCluster.start(1);
    member = cluster.member(0);
    terms = ClusterTerms.bind(member);
    stored = member.getMap(ClusterTerms.MAP_NAME);
  }

  @AfterAll
  void stopCluster() {
    terms.close();
    cluster.close();
    assertTrue(cluster.members().stream().noneMatch(m -> m.getLifecycleService().isRunning()));
  }

  /**
   * Asserts that {@code call} throws a {@link BadTermArgumentException} for {@code key} (the same
   * object) and {@code argument}, whose message names the key (or says it is null) and each of
   * {@code words}.
   */
  private static BadTermArgumentException refused(
      Object key, String argument, Executable call, String... words) {
    BadTermArgumentException e = assertThrows(BadTermArgumentException.class, call);
    assertSame(key, e.key());
    assertEquals(argument, e.argument());
    String prefix =
        key == null
            ? "persistent term with a null key: "
            : "persistent term " + (key instanceof String s ? "'" + s + "'" : key) + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), "'" + word + "' in: " + e.getMessage());
    }
    return e;
  }

  private void refusesBadKeysAndValues(String operation, BiConsumer<Object, Object> write) {
    String key = "bad:" + operation;
    List<Integer> mutable = new ArrayList<>(List.of(1));
    Object notSerializable = new Object();
    Quote refusedByFilter = new Quote("EURUSD", 1);
    int before = stored.size();
    refused(null, "key", () -> write.accept(null, "v"), operation + ": key is null");
    refused(key, "value", () -> write.accept(key, null), operation + ": value is null");
    refused(key, "value", () -> write.accept(key, mutable), operation + ": value", "mutable");
    refused(mutable, "key", () -> write.accept(mutable, "v"), operation + ": key", "mutable");
    refused(
        key,
        "value",
        () -> write.accept(key, notSerializable),
        operation + ": value",
        "Serializable");
    refused(
        notSerializable,
        "key",
        () -> write.accept(notSerializable, "v"),
        operation + ": key",
        "Serializable");
    refused(
        key, "value", () -> write.accept(key, refusedByFilter), operation + ": value", "filter");
    refused(
        refusedByFilter,
        "key",
        () -> write.accept(refusedByFilter, "v"),
        operation + ": key",
        "filter");
    assertEquals(before, stored.size(), "nothing was sent");
    assertEquals(0, terms.version(key));
    assertNull(PersistentTerm.get(key, null), "nothing was stored");
  }

  @Test
  void putRefusesBadKeysAndValuesAndSendsNothing() {
    refusesBadKeysAndValues("put", terms::put);
  }

  @Test
  void putNewRefusesBadKeysAndValuesAndSendsNothing() {
    refusesBadKeysAndValues("putNew", terms::putNew);
  }

  @Test
  void eraseRefusesBadKeysAndErasesNothing() {
    terms.put("kept", 1);
    int before = stored.size();
    List<Integer> mutable = new ArrayList<>(List.of(1));
    Object notSerializable = new Object();
    Quote refusedByFilter = new Quote("EURUSD", 1);
    refused(null, "key", () -> terms.erase(null), "erase: key is null");
    refused(mutable, "key", () -> terms.erase(mutable), "erase: key", "mutable");
    refused(
        notSerializable, "key", () -> terms.erase(notSerializable), "erase: key", "Serializable");
    refused(refusedByFilter, "key", () -> terms.erase(refusedByFilter), "erase: key", "filter");
    assertEquals(before, stored.size(), "nothing was sent");
    assertEquals(1, terms.version("kept"));
    assertEquals(1, PersistentTerm.<Integer>get("kept"), "nothing was erased");
  }

  @Test
  void appliedAndVersionRefuseABadKey() {
    Object notSerializable = new Object();
    refused(null, "key", () -> terms.applied(null), "applied: key is null");
    refused(null, "key", () -> terms.version(null), "version: key is null");
    refused(
        notSerializable,
        "key",
        () -> terms.applied(notSerializable),
        "applied: key",
        "Serializable");
    refused(
        notSerializable,
        "key",
        () -> terms.version(notSerializable),
        "version: key",
        "Serializable");
  }

  @Test
  void bindNamesNoTermAndKeepsTheJdksExceptions() {
    NullPointerException noMember =
        assertThrows(NullPointerException.class, () -> ClusterTerms.bind(null));
    assertTrue(noMember.getMessage().contains("member"), noMember.getMessage());
    NullPointerException noFilter =
        assertThrows(NullPointerException.class, () -> ClusterTerms.bind(member, null));
    assertTrue(noFilter.getMessage().contains("filterPattern"), noFilter.getMessage());
    IllegalArgumentException malformed =
        assertThrows(IllegalArgumentException.class, () -> ClusterTerms.bind(member, "maxdepth=x"));
    assertTrue(malformed.getMessage().contains("filterPattern"), malformed.getMessage());
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> ClusterTerms.bind(member, ""));
    assertTrue(empty.getMessage().contains("names no class"), empty.getMessage());
  }

  /**
   * User code that throws changes nothing: a put or putNew whose key's {@code hashCode} throws (the
   * term store runs it on every member) reaches the caller as thrown, and the cluster holds nothing
   * of it, so members still bind and write.
   */
  @Test
  void aKeyWhoseHashCodeThrowsIsNotSentAndMembersStillBind() {
    try (ClusterTerms allowing = ClusterTerms.bind(member, ALLOWING)) {
      Touchy touchy = new Touchy(1);
      int before = stored.size();
      for (Executable write :
          List.<Executable>of(
              () -> allowing.put(touchy, "v"), () -> allowing.putNew(touchy, "v"))) {
        IllegalStateException e = assertThrows(IllegalStateException.class, write);
        assertEquals("touchy hashCode", e.getMessage(), "the key's own exception, as thrown");
      }
      assertEquals(before, stored.size(), "nothing was sent");
      try (ClusterTerms later = ClusterTerms.bind(member, ALLOWING)) {
        later.put("after:touchy", 1);
        assertEquals(1, later.applied("after:touchy"));
      }
    }
  }

  /**
   * A put over a stored value whose {@code equals} throws (the term store compares the stored value
   * with the new one on every member) reaches the caller as thrown, and the cluster keeps the term
   * it held, as a local put changes nothing then.
   */
  @Test
  void aPutOverAValueWhoseEqualsThrowsIsNotSent() {
    try (ClusterTerms allowing = ClusterTerms.bind(member, ALLOWING)) {
      String key = "prickly:stored";
      allowing.put(key, new Prickly(1));
      String id = java.util.Base64.getEncoder().encodeToString(new TermCodec(ALLOWING).encode(key));
      assertEquals(1, stored.get(id).version());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> allowing.put(key, "plain"));
      assertEquals("prickly equals", e.getMessage(), "the value's own exception, as thrown");
      assertEquals(1, stored.get(id).version(), "nothing was sent");
      assertEquals(1, allowing.version(key));
      assertEquals(1, PersistentTerm.<Prickly>get(key).id(), "nothing was stored");
      assertTrue(allowing.erase(key)); // an erase compares no values
      assertNull(PersistentTerm.get(key, null));
    }
  }

  @Test
  void aMemberBindsAndGoesOnWhenTheClusterHoldsATermItsFilterRefuses() {
    try (ClusterTerms allowing = ClusterTerms.bind(member, ALLOWING)) {
      allowing.put("quote:refused-here", new Quote("EURUSD", 1_084_200));
      try (ClusterTerms strict = ClusterTerms.bind(member)) {
        assertEquals(0, strict.version("quote:refused-here"), "not applied: the filter refuses it");
        assertNull(strict.applied("quote:refused-here"));
        strict.put("after:refused", 1);
        assertEquals(1, strict.applied("after:refused"));
      }
    }
  }
}
