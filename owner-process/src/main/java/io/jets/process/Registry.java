package io.jets.process;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unique names for processes, like OTP's {@code register/2}: any object with value-based {@code
 * equals} and {@code hashCode} can be a name.
 *
 * <p>A process holds at most one name and a name belongs to at most one live process. A name is
 * released when its process exits, before the process's links and monitors are signalled, so a
 * supervisor restarting the process can register the name again. Names are ordinary map keys
 * removed on release: nothing is interned, nothing leaks. All methods are thread-safe. Claiming a
 * name is atomic and linearizable: of processes registering one name at once, exactly one succeeds.
 * Nothing here blocks, except the helpers that talk to the named process: {@link #call} waits as
 * {@link Proc#call} does, and {@link #send} and {@link #cast} wait as {@link Proc#send} does on a
 * full {@link OverflowPolicy#BLOCK} mailbox.
 */
public final class Registry {

  private static final ConcurrentHashMap<Object, Proc> NAMES = new ConcurrentHashMap<>();

  private Registry() {}

  /**
   * Registers {@code proc} under {@code name}.
   *
   * @param name the name; any object with value-based {@code equals} and {@code hashCode}; not null
   * @param proc the process to register; not null
   * @throws BadProcessArgumentException if {@code name} or {@code proc} is null, or {@code proc} is
   *     already registered (under this name or another: argument {@code proc}); the registry is
   *     unchanged
   * @throws NameInUseException if a live process already holds the name
   * @throws NoProcessException if {@code proc} has exited
   */
  public static void register(Object name, Proc proc) {
    Args.notNull(name, "name", () -> "register " + proc + ": name is null");
    Args.notNull(proc, "proc", () -> "register " + name + ": process is null");
    proc.claimName(name);
  }

  /**
   * Removes the name; returns false if it was not registered. The process keeps running.
   *
   * @param name the name to remove; not null
   * @return true if a live process held the name and no longer does
   * @throws BadProcessArgumentException if {@code name} is null
   */
  public static boolean unregister(Object name) {
    Args.notNull(name, "name", () -> "unregister: name is null");
    Proc proc = NAMES.get(name);
    return proc != null && proc.dropName(name);
  }

  /**
   * The live process registered under {@code name}, if any.
   *
   * @param name the name to look up; not null
   * @return the process holding the name, or empty if none does; a process whose exit is under way
   *     may still be returned until its name is released
   * @throws BadProcessArgumentException if {@code name} is null
   */
  public static Optional<Proc> whereis(Object name) {
    Args.notNull(name, "name", () -> "whereis: name is null");
    return Optional.ofNullable(NAMES.get(name));
  }

  /**
   * The live process registered under {@code name}.
   *
   * @param name the name to look up; not null
   * @return the process holding the name
   * @throws BadProcessArgumentException if {@code name} is null
   * @throws NoProcessException if no process holds the name
   */
  public static Proc lookup(Object name) {
    Args.notNull(name, "name", () -> "lookup: name is null");
    Proc proc = NAMES.get(name);
    if (proc == null) {
      throw new NoProcessException("no process is registered as " + name);
    }
    return proc;
  }

  /**
   * Every registered name and its process, as a snapshot.
   *
   * @return an immutable map of the names; weakly consistent: a name held throughout appears, one
   *     registered or released meanwhile may or may not
   */
  public static Map<Object, Proc> registered() {
    return Map.copyOf(NAMES);
  }

  /**
   * {@link Proc#send} to the process registered as {@code name}; false if there is none.
   *
   * @param name the name of the receiving process; not null
   * @param message the message; not null
   * @return true if a process holds the name and the message was put in its mailbox
   * @throws BadProcessArgumentException if {@code name} or {@code message} is null, whether or not
   *     a process holds the name
   * @throws ExitException as {@link Proc#send} does
   */
  public static boolean send(Object name, Object message) {
    Args.notNull(name, "name", () -> "send: name is null");
    if (message == null) {
      throw Args.badSend(registeredAs(name));
    }
    Proc proc = NAMES.get(name);
    return proc != null && proc.send(message);
  }

  /**
   * {@link Proc#cast} to the process registered as {@code name}; dropped if there is none.
   *
   * @param name the name of the server; not null
   * @param request the request; not null
   * @return true if a process holds the name and the request was put in its mailbox
   * @throws BadProcessArgumentException if {@code name} or {@code request} is null, whether or not
   *     a process holds the name
   * @throws ExitException as {@link Proc#cast} does
   */
  public static boolean cast(Object name, Object request) {
    Args.notNull(name, "name", () -> "cast: name is null");
    if (request == null) {
      throw Args.badCast(registeredAs(name));
    }
    Proc proc = NAMES.get(name);
    return proc != null && proc.cast(request);
  }

  /**
   * {@link Proc#call} to the process registered as {@code name}, which fails as {@link Proc#call}
   * does.
   *
   * @param name the name of the server; not null
   * @param request the request; not null
   * @param timeout how long to wait at most for the answer; not negative
   * @return the answer
   * @throws BadProcessArgumentException if {@code name}, {@code request} or {@code timeout} is null
   *     or {@code timeout} is negative, whether or not a process holds the name
   * @throws NoProcessException at once if no process holds the name
   */
  public static Object call(Object name, Object request, Duration timeout) {
    Args.notNull(name, "name", () -> "call: name is null");
    if (request == null || timeout == null || timeout.isNegative()) {
      throw Args.badCall(registeredAs(name), request, timeout);
    }
    return lookup(name).call(request, timeout);
  }

  private static String registeredAs(Object name) {
    return "the process registered as " + name;
  }

  static void claim(Object name, Proc proc) {
    Proc holder = NAMES.putIfAbsent(name, proc);
    if (holder != null) {
      throw new NameInUseException(
          "register " + name + " for " + proc + ": the name is held by " + holder);
    }
  }

  static void release(Object name, Proc proc) {
    NAMES.remove(name, proc);
  }
}
