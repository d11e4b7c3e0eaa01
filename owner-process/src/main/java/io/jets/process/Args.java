package io.jets.process;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The checks of bad input at the public entry points, each failing with a {@link
 * BadProcessArgumentException}. A message is built only when a check fails.
 */
final class Args {

  private Args() {}

  /** {@code value}, or a {@link BadProcessArgumentException} for {@code argument} if it is null. */
  static <T> T notNull(T value, String argument, Supplier<String> message) {
    if (value == null) {
      throw new BadProcessArgumentException(argument, message.get());
    }
    return value;
  }

  /** The exception for a bad {@code argument}. */
  static BadProcessArgumentException bad(String argument, String message) {
    return new BadProcessArgumentException(argument, message);
  }

  /** Checks the arguments of a call to {@code target}: a request and a timeout not negative. */
  static void checkCall(Object target, Object request, Duration timeout) {
    if (request == null || timeout == null || timeout.isNegative()) {
      throw badCall(String.valueOf(target), request, timeout);
    }
  }

  /** The exception for a call to {@code target} with a bad request or timeout. */
  static BadProcessArgumentException badCall(String target, Object request, Duration timeout) {
    if (request == null) {
      return bad("request", "call to " + target + ": request is null");
    }
    if (timeout == null) {
      return bad("timeout", "call " + request + " to " + target + ": timeout is null");
    }
    return bad("timeout", "call " + request + " to " + target + ": negative timeout " + timeout);
  }

  /** Checks the message of a send to {@code target}. */
  static void checkSend(Object target, Object message) {
    if (message == null) {
      throw badSend(String.valueOf(target));
    }
  }

  /** The exception for a send of a null message to {@code target}. */
  static BadProcessArgumentException badSend(String target) {
    return bad("message", "send to " + target + ": message is null");
  }

  /** Checks the request of a cast to {@code target}. */
  static void checkCast(Object target, Object request) {
    if (request == null) {
      throw badCast(String.valueOf(target));
    }
  }

  /** The exception for a cast of a null request to {@code target}. */
  static BadProcessArgumentException badCast(String target) {
    return bad("request", "cast to " + target + ": request is null");
  }
}
