/**
 * Micrometer integration: {@link io.jets.micrometer.JetsMetrics} registers gauges and counters for
 * jets tables, cache tables and processes.
 *
 * <h2>Vocabulary</h2>
 *
 * Meters read the same figures as {@code Table.info()}, {@code Table.stats()}, {@code
 * CacheTable.cacheStats()} and {@code Proc.info()}, with the same meaning, in the words of {@link
 * io.jets.table}: a table's size, memory and counters are <em>estimates</em> while the table is in
 * use, exact once it is quiet. What differs here:
 *
 * <dl>
 *   <dt>Weakly consistent
 *   <dd>{@code bindTo} binds the tables and processes listed when it runs; one created or ended
 *       during the call may or may not be bound, and later ones only by the next call.
 *   <dt>Not atomic, not isolated
 *   <dd>Each meter reads its own figure when the registry polls it: two meters of one table (its
 *       hits and misses, say) are two reads at two instants, not one snapshot.
 * </dl>
 *
 * <h2>Blocking</h2>
 *
 * Reading a meter never blocks and never takes a table lock; it reads the table's or process's
 * counters as any thread may. {@code bindTo} only registers meters (Micrometer's registry may
 * synchronize that). Meters hold their table or process weakly, so they never keep a deleted table
 * or an exited process reachable.
 *
 * <h2>Failures</h2>
 *
 * Reading a meter never throws: a meter of a deleted table, or of a PRIVATE table that the reading
 * thread may not read, reads {@code NaN} (the {@link io.jets.table.TableException} is swallowed);
 * the mailbox gauge of an exited process reads {@code NaN}, and its message counters keep their
 * final counts until the process is collected. {@code bindTo} of a null registry fails with
 * Micrometer's {@link NullPointerException} as soon as it has a meter to register.
 */
package io.jets.micrometer;
