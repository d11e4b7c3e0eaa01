package io.jets.term;

import io.jets.term.internal.ValueInspector;
import java.lang.invoke.MethodHandle;

/**
 * The {@link Term} implementation: reads the value through the dynamic invoker of the key's {@link
 * java.lang.invoke.MutableCallSite}, whose target is a constant method handle.
 *
 * <p>It is a record on purpose: HotSpot trusts the final fields of records as constants (it does
 * not trust ordinary final instance fields), so when the handle itself is a constant, {@code
 * invoker} is too, the call site's target is inlined with a dependency on the call site, and the
 * constant it returns is folded into the caller. {@link TermStore} re-targets the call site on
 * every write of the key, which deoptimizes exactly the code that folded the old value.
 *
 * @param invoker {@code ()Object}; returns the stored value, or {@link TermStore#ABSENT}
 */
record CallSiteTerm<T>(Object key, MethodHandle invoker) implements Term<T> {

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    Object value = read();
    if (value == TermStore.ABSENT) {
      throw new MissingTermException(key);
    }
    return (T) value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T getOrDefault(T defaultValue) {
    Object value = read();
    return value == TermStore.ABSENT ? defaultValue : (T) value;
  }

  private Object read() {
    try {
      return (Object) invoker.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      // The target is always MethodHandles.constant, which cannot throw.
      throw new AssertionError("constant method handle threw", impossible);
    }
  }

  @Override
  public String toString() {
    return "Term[" + ValueInspector.describe(key) + "]";
  }
}
