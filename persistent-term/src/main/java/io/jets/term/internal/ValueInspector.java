package io.jets.term.internal;

import io.jets.term.BadTermArgumentException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a key or value once before it is stored: rejects arrays and the mutable JDK containers, and
 * estimates the bytes the term retains.
 *
 * <p>The walk descends only into JDK containers it can read without reflection (immutable and
 * unmodifiable collections and maps, {@link Map.Entry} implementations, {@link Optional}); any
 * other object is judged by its class alone and counted by its shallow size. Thread-safe and
 * stateless.
 */
public final class ValueInspector {

  /*
   * Memory estimates assume a 64-bit JVM with compressed references and class pointers (heap under
   * 32 GB, the default): a 12-byte object header, 4-byte references, 8-byte alignment. They are
   * estimates: a String is counted as Latin-1, and objects shared between terms count once per
   * term.
   */

  private static final long HEADER_BYTES = 12;
  private static final long REFERENCE_BYTES = 4;
  private static final long ARRAY_HEADER_BYTES = 16;

  /** What the walk does with instances of a class. */
  private enum Kind {
    /** Immutable or not a container jets can look into: count its shallow size, go no deeper. */
    LEAF,
    /** A String: counted with its characters. */
    STRING,
    /** An immutable or unmodifiable JDK collection or map: check and count its elements. */
    CONTAINER,
    /** A JDK map entry whose key and value cannot be replaced. */
    ENTRY,
    /** {@link Optional}: check and count its content. */
    OPTIONAL,
    /** An array or a mutable JDK class: rejected. */
    MUTABLE
  }

  private static final ClassValue<Kind> KINDS =
      new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
          return classify(type);
        }
      };

  private static final ClassValue<Long> SHALLOW_BYTES =
      new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
          return shallowBytes(type);
        }
      };

  private ValueInspector() {}

  /**
   * Checks that {@code object} (the key, or the value stored under {@code key}) is immutable as far
   * as jets can tell, and estimates the bytes it retains; reports bad input with the JDK's
   * exceptions. jets-cluster's checks use it; the term store uses {@link #check}.
   *
   * @param role "key" or "value", for the error message
   * @throws NullPointerException if {@code object} is null
   * @throws IllegalArgumentException if {@code object} is an array or a mutable JDK container, or
   *     an immutable JDK container holds one; the message names the key and the offending class
   */
  public static long inspect(String role, Object key, Object object) {
    return measure(null, role, key, object);
  }

  /**
   * As {@link #inspect}, but bad input is a {@link BadTermArgumentException} whose message names
   * {@code operation}, the key (or says it is null) and {@code role}, the argument.
   *
   * @param operation the public operation checking its argument, for the error message
   * @param role "key" or "value": the argument checked
   * @throws BadTermArgumentException if {@code object} is null, an array or a mutable JDK
   *     container, or an immutable JDK container holds one
   */
  public static long check(String operation, String role, Object key, Object object) {
    return measure(operation, role, key, object);
  }

  /** The estimate; {@code operation} null: JDK exceptions for bad input, else the term family. */
  private static long measure(String operation, String role, Object key, Object object) {
    if (object == null) {
      throw bad(operation, role, key, role + " is null", true);
    }
    Kind kind = KINDS.get(object.getClass());
    if (kind == Kind.LEAF) {
      return SHALLOW_BYTES.get(object.getClass());
    }
    if (kind == Kind.STRING) {
      return stringBytes((String) object);
    }
    return walk(operation, role, key, object);
  }

  /** A key as error messages show it: strings quoted, everything else by {@code toString}. */
  public static String describe(Object key) {
    return key instanceof String s ? "'" + s + "'" : String.valueOf(key);
  }

  private static long walk(String operation, String role, Object key, Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    long bytes = 0;
    while (!pending.isEmpty()) {
      Object object = pending.pop();
      if (seen.put(object, Boolean.TRUE) != null) {
        continue;
      }
      Class<?> type = object.getClass();
      switch (KINDS.get(type)) {
        case LEAF -> bytes += SHALLOW_BYTES.get(type);
        case STRING -> bytes += stringBytes((String) object);
        case MUTABLE -> throw mutable(operation, role, key, object, root);
        case CONTAINER -> {
          if (object instanceof Map<?, ?> map) {
            bytes += HEADER_BYTES + ARRAY_HEADER_BYTES + 2 * REFERENCE_BYTES * map.size();
            map.forEach(
                (k, v) -> {
                  pushUnlessNull(pending, k);
                  pushUnlessNull(pending, v);
                });
          } else {
            Collection<?> collection = (Collection<?>) object;
            bytes += HEADER_BYTES + ARRAY_HEADER_BYTES + REFERENCE_BYTES * collection.size();
            for (Object element : collection) {
              pushUnlessNull(pending, element);
            }
          }
        }
        case ENTRY -> {
          Map.Entry<?, ?> entry = (Map.Entry<?, ?>) object;
          bytes += HEADER_BYTES + 2 * REFERENCE_BYTES;
          pushUnlessNull(pending, entry.getKey());
          pushUnlessNull(pending, entry.getValue());
        }
        case OPTIONAL -> {
          bytes += HEADER_BYTES + REFERENCE_BYTES;
          ((Optional<?>) object).ifPresent(pending::push);
        }
      }
    }
    return bytes;
  }

  private static void pushUnlessNull(ArrayDeque<Object> pending, Object object) {
    if (object != null) {
      pending.push(object);
    }
  }

  private static RuntimeException mutable(
      String operation, String role, Object key, Object found, Object root) {
    Class<?> type = found.getClass();
    String what =
        type.isArray()
            ? "an array (" + type.getTypeName() + ")"
            : "a mutable "
                + type.getName()
                + (isJdkClass(type) ? "" : " (a " + jdkSuperclass(type).getName() + ")");
    String where = found == root ? role + " is " : role + " contains ";
    return bad(
        operation,
        role,
        key,
        where
            + what
            + "; terms must be immutable (use List.of, Set.of, Map.of, List.copyOf, records)",
        false);
  }

  private static RuntimeException bad(
      String operation, String role, Object key, String detail, boolean isNull) {
    if (operation != null) {
      return new BadTermArgumentException(key, role, operation + ": " + detail);
    }
    String message = "persistent term " + describe(key) + ": " + detail;
    return isNull ? new NullPointerException(message) : new IllegalArgumentException(message);
  }

  private static long stringBytes(String s) {
    // String object (header, value, hash, coder, hashIsZero) plus its byte[] in Latin-1.
    return align(HEADER_BYTES + REFERENCE_BYTES + 4 + 2) + align(ARRAY_HEADER_BYTES + s.length());
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static Kind classify(Class<?> type) {
    if (type.isArray()) {
      return Kind.MUTABLE;
    }
    if (type == String.class) {
      return Kind.STRING;
    }
    if (type == Optional.class) {
      return Kind.OPTIONAL;
    }
    if (Date.class.isAssignableFrom(type)
        || Calendar.class.isAssignableFrom(type)
        || type == BitSet.class
        || type == StringBuilder.class
        || type == StringBuffer.class) {
      return Kind.MUTABLE;
    }
    boolean container = Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    boolean entry = !container && Map.Entry.class.isAssignableFrom(type);
    if (!(container || entry)) {
      return Kind.LEAF;
    }
    if (!isJdkClass(type)) {
      // A user's class that extends a mutable JDK container (a map made by double-brace
      // initialization) is one; on an abstract JDK base (Guava's ImmutableList) it is the user's
      // own, which jets cannot judge.
      Class<?> base = jdkSuperclass(type);
      return !Modifier.isAbstract(base.getModifiers()) && KINDS.get(base) == Kind.MUTABLE
          ? Kind.MUTABLE
          : Kind.LEAF;
    }
    String name = type.getName();
    if (entry) {
      return name.equals("java.util.KeyValueHolder")
              || name.equals("java.util.AbstractMap$SimpleImmutableEntry")
              || name.startsWith("java.util.Collections$Unmodifiable")
          ? Kind.ENTRY
          : Kind.MUTABLE;
    }
    return isImmutableJdkContainer(name) ? Kind.CONTAINER : Kind.MUTABLE;
  }

  /** The nearest superclass of {@code type} that is a JDK class ({@code Object} at the latest). */
  private static Class<?> jdkSuperclass(Class<?> type) {
    Class<?> base = type.getSuperclass();
    while (!isJdkClass(base)) {
      base = base.getSuperclass();
    }
    return base;
  }

  private static boolean isJdkClass(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  /**
   * The JDK containers that offer no mutator: {@code List.of} and friends, {@code
   * Collections.unmodifiable*}, {@code Collections.empty*}, {@code Collections.singleton*} and
   * {@code Collections.nCopies}. An unmodifiable view still shows later changes made through the
   * collection it wraps; the javadoc of {@code PersistentTerm} warns about it.
   */
  private static boolean isImmutableJdkContainer(String name) {
    return name.startsWith("java.util.ImmutableCollections$")
        || name.startsWith("java.util.Collections$Unmodifiable")
        || name.startsWith("java.util.Collections$Empty")
        || name.startsWith("java.util.Collections$Singleton")
        || name.equals("java.util.Collections$CopiesList");
  }

  private static long shallowBytes(Class<?> type) {
    long bytes = HEADER_BYTES;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          Class<?> fieldType = field.getType();
          bytes +=
              fieldType == long.class || fieldType == double.class
                  ? 8
                  : fieldType == int.class || fieldType == float.class
                      ? 4
                      : fieldType == short.class || fieldType == char.class
                          ? 2
                          : fieldType == byte.class || fieldType == boolean.class
                              ? 1
                              : REFERENCE_BYTES;
        }
      }
    }
    return align(bytes);
  }
}
