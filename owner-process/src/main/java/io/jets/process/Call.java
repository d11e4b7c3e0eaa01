package io.jets.process;

/**
 * A request sent by {@link Proc#call}. A {@link GenServer} receives it in {@code handleCall}; a
 * plain process sees it from {@link Proc#receive} and answers with {@code replyTo().reply(value)}.
 *
 * @param request what the caller asked
 * @param replyTo where the answer goes; usable once, from any thread
 */
public record Call(Object request, ReplyTo replyTo) {}
