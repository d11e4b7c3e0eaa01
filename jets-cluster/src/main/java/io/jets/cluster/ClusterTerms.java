package io.jets.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.jets.term.BadTermArgumentException;
import io.jets.term.PersistentTerm;
import io.jets.term.TermException;
import io.jets.term.TermExistsException;
import io.jets.term.internal.ValueInspector;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistent terms for a whole Hazelcast cluster: a {@link #put} on any member stores the term in
 * the cluster, and every member bound to it applies the term to its own {@link PersistentTerm}, so
 * that {@code PersistentTerm.get} and {@code Term} handles read it at local cost everywhere.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Durable.</b> A write returns once the cluster holds it on the key's partition owner and
 *       its synchronous backup (Hazelcast's default backup count, 1): it survives the crash of any
 *       one member, the writer's included.
 *   <li><b>Read your writes.</b> The writing member has applied the term to its {@code
 *       PersistentTerm} before the write returns.
 *   <li><b>Same order per key.</b> Writes of one key are serialized on its partition and carry a
 *       version; every member applies them in version order, each once (a member that misses an
 *       intermediate version, joining mid-stream, applies the latest).
 *   <li><b>Joining.</b> {@link #bind} returns only after the member has applied every term the
 *       cluster held when it subscribed, and every later write reaches it by event.
 *   <li><b>Eventually everywhere.</b> Other members apply a write shortly after it returns (an
 *       event per write); until then they read the previous value.
 * </ul>
 *
 * <p>Keys and values follow {@link PersistentTerm}'s immutability rules (checked before anything is
 * sent) and must be {@link java.io.Serializable}, with a deterministic serialized form for keys
 * (strings, numbers, records of them): the cluster identifies a key by its bytes. Members read them
 * back through an {@link java.io.ObjectInputFilter} ({@link #DEFAULT_FILTER}, or the pattern given
 * to {@link #bind(HazelcastInstance, String)}; every member should use the same one): a write whose
 * key or value this member's filter rejects is refused before it is sent, and a term another member
 * wrote that this member's filter rejects is not applied here (a warning in the log says why),
 * whether it arrives with {@link #bind} or later. An erased key leaves a small tombstone in the
 * cluster so that its version keeps growing.
 *
 * <p>Failures are those of {@link PersistentTerm}: a {@link TermException} whose message names the
 * key (or says it is null), the operation and the argument; bad input is a {@link
 * BadTermArgumentException}, thrown before anything is sent, and so is what a key's own {@code
 * hashCode} or {@code equals}, or a put's stored value's {@code equals}, throws (as thrown). {@link
 * #bind}, which names no term, reports bad input with the JDK's exceptions, and the cluster's own
 * failures are Hazelcast's exceptions (the package documentation, Failures).
 */
public final class ClusterTerms implements AutoCloseable {

  /** The Hazelcast map that holds the terms. */
  public static final String MAP_NAME = "jets.persistent-terms";

  /**
   * The serialization filter unless {@link #bind(HazelcastInstance, String)} names another: the
   * classes of {@code java.base} and nothing else.
   */
  public static final String DEFAULT_FILTER = "java.base/*;!*";

  private static final System.Logger LOG = System.getLogger(ClusterTerms.class.getName());

  private final IMap<String, TermRecord> terms;
  private final TermCodec codec;
  private final ConcurrentHashMap<String, Applied> applied = new ConcurrentHashMap<>();
  private final UUID subscription;

  /** What this member applied for one key: the version and the value (null: erased). */
  private record Applied(long version, Object key, Object value) {}

  private ClusterTerms(HazelcastInstance member, TermCodec codec) {
    this.terms = member.getMap(MAP_NAME);
    this.codec = codec;
    // Subscribe first, then read what is there: a write between the two arrives by event, and
    // versions make applying it twice, or out of order, a no-op.
    this.subscription = terms.addEntryListener(new Events(), true);
    for (TermRecord record : terms.values()) {
      applyOrWarn(record);
    }
  }

  /**
   * Binds to the cluster of {@code member} with {@link #DEFAULT_FILTER}; see {@link
   * #bind(HazelcastInstance, String)}.
   *
   * @param member this JVM's Hazelcast member
   * @return the binding; close it to stop applying the cluster's writes
   */
  public static ClusterTerms bind(HazelcastInstance member) {
    return bind(member, DEFAULT_FILTER);
  }

  /**
   * Binds to the cluster of {@code member}: applies every term the cluster holds, then every later
   * write, to this JVM's {@link PersistentTerm}. Blocks until the terms the cluster holds are
   * applied here.
   *
   * @param member this JVM's Hazelcast member
   * @param filterPattern the classes terms may contain, in {@link
   *     java.io.ObjectInputFilter.Config#createFilter} syntax, e.g. {@code
   *     "java.base/*;com.example.prices.*;!*"}
   * @return the binding; close it to stop applying the cluster's writes
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code filterPattern} is malformed or names no class
   */
  public static ClusterTerms bind(HazelcastInstance member, String filterPattern) {
    Objects.requireNonNull(member, "bind: member is null");
    Objects.requireNonNull(filterPattern, "bind: filterPattern is null");
    TermCodec codec;
    try {
      codec = new TermCodec(filterPattern);
    } catch (TermCodec.CodecException e) {
      throw new IllegalArgumentException(
          "bind: filterPattern '" + filterPattern + "' " + e.getMessage(), e.getCause());
    }
    return new ClusterTerms(member, codec);
  }

  /**
   * Stores {@code value} under {@code key} in the cluster, replacing any value there; see the class
   * documentation for when it is durable and visible.
   *
   * @param key the term's key: immutable, serializable, with a deterministic serialized form
   * @param value the term's value: immutable and serializable
   * @throws BadTermArgumentException if key or value is null, mutable, not serializable, or refused
   *     by this member's serialization filter; nothing is sent
   */
  public void put(Object key, Object value) {
    write("put", key, value, false);
  }

  /**
   * Stores {@code value} under {@code key} only if the cluster holds no term there, like {@code
   * persistent_term:put_new/2}; does nothing if it holds an equal one (equal serialized form).
   *
   * @param key the term's key, as for {@link #put}
   * @param value the term's value, as for {@link #put}
   * @throws BadTermArgumentException if key or value is null, mutable, not serializable, or refused
   *     by this member's serialization filter; nothing is sent
   * @throws TermExistsException if the cluster holds a different value under the key; it stays
   */
  public void putNew(Object key, Object value) {
    write("putNew", key, value, true);
  }

  /**
   * Erases the term under {@code key} in the cluster, if any; every member erases it from its
   * {@link PersistentTerm}, this one before the call returns.
   *
   * @param key the term's key
   * @return true if the cluster held a term under the key
   * @throws BadTermArgumentException if the key is null, mutable, not serializable, or refused by
   *     this member's serialization filter; nothing is sent
   */
  public boolean erase(Object key) {
    ValueInspector.check("erase", "key", key, key);
    byte[] keyBytes = encode("erase", "key", key, key, true);
    TermWrites.Outcome outcome =
        terms.executeOnKey(id(keyBytes), new TermWrites.Write(keyBytes, null, false));
    if (outcome.record() != null) {
      applyWritten("erase", key, outcome.record());
    }
    return outcome.changed();
  }

  private void write(String operation, Object key, Object value, boolean onlyNew) {
    ValueInspector.check(operation, "key", key, key);
    ValueInspector.check(operation, "value", key, value);
    byte[] keyBytes = encode(operation, "key", key, key, true);
    byte[] valueBytes = encode(operation, "value", key, value, true);
    // The key's hashCode and equals, which every member's store runs, and a put's comparison of
    // the stored value with the new one as members decode it: their exception changes nothing if
    // thrown here, before anything is sent.
    Object stored = PersistentTerm.get(key, null);
    if (stored != null && !onlyNew) {
      boolean ignored = stored.equals(codec.decode(valueBytes)); // only whether it throws matters
    }
    TermWrites.Outcome outcome =
        terms.executeOnKey(id(keyBytes), new TermWrites.Write(keyBytes, valueBytes, onlyNew));
    TermRecord record = outcome.record();
    applyWritten(operation, key, record);
    if (onlyNew && !outcome.changed() && !Arrays.equals(record.value(), valueBytes)) {
      throw new TermExistsException(key);
    }
  }

  /**
   * The bytes of {@code object}, the {@code role} ("key" or "value") of the term under {@code key}
   * in {@code operation}; {@code check}: checked to read back through this member's filter.
   */
  private byte[] encode(String operation, String role, Object key, Object object, boolean check) {
    if (object == null) {
      throw new BadTermArgumentException(key, role, operation + ": " + role + " is null");
    }
    try {
      byte[] bytes = codec.encode(object);
      if (check) {
        codec.check(bytes);
      }
      return bytes;
    } catch (TermCodec.CodecException e) {
      BadTermArgumentException bad =
          new BadTermArgumentException(key, role, operation + ": " + role + " " + e.getMessage());
      bad.initCause(e.getCause());
      throw bad;
    }
  }

  /** Applies the record this member's own write left; it encoded both, so it reads them back. */
  private void applyWritten(String operation, Object key, TermRecord record) {
    try {
      apply(record);
    } catch (TermCodec.CodecException e) {
      throw new TermException(
          key,
          operation + ": the cluster holds the write, but " + e.getMessage() + " here",
          e.getCause());
    }
  }

  /**
   * The value this member has applied for {@code key}, or null: what {@code PersistentTerm.get}
   * returns here once no later local put of the key intervened.
   *
   * @param key the term's key
   * @return the value, or null if this member has applied no term under the key, or its erasure
   * @throws BadTermArgumentException if the key is null or not serializable
   */
  public Object applied(Object key) {
    Applied a = applied.get(id(encode("applied", "key", key, key, false)));
    return a == null ? null : a.value();
  }

  /**
   * The version of {@code key} this member has applied; 0 if none. Every write increments it.
   *
   * @param key the term's key
   * @return the version applied here
   * @throws BadTermArgumentException if the key is null or not serializable
   */
  public long version(Object key) {
    Applied a = applied.get(id(encode("version", "key", key, key, false)));
    return a == null ? 0 : a.version();
  }

  /** Stops applying the cluster's writes here; the terms applied so far stay in PersistentTerm. */
  @Override
  public void close() {
    terms.removeEntryListener(subscription);
  }

  private static String id(byte[] keyBytes) {
    return Base64.getEncoder().encodeToString(keyBytes);
  }

  /**
   * Applies a record if it is newer than what this member has for its key; once per version.
   *
   * @throws TermCodec.CodecException if this member cannot read the key or value
   * @throws TermException if the term store refuses the term
   */
  private void apply(TermRecord record) {
    if (record == null) {
      return;
    }
    applied.compute(
        id(record.key()),
        (id, current) -> {
          if (current != null && current.version() >= record.version()) {
            return current;
          }
          Object key = current != null ? current.key() : decode(record.key(), "the key of a term");
          if (record.value() == null) {
            PersistentTerm.erase(key);
            return new Applied(record.version(), key, null);
          }
          Object value =
              decode(record.value(), "the value of term " + ValueInspector.describe(key));
          PersistentTerm.put(key, value);
          return new Applied(record.version(), key, value);
        });
  }

  /** The object {@code bytes} hold; a failure names {@code what} they are. */
  private Object decode(byte[] bytes, String what) {
    try {
      return codec.decode(bytes);
    } catch (TermCodec.CodecException e) {
      throw new TermCodec.CodecException(what + " " + e.getMessage(), e.getCause());
    }
  }

  /**
   * Applies a record another member wrote, unless this member cannot hold it (its filter differs
   * from the writer's): then it keeps the version it had, and says why once per such write.
   */
  private void applyOrWarn(TermRecord record) {
    try {
      apply(record);
    } catch (TermException | TermCodec.CodecException e) {
      LOG.log(System.Logger.Level.WARNING, "jets cluster term not applied: " + e.getMessage());
    }
  }

  /** Hazelcast's events for the terms map: each key's in its partition's order. */
  private final class Events
      implements EntryAddedListener<String, TermRecord>, EntryUpdatedListener<String, TermRecord> {

    @Override
    public void entryAdded(EntryEvent<String, TermRecord> event) {
      applyOrWarn(event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, TermRecord> event) {
      applyOrWarn(event.getValue());
    }
  }
}
