package io.jets.term;

import io.jets.owner.Owner;
import java.util.Map;

/**
 * The global term store, Erlang's {@code persistent_term}: reads that cost about as much as a
 * constant, writes that are deliberately expensive. Any thread may call any method.
 *
 * <pre>{@code
 * PersistentTerm.put("config", config);
 * Config c = PersistentTerm.get("config");
 * static final Term<Config> CONFIG = PersistentTerm.handle("config");  // CONFIG.get() folds
 * }</pre>
 *
 * <h2>Reads</h2>
 *
 * {@link #get(Object)}, {@link #get(Object, Object)}, {@link #info()} and {@link #all()} take no
 * lock and never block: each does one acquire read of the current immutable snapshot and a lookup
 * in it. {@code get} allocates nothing (unless the key's own {@code hashCode}/{@code equals} do)
 * and writes no shared memory. Values are not copied: a reader gets the stored reference, and a
 * reference a reader holds is never changed or invalidated by a later put or erase. A {@link Term}
 * handle in a {@code static final} field reads faster still: its {@code get()} is a constant in
 * compiled code.
 *
 * <h2>Writes</h2>
 *
 * {@link #put(Object, Object)}, {@link #put(Owner, Object, Object)}, {@link #putNew} and {@link
 * #erase} are atomic and linearizable; they are serialized by one lock, so a write blocks while
 * another write runs. Actions before a put happen-before a read that returns the put value. Once a
 * write returns, every read in every thread, including through handles, sees it; a read that
 * overlaps it sees the state before or after.
 *
 * <h2>Cost model</h2>
 *
 * A write that changes something costs:
 *
 * <ol>
 *   <li>an immutability walk of the key and value (constant for strings, numbers and records;
 *       proportional to the elements of a JDK collection);
 *   <li>a copy of the snapshot's table, proportional to the number of terms (a new key can also
 *       re-hash every key when the table grows);
 *   <li>if the key has a {@link Term} handle, re-targeting its call site, which makes the JVM
 *       deoptimize every compiled method that folded the old value (a safepoint-like pause for all
 *       threads, then those methods run interpreted until they are re-compiled).
 * </ol>
 *
 * A put of a value {@code equals} to the stored one only takes the lock and compares: it changes
 * nothing and invalidates no compiled code, so there is no need to compare before putting. As in
 * OTP, prefer a few large terms to many small ones, and do not update terms on a hot path: group
 * related settings into one record and replace it as a whole. Measured figures (JMH 1.37, JDK 25, 2
 * shared cores, one benchmark thread; BENCHMARKS.md has the command and the baselines):
 *
 * <ul>
 *   <li>{@code get(key)}: 2.3 ns for one hot key; 14 ns against 17 ns for {@code
 *       ConcurrentHashMap.get} at 1,000 keys, 42 ns against 83 ns at 100,000 keys;
 *   <li>a handle's {@code get()} in a {@code static final} field: 0.70 ns, the same as a {@code
 *       static final} field read (0.74 ns);
 *   <li>{@code put} of a changed value at 100 / 1,000 / 10,000 terms: 0.42 / 2.8 / 41 µs, about a
 *       quarter of copying a {@code HashMap} of that size and publishing it (1.6 / 13 / 157 µs);
 *   <li>{@code put} of an equal value: 40-50 ns at any size;
 *   <li>{@code put} re-binding a handle that compiled code has folded: 0.5-1.2 ms median, almost
 *       all of it the JVM's deoptimization; the readers of that handle are back to 90% of their
 *       rate about 10-15 ms (median) after the put, once their code is re-compiled.
 * </ul>
 *
 * <h2>Immutability</h2>
 *
 * Keys and values are shared, not copied, so they must not change once stored. Every put (and
 * {@link #handle}, for its key) rejects with a {@link BadTermArgumentException} naming the key and
 * the argument: arrays; the mutable JDK collections and maps ({@code ArrayList}, {@code HashMap},
 * {@code HashSet}, {@code LinkedList}, {@code TreeMap}, {@code ArrayDeque}, {@code
 * ConcurrentHashMap}, {@code Arrays.asList}, synchronized and checked wrappers, and every other
 * {@code java.util} container that is not immutable or unmodifiable, and subclasses of them, such
 * as a map made by double-brace initialization); {@code Date}, {@code Calendar}, {@code BitSet},
 * {@code StringBuilder} and {@code StringBuffer}; and any of these found inside an immutable JDK
 * collection, map, map entry or {@link java.util.Optional}. Use {@code List.of}, {@code Map.of},
 * {@code List.copyOf} and records. jets cannot look inside your own classes: a record holding an
 * array passes the check, and an unmodifiable view ({@code Collections.unmodifiableList}) still
 * shows changes made through the collection it wraps. Objects that are shared mutable cells by
 * design (an {@code AtomicLong}, a jets table) are accepted, like counters and tables in OTP's
 * persistent terms.
 *
 * <h2>Owned terms</h2>
 *
 * {@link #put(Owner, Object, Object)} stores a term that is erased when the owner exits. The owner
 * of a key is decided by the most recent put of it: a later global {@link #put(Object, Object)}
 * makes the key global (it survives the owner), a later owned put by another owner moves it to that
 * owner, and an {@link #erase} ends the ownership. This holds even when the later put stores an
 * equal value. {@link #putNew} never changes ownership. When an owner exits, all the keys it still
 * owns are erased in one write, before the owner's exit is announced to anyone else.
 *
 * <h2>Errors</h2>
 *
 * Every error is a {@link TermException} (itself an {@link io.jets.owner.JetsException}, the root
 * of every jets failure) whose message names the key, or says that it is null, and the argument:
 *
 * <ul>
 *   <li>{@link BadTermArgumentException} for bad input, before anything changes: a null key, value
 *       or owner, a mutable key or value, an owned put for an owner that has exited;
 *   <li>{@link MissingTermException} for {@link #get(Object)} (or a handle's {@link Term#get()}) of
 *       a key with no term;
 *   <li>{@link TermExistsException} for {@link #putNew} over a different value;
 *   <li>a plain {@code TermException} for a put of a new key into a store already holding its
 *       maximum of 2<sup>28</sup> terms.
 * </ul>
 *
 * A failed call changes nothing: no term, no owner, no handle. The one exception to the family:
 * when user code the store calls throws (a key's {@code hashCode} or {@code equals}), its exception
 * reaches the caller as thrown, as with tables.
 */
public final class PersistentTerm {

  private static final TermStore STORE = new TermStore();

  private PersistentTerm() {}

  /**
   * Stores {@code value} under {@code key}, replacing any value there, as a global term (never
   * erased by an owner's exit). A no-op, apart from making the key global, if an equal value is
   * stored already. Atomic and linearizable; blocks while another write runs.
   *
   * @param key the key; immutable, as {@code value}
   * @param value the value to store
   * @throws BadTermArgumentException if key or value is null or mutable (see Immutability above);
   *     nothing is stored
   * @throws TermException if the key is new and the store holds its maximum number of terms
   */
  public static void put(Object key, Object value) {
    STORE.put(key, value);
  }

  /**
   * Stores {@code value} under {@code key} as a term owned by {@code owner}: it is erased when the
   * owner exits, unless a later put or erase of the key has taken it from the owner first. Putting
   * for {@link Owner#application()}, which never exits, is a global put. Atomic and linearizable;
   * blocks while another write runs.
   *
   * @param owner the owner whose exit erases the term
   * @param key the key; immutable, as {@code value}
   * @param value the value to store
   * @throws BadTermArgumentException if owner, key or value is null, key or value is mutable, or
   *     the owner has already exited; nothing is stored and the owner is not listened to
   * @throws TermException if the key is new and the store holds its maximum number of terms
   */
  public static void put(Owner owner, Object key, Object value) {
    STORE.put(owner, key, value);
  }

  /**
   * Stores {@code value} under {@code key} only if no term is stored there, like {@code
   * persistent_term:put_new/2}. If an equal value is stored already, does nothing and returns
   * normally. Never changes the key's owner. Atomic and linearizable; blocks while another write
   * runs.
   *
   * @param key the key; immutable, as {@code value}
   * @param value the value to store
   * @throws TermExistsException if a different value is stored under the key; it stays
   * @throws BadTermArgumentException if key or value is null or mutable; nothing is stored
   * @throws TermException if the key is new and the store holds its maximum number of terms
   */
  public static void putNew(Object key, Object value) {
    STORE.putNew(key, value);
  }

  /**
   * The value stored under {@code key}. Lock-free and allocation-free; linearizable.
   *
   * @param <T> the type the caller expects; not checked (a value of another type fails with {@link
   *     ClassCastException} where the caller uses it)
   * @param key the key
   * @return the stored value, the very reference that was put
   * @throws MissingTermException if no term is stored under the key
   * @throws BadTermArgumentException if key is null
   */
  @SuppressWarnings("unchecked")
  public static <T> T get(Object key) {
    Object value = STORE.find(key);
    if (value == null) {
      throw new MissingTermException(key);
    }
    return (T) value;
  }

  /**
   * The value stored under {@code key}, or {@code defaultValue} (which may be null) if there is
   * none. Lock-free and allocation-free; linearizable.
   *
   * @param <T> the type the caller expects; not checked, as for {@link #get(Object)}
   * @param key the key
   * @param defaultValue what to return when no term is stored under the key; may be null
   * @return the stored value, or {@code defaultValue}
   * @throws BadTermArgumentException if key is null
   */
  @SuppressWarnings("unchecked")
  public static <T> T get(Object key, T defaultValue) {
    Object value = STORE.find("get", key);
    return value == null ? defaultValue : (T) value;
  }

  /**
   * Removes the term under {@code key}, if any, and ends its ownership. Handles on the key then
   * report it missing. Atomic and linearizable; blocks while another write runs.
   *
   * @param key the key
   * @return true if a term was stored under the key
   * @throws BadTermArgumentException if key is null
   */
  public static boolean erase(Object key) {
    return STORE.erase(key);
  }

  /**
   * The number of terms and an estimate of the memory they retain, at one instant. Lock-free.
   *
   * @return the count (exact for that instant) and the memory estimate
   */
  public static TermInfo info() {
    return STORE.info();
  }

  /**
   * Every term at one instant, as an unmodifiable map that never changes afterwards (later writes
   * do not show in it). Lock-free and O(1): the map is a view of an immutable snapshot, in no
   * particular order. Holding it keeps that snapshot's values reachable.
   *
   * @return the terms, key to value
   */
  public static Map<Object, Object> all() {
    return STORE.all();
  }

  /**
   * The handle on {@code key}, whose {@link Term#get()} compiles to a constant when the handle is
   * kept in a {@code static final} field. The key need not be stored yet. Takes the write lock, so
   * make handles once (in static initializers) and keep them; asking again for a key whose handle
   * is still referenced returns the same handle.
   *
   * @param <T> the type the caller expects under the key; not checked
   * @param key the key; immutable, as for a put
   * @return the handle on the key
   * @throws BadTermArgumentException if key is null or mutable; no handle is made
   */
  public static <T> Term<T> handle(Object key) {
    return STORE.handle(key);
  }
}
