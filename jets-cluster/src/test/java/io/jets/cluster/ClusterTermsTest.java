package io.jets.cluster;

import static io.jets.cluster.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.jets.term.BadTermArgumentException;
import io.jets.term.PersistentTerm;
import io.jets.term.TermExistsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster terms on three members in this JVM, on 127.0.0.1. The members share this JVM's one {@code
 * PersistentTerm} store, so each member's own view is checked through {@link ClusterTerms#applied}
 * and {@link ClusterTerms#version}; {@code PersistentTerm.get} is checked where every member
 * agrees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ClusterTermsTest {

  private LocalCluster cluster;
  private final List<ClusterTerms> terms = new ArrayList<>();

  @BeforeAll
  void startCluster() {
    cluster = LocalCluster.start(3);
    for (HazelcastInstance member : cluster.members()) {
      terms.add(ClusterTerms.bind(member));
    }
  }

  @AfterAll
  void stopCluster() {
    terms.forEach(ClusterTerms::close);
    cluster.close();
    assertTrue(cluster.members().stream().noneMatch(m -> m.getLifecycleService().isRunning()));
  }

  private void everyMemberHas(Object key, Object value, long version) {
    for (int i = 0; i < terms.size(); i++) {
      ClusterTerms member = terms.get(i);
      int index = i;
      eventually(
          "member " + index + " applies " + key + " v" + version,
          () -> member.version(key) >= version);
      assertEquals(version, member.version(key), "member " + i);
      assertEquals(value, member.applied(key), "member " + i);
    }
  }

  @Test
  void aPutOnOneMemberReachesEveryMembersPersistentTerm() {
    terms.get(0).put("price:EURUSD", 1.0842);
    assertEquals(1.0842, PersistentTerm.<Double>get("price:EURUSD"), "read your writes");
    everyMemberHas("price:EURUSD", 1.0842, 1);
    terms.get(2).put("price:EURUSD", 1.0851);
    everyMemberHas("price:EURUSD", 1.0851, 2);
    assertEquals(1.0851, PersistentTerm.<Double>get("price:EURUSD"));
  }

  @Test
  void everyMemberAppliesOneKeysWritesInOneOrderEachOnce() {
    String key = "counter";
    int writes = 200;
    for (int i = 1; i <= writes; i++) {
      terms.get(i % 3).put(key, i);
    }
    everyMemberHas(key, writes, writes);
  }

  @Test
  void putNewAndEraseFollowPersistentTermsRules() {
    terms.get(1).putNew("config:region", "eu-west");
    terms.get(2).putNew("config:region", "eu-west"); // an equal value: a no-op
    TermExistsException conflict =
        assertThrows(
            TermExistsException.class, () -> terms.get(0).putNew("config:region", "us-east"));
    assertTrue(conflict.getMessage().contains("config:region"), conflict.getMessage());
    everyMemberHas("config:region", "eu-west", 1);
    assertTrue(terms.get(0).erase("config:region"));
    assertFalse(terms.get(1).erase("config:region"), "nothing left to erase");
    everyMemberHas("config:region", null, 2);
    assertNull(PersistentTerm.get("config:region", null));
    terms.get(2).putNew("config:region", "us-east"); // erased: the key is free again
    everyMemberHas("config:region", "us-east", 3);
  }

  @Test
  void badTermsAreRefusedBeforeAnythingIsSent() {
    BadTermArgumentException mutable =
        assertThrows(
            BadTermArgumentException.class,
            () -> terms.get(0).put("mutable", new ArrayList<>(List.of(1))));
    assertTrue(mutable.getMessage().contains("mutable"), mutable.getMessage());
    BadTermArgumentException notSerializable =
        assertThrows(
            BadTermArgumentException.class, () -> terms.get(0).put("thread", new Object()));
    assertTrue(notSerializable.getMessage().contains("Serializable"), notSerializable.getMessage());
    assertEquals("value", notSerializable.argument());
    assertThrows(BadTermArgumentException.class, () -> terms.get(0).put("null", null));
    assertEquals(0, terms.get(1).version("mutable"));
    assertEquals(0, terms.get(1).version("thread"));
  }

  @Test
  void aJoiningMemberHasEveryTermBeforeBindReturns() {
    for (int i = 0; i < 50; i++) {
      terms.get(0).put("join:" + i, "v" + i);
    }
    terms.get(0).erase("join:7");
    HazelcastInstance late = cluster.join();
    try (ClusterTerms joined = ClusterTerms.bind(late)) {
      for (int i = 0; i < 50; i++) {
        assertEquals(i == 7 ? null : "v" + i, joined.applied("join:" + i), "join:" + i);
      }
      assertEquals(2, joined.version("join:7"));
      terms.get(1).put("join:1", "after");
      eventually("the joined member hears later writes", () -> joined.version("join:1") == 2);
      assertEquals("after", joined.applied("join:1"));
    } finally {
      late.getLifecycleService().terminate();
    }
  }

  @Test
  void termsSurviveTheCrashOfTheMemberThatPutThem() {
    HazelcastInstance writer = cluster.join();
    ClusterTerms writerTerms = ClusterTerms.bind(writer);
    for (int i = 0; i < 100; i++) {
      writerTerms.put("crash:" + i, i);
    }
    writer.getLifecycleService().terminate(); // no graceful migration: a crash
    try (ClusterTerms afterCrash = ClusterTerms.bind(cluster.member(0))) {
      for (int i = 0; i < 100; i++) {
        assertEquals(i, afterCrash.applied("crash:" + i), "crash:" + i);
      }
    }
  }

  /** A term value of the application's own class: the default filter does not let it in. */
  record Quote(String symbol, long micros) implements java.io.Serializable {}

  @Test
  void aValueTheFilterRejectsIsRefusedAndOneItAllowsIsApplied() {
    BadTermArgumentException refused =
        assertThrows(
            BadTermArgumentException.class,
            () -> terms.get(0).put("quote:default", new Quote("EURUSD", 1_084_200)));
    assertTrue(refused.getMessage().contains("filter"), refused.getMessage());
    assertEquals(0, terms.get(1).version("quote:default"), "nothing was sent");
    String filter = "java.base/*;io.jets.cluster.*;!*";
    List<ClusterTerms> allowing = new ArrayList<>();
    try {
      for (HazelcastInstance member : cluster.members().subList(0, 3)) {
        allowing.add(ClusterTerms.bind(member, filter));
      }
      Quote quote = new Quote("EURUSD", 1_084_200);
      allowing.get(0).put("quote:allowed", quote);
      for (ClusterTerms member : allowing) {
        eventually("applied", () -> member.version("quote:allowed") == 1);
        assertEquals(quote, member.applied("quote:allowed"));
      }
      assertEquals(quote, PersistentTerm.get("quote:allowed"));
    } finally {
      allowing.forEach(ClusterTerms::close);
    }
  }
}
