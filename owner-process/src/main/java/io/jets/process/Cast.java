package io.jets.process;

/**
 * A request sent by {@link Proc#cast}: no answer is expected. A {@link GenServer} receives it in
 * {@code handleCast}; a plain process sees it from {@link Proc#receive}.
 *
 * @param request what the sender asked
 */
public record Cast(Object request) {}
