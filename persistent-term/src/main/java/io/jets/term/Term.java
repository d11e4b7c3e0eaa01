package io.jets.term;

/**
 * A handle on one persistent term, made by {@link PersistentTerm#handle(Object)}, whose reads the
 * JIT compiles to a constant.
 *
 * <pre>{@code
 * static final Term<Config> CONFIG = PersistentTerm.handle("config");
 * ...
 * Config c = CONFIG.get();   // folded to the stored Config in compiled code
 * }</pre>
 *
 * <p><b>Reads.</b> {@link #get()} takes no lock, allocates nothing and writes no memory. When the
 * handle sits in a {@code static final} field (or is otherwise a constant to the JIT), compiled
 * code reads the stored value as a constant: it costs what reading a {@code static final} field
 * costs. A handle in an instance field or a local variable still reads correctly, through one extra
 * indirection.
 *
 * <p><b>Writes.</b> After {@link PersistentTerm#put}, {@link PersistentTerm#erase} or an owner's
 * exit returns, every thread's next {@code get()} returns the new state; while the write runs, a
 * reader sees the old value or the new one. A write invalidates the compiled code that folded the
 * old value, so readers run slower (interpreted, then re-compiled) for a moment afterwards: see the
 * cost model on {@link PersistentTerm}.
 *
 * <p><b>Absent keys.</b> A handle can be made before its term is stored, and outlives an erase:
 * {@link #get()} then throws {@link MissingTermException}, {@link #getOrDefault(Object)} returns
 * the default, and both return the value again once the key is put back.
 *
 * <p><b>Types.</b> The type parameter is not checked: a value of another type shows up as a {@link
 * ClassCastException} where the caller uses it, as with {@link PersistentTerm#get(Object)}.
 *
 * @param <T> the type of the value the caller expects under the key
 */
public sealed interface Term<T> permits CallSiteTerm {

  /**
   * The key this handle reads.
   *
   * @return the key passed to {@link PersistentTerm#handle(Object)}
   */
  Object key();

  /**
   * The value stored under {@link #key()} now. Lock-free; linearizable.
   *
   * @return the stored value, the very reference that was put
   * @throws MissingTermException if no term is stored under the key
   */
  T get();

  /**
   * The value stored under {@link #key()} now, or {@code defaultValue} if there is none. Lock-free;
   * linearizable. Never throws.
   *
   * @param defaultValue what to return when no term is stored under the key; may be null
   * @return the stored value, or {@code defaultValue}
   */
  T getOrDefault(T defaultValue);
}
